import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createWildlifeClient } from '@wildlife/client';
import type { CloudEvent, RequestEndorsedV1 } from '@wildlife/contracts';
import { reverify } from '@wildlife/signatures';
import { waitUntil } from '@wildlife/testing';
import { startEndorsementWorld, type EndorsementWorld } from './support/endorsement-world.js';

const DAY_MS = 86_400_000;

describe('the request lifecycle at its NCB', () => {
  let world: EndorsementWorld;

  beforeAll(async () => {
    world = await startEndorsementWorld('endorsement-lifecycle');
  }, 60_000);
  afterAll(async () => {
    await world?.stop();
  });

  const typesPublishedAbout = (requestId: string) => world.published.about(requestId).map((event) => event.type);

  it('turns intake’s submission into a request its NCB sees as submitted, at version 1', async () => {
    // Given intake published a submission of the French agency
    const requestId = await world.receivedRequest();

    // When the NCB of France reads it
    const answer = await world.as('ncbFr').get(`/v1/support-requests/${requestId}/endorsement`);

    // Then it is submitted, at version 1, with the agency and its country
    expect(answer.status).toBe(200);
    expect(answer.etag).toBe('"1"');
    expect(answer.body).toMatchObject({
      requestId,
      status: 'submitted',
      version: 1,
      agency: { principalId: 'agency-fr-ofb', country: 'FR' },
      country: 'FR',
      capabilities: ['information-sharing', 'operational-support'],
      history: [{ version: 1, event: 'received', by: 'agency-fr-ofb' }],
    });
  });

  it('lets the NCB acknowledge then endorse, issuing a permit with an expiry, and publishes each decision signed by the NCB', async () => {
    // Given a submitted request
    const requestId = await world.receivedRequest();
    const ncb = world.as('ncbFr');

    // When the NCB acknowledges it on version 1, then endorses it on version 2 for 30 days
    const acknowledged = await ncb.post(`/v1/support-requests/${requestId}/acknowledge`, { note: 'Received, checking.' }, { 'if-match': '"1"' });
    const endorsed = await ncb.post(`/v1/support-requests/${requestId}/endorse`, { note: 'Endorsed.', permitValidityDays: 30 }, { 'if-match': acknowledged.etag! });

    // Then each answers the new state and version
    expect(acknowledged).toMatchObject({ status: 200, etag: '"2"', body: { status: 'acknowledged', version: 2 } });
    expect(endorsed).toMatchObject({ status: 200, etag: '"4"', body: { status: 'endorsed', version: 4 } });
    // And the endorsement carries the permit for the agency and the GS team, 30 days from the endorsement
    const permit = endorsed.body.permit as Record<string, string>;
    expect(permit).toMatchObject({ requestId, agency: { principalId: 'agency-fr-ofb', country: 'FR' }, gsTeam: 'gs', issuedBy: 'ncb-fr', status: 'active' });
    expect(Date.parse(permit.expiresAt!) - Date.parse(permit.issuedAt!)).toBe(30 * DAY_MS);
    // And the public events reach the topic in order, valid against their contracts
    await waitUntil('the three public events are published', () => world.published.about(requestId).length >= 3);
    expect(typesPublishedAbout(requestId)).toEqual([
      'ncb-endorsement.RequestAcknowledged.v1',
      'ncb-endorsement.RequestEndorsed.v1',
      'ncb-endorsement.DirectContactPermitIssued.v1',
    ]);
    // And the endorsement's provenance is the NCB's own signature of the call, verifiable offline
    const endorsement = world.published.about(requestId)[1] as CloudEvent<RequestEndorsedV1>;
    expect(endorsement).toMatchObject({ principalid: 'ncb-fr', principalkind: 'ncb', principalcountry: 'FR', source: '/wildlife/ncb-endorsement' });
    const { principal, ...material } = endorsement.data.provenance;
    expect(principal).toEqual({ id: 'ncb-fr', kind: 'ncb', country: 'FR' });
    expect(reverify(material, world.keys.ncbFr.publicKey)).toMatchObject({ ok: true, keyId: 'ncb-fr-key-1' });
    expect(JSON.parse(Buffer.from(material.bodyBase64, 'base64').toString('utf8'))).toEqual({ note: 'Endorsed.', permitValidityDays: 30 });
  });

  it('lets the NCB decline with a reason, which is published, and nothing leaves declined', async () => {
    // Given an acknowledged request
    const requestId = await world.receivedRequest();
    const ncb = world.as('ncbFr');
    await ncb.post(`/v1/support-requests/${requestId}/acknowledge`, {}, { 'if-match': '"1"' });

    // When the NCB declines it
    const declined = await ncb.post(`/v1/support-requests/${requestId}/decline`, { reason: 'A national investigation covers it.' }, { 'if-match': '"2"' });

    // Then it is declined, and the decline is published with its reason
    expect(declined).toMatchObject({ status: 200, etag: '"3"', body: { status: 'declined', version: 3 } });
    await waitUntil('the decline is published', () => typesPublishedAbout(requestId).includes('ncb-endorsement.RequestDeclined.v1'));
    expect(world.published.about(requestId).at(-1)!.data).toMatchObject({ requestId, reason: 'A national investigation covers it.', ncb: { principalId: 'ncb-fr' } });
    // And endorsing it now is refused, naming the state
    const endorse = await ncb.post(`/v1/support-requests/${requestId}/endorse`, {}, { 'if-match': '"3"' });
    expect(endorse.status).toBe(409);
    expect(endorse.body).toMatchObject({ currentState: 'declined', type: expect.stringMatching(/transition-is-not-allowed$/) });
    expect(endorse.body.detail).toContain('declined');
  });

  it.each([
    ['endorse', 'submitted', 1],
    ['acknowledge', 'acknowledged', 2],
  ])('refuses to %s a request that is %s with a 409 naming the state, storing nothing', async (action, state, version) => {
    // Given a request in that state
    const requestId = await world.receivedRequest();
    const ncb = world.as('ncbFr');
    if (version === 2) await ncb.post(`/v1/support-requests/${requestId}/acknowledge`, {}, { 'if-match': '"1"' });
    const before = await world.storedFor(requestId);

    // When the NCB tries the action on the current version
    const answer = await ncb.post(`/v1/support-requests/${requestId}/${action}`, {}, { 'if-match': `"${version}"` });

    // Then it is refused naming the current state, and nothing changed
    expect(answer).toMatchObject({ status: 409, body: { status: 409, currentState: state } });
    expect(answer.body.detail).toContain(state);
    expect(await world.storedFor(requestId)).toEqual(before);
  });

  it('takes a request or permit id written in capitals as the same id: a UUID is the same whatever its case', async () => {
    const { requestId, permitId } = await world.endorsedRequest();
    const ncb = world.as('ncbFr');

    const read = await ncb.get(`/v1/support-requests/${requestId.toUpperCase()}/endorsement`);
    const permit = await ncb.get(`/v1/permits/${permitId.toUpperCase()}`);
    const revoked = await ncb.post(`/v1/permits/${permitId.toUpperCase()}/revoke`, { reason: 'Closed.' });

    expect(read).toMatchObject({ status: 200, body: { requestId, status: 'endorsed' } });
    expect(permit).toMatchObject({ status: 200, body: { permitId, status: 'active' } });
    expect(revoked).toMatchObject({ status: 200, body: { permitId, status: 'revoked' } });
  });

  it('keeps an acknowledgement’s note with the NCB: the requesting agency sees the step without it', async () => {
    const requestId = await world.receivedRequest();
    await world.as('ncbFr').post(`/v1/support-requests/${requestId}/acknowledge`, { note: 'Internal: check with customs.' }, { 'if-match': '"1"' });

    const byNcb = await world.as('ncbFr').get(`/v1/support-requests/${requestId}/endorsement`);
    const byAgency = await world.as('agencyFr').get(`/v1/support-requests/${requestId}/endorsement`);

    expect(byNcb.body.history).toContainEqual(expect.objectContaining({ event: 'acknowledged', note: 'Internal: check with customs.' }));
    expect(byAgency.body.history).toContainEqual(expect.objectContaining({ event: 'acknowledged', by: 'ncb-fr' }));
    expect(byAgency.body.history).not.toContainEqual(expect.objectContaining({ note: expect.anything() }));
  });

  it('serves the SDK’s endorsement calls (libs/client) as they are written', async () => {
    // Given a submitted request and the NCB of France using the SDK
    const requestId = await world.receivedRequest();
    const url = await world.service.app.getUrl();
    const { keyId, privateKey } = world.keys.ncbFr;
    const sdk = createWildlifeClient({ endpoints: { endorsement: url }, key: { keyId, privateKey } }).endorsement;

    // When it reads, acknowledges, endorses with the versions it read, reads the permit and revokes it
    // on the permit's version (after trying an older one)
    const read = await sdk.getEndorsement(requestId);
    const acknowledged = await sdk.acknowledge(requestId, { version: read.version });
    const endorsed = await sdk.endorse(requestId, { version: acknowledged.version, permitValidityDays: 7 });
    const permit = await sdk.getPermit(endorsed.permit.permitId);
    const stale = await sdk.revokePermit(permit.permitId, { reason: 'Closed.', version: read.version }).catch((error: unknown) => error);
    const revoked = await sdk.revokePermit(permit.permitId, { reason: 'Closed.', version: permit.version });

    // Then every call went through but the revocation on an old version, and the permit read is the one the endorsement issued
    expect([read.status, acknowledged.status, endorsed.status, permit.status, revoked.status]).toEqual(['submitted', 'acknowledged', 'endorsed', 'active', 'revoked']);
    expect(stale).toMatchObject({ name: 'WildlifeApiError', status: 412 });
    expect(permit).toEqual(endorsed.permit);
  });
});
