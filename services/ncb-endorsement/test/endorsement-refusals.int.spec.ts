import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitUntil } from '@wildlife/testing';
import type { CastMember } from './support/cast.js';
import { startEndorsementWorld, type EndorsementWorld } from './support/endorsement-world.js';

// Who may do what to a request of the French agency `agency-fr-ofb` (docs/AUTHORISATION.md): only
// the NCB of France decides; the NCB of another country, an agency of either country (even the
// requesting one), the GS, an external source and an auditor are refused at every endpoint: 404
// where they may not know the request exists, 403 where they may see it but not act.

const DECISION_REFUSALS: [CastMember, number][] = [
  ['ncbKe', 404],
  ['agencyFr', 403],
  ['otherAgencyFr', 404],
  ['agencyKe', 404],
  ['gs', 403],
  ['externalSource', 404],
  ['auditor', 404],
];

/** The table allows the GS to end a permit; the endorsement's rule leaves it to the NCB: 403. */
const REVOCATION_REFUSALS: [CastMember, number][] = DECISION_REFUSALS;

const READ_REFUSALS: CastMember[] = ['ncbKe', 'otherAgencyFr', 'agencyKe', 'externalSource', 'auditor'];
const READERS: CastMember[] = ['ncbFr', 'agencyFr', 'gs'];

describe('refusing whoever is not the NCB of the requesting agency’s country', () => {
  let world: EndorsementWorld;

  beforeAll(async () => {
    world = await startEndorsementWorld('endorsement-refusals');
  }, 60_000);
  afterAll(async () => {
    await world?.stop();
  });

  /** Every call of `member` is refused with `status`, and nothing was stored (so nothing queued for publication). */
  async function expectRefusedStoringNothing(requestId: string, calls: [CastMember, number, () => Promise<{ status: number; body: Record<string, unknown> }>][]) {
    const before = await world.storedFor(requestId);
    const answers = [];
    for (const [member, , call] of calls) answers.push([member, (await call()).status]);
    expect(answers).toEqual(calls.map(([member, status]) => [member, status]));
    expect(await world.storedFor(requestId)).toEqual(before);
  }

  it.each(['acknowledge', 'decline'])('refuses everyone else to %s a submitted request, storing nothing', async (action) => {
    const requestId = await world.receivedRequest();
    const body = action === 'decline' ? { reason: 'Not ours.' } : {};

    await expectRefusedStoringNothing(
      requestId,
      DECISION_REFUSALS.map(([member, status]) => [member, status, () => world.as(member).post(`/v1/support-requests/${requestId}/${action}`, body, { 'if-match': '"1"' })]),
    );
  });

  it('refuses everyone else to endorse an acknowledged request, storing nothing', async () => {
    const requestId = await world.acknowledgedRequest();

    await expectRefusedStoringNothing(
      requestId,
      DECISION_REFUSALS.map(([member, status]) => [member, status, () => world.as(member).post(`/v1/support-requests/${requestId}/endorse`, {}, { 'if-match': '"2"' })]),
    );
  });

  describe('on an endorsed request and its permit', () => {
    let requestId: string;
    let permitId: string;

    beforeAll(async () => {
      ({ requestId, permitId } = await world.endorsedRequest());
    });

    it('refuses everyone else to revoke the permit, storing nothing', async () => {
      await expectRefusedStoringNothing(
        requestId,
        REVOCATION_REFUSALS.map(([member, status]) => [member, status, () => world.as(member).post(`/v1/permits/${permitId}/revoke`, { reason: 'Mine now.' })]),
      );
    });

    it('hides the request and the permit from whoever may not read them, answering as for an unknown one', async () => {
      const unknown = await world.as('ncbKe').get(`/v1/support-requests/00000000-0000-4000-8000-000000000000/endorsement`);
      for (const member of READ_REFUSALS) {
        const request = await world.as(member).get(`/v1/support-requests/${requestId}/endorsement`);
        const permit = await world.as(member).get(`/v1/permits/${permitId}`);
        expect([member, request.status, permit.status]).toEqual([member, 404, 404]);
        expect({ ...request.body, instance: undefined, detail: undefined }).toEqual({ ...unknown.body, instance: undefined, detail: undefined });
      }
    });

    it('shows them to the NCB of France, the requesting agency and the GS', async () => {
      for (const member of READERS) {
        const request = await world.as(member).get(`/v1/support-requests/${requestId}/endorsement`);
        const permit = await world.as(member).get(`/v1/permits/${permitId}`);
        expect([member, request.status, permit.status]).toEqual([member, 200, 200]);
      }
    });

    it('published nothing for any refusal: the topic holds the NCB’s own decisions only', async () => {
      // When the NCB itself revokes the permit, after every refused call above
      await world.as('ncbFr').post(`/v1/permits/${permitId}/revoke`, { reason: 'Closed.' });

      // Then, once that revocation is on the topic, the request's events are the NCB's four, in order
      // (one partition per request: anything published before the revocation would be there already)
      await waitUntil('the revocation is published', () => world.published.about(requestId).some((e) => e.type.endsWith('PermitRevoked.v1')));
      expect(world.published.about(requestId).map((event) => [event.type, event.principalid])).toEqual([
        ['ncb-endorsement.RequestAcknowledged.v1', 'ncb-fr'],
        ['ncb-endorsement.RequestEndorsed.v1', 'ncb-fr'],
        ['ncb-endorsement.DirectContactPermitIssued.v1', 'ncb-fr'],
        ['ncb-endorsement.DirectContactPermitRevoked.v1', 'ncb-fr'],
      ]);
    });
  });

  it('answers 404 for a request it never received, to its would-be NCB too', async () => {
    const requestId = '5d0c7a3e-9b1f-4c2a-8e6d-1f2a3b4c5d6e';

    const acknowledge = await world.as('ncbFr').post(`/v1/support-requests/${requestId}/acknowledge`, {}, { 'if-match': '"0"' });
    const read = await world.as('ncbFr').get(`/v1/support-requests/${requestId}/endorsement`);
    const revoke = await world.as('ncbFr').post(`/v1/permits/${requestId}/revoke`, { reason: 'None.' });

    expect([acknowledge.status, read.status, revoke.status]).toEqual([404, 404, 404]);
  });

  it('refuses an unsigned call before anything else', async () => {
    const requestId = await world.receivedRequest();
    const url = await world.service.app.getUrl();

    const response = await fetch(`${url}/v1/support-requests/${requestId}/acknowledge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-match': '"1"' },
      body: '{}',
    });

    expect(response.status).toBe(401);
  });
});
