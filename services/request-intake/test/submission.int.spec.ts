import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { contracts } from '@wildlife/contracts';
import { fromKafkaMessage } from '@wildlife/messaging';
import { headerOf } from '@wildlife/testing';
import type { CastName } from './support/intake-principals.js';
import { supportRequestBody } from './support/intake-examples.js';
import { startIntake, storedCounts, type RunningIntake } from './support/intake-service.js';

describe('submitting a support request', () => {
  let intake: RunningIntake;

  beforeAll(async () => {
    intake = await startIntake('intake-submission');
  });
  afterAll(async () => {
    await intake?.stop();
  });

  const submit = (as: CastName, body = supportRequestBody(), headers: Record<string, string> = {}) =>
    intake.client.post(as, '/v1/support-requests', body, headers);

  /** Runs `refused` and checks that it stored nothing (so queued nothing for publication). */
  async function storesNothing(refused: () => Promise<{ status: number }>): Promise<{ status: number; body?: unknown }> {
    const before = await storedCounts(intake.service);
    const answer = await refused();
    expect(await storedCounts(intake.service)).toEqual(before);
    return answer;
  }

  it('accepts an agency’s request with 202, its id and status URL, and shows it as submitted with its history', async () => {
    const body = supportRequestBody();

    const accepted = await submit('frenchAgency', body);

    expect(accepted.status).toBe(202);
    const { requestId, statusUrl } = accepted.body as { requestId: string; statusUrl: string };
    expect(accepted.body).toEqual({ requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'submitted', statusUrl: `/v1/support-requests/${requestId}` });
    expect(accepted.headers.get('location')).toBe(statusUrl);
    const shown = await intake.client.get('frenchAgency', statusUrl);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('etag')).toBe('"1"');
    expect(shown.body).toMatchObject({
      requestId,
      status: 'submitted',
      provenanceStatus: 'unverified',
      requestingAgency: { principalId: 'agency-fr-ofb', country: 'FR' },
      submittedBy: { principalId: 'agency-fr-ofb', kind: 'agency', country: 'FR' },
      channel: 'requesting-agency',
      caseSummary: body.caseSummary,
      countriesConcerned: ['FR', 'NL', 'BE'],
      version: 1,
      history: [{ what: 'SupportRequestSubmitted', at: expect.any(String), by: 'agency-fr-ofb' }],
    });
  });

  it('accepts the README’s example body (docs/examples/support-request.json)', async () => {
    const example = JSON.parse(await readFile(new URL('../../../docs/examples/support-request.json', import.meta.url), 'utf8')) as Record<string, unknown>;

    const accepted = await submit('frenchAgency', example);

    expect(accepted.status).toBe(202);
    const shown = await intake.client.get('frenchAgency', (accepted.body as { statusUrl: string }).statusUrl);
    expect(shown.body).toMatchObject({ status: 'submitted', caseSummary: example.caseSummary, countriesConcerned: example.countriesConcerned });
  });

  it('stores the submission and publishes its public event, which carries the signature material', async () => {
    const before = await storedCounts(intake.service);

    const accepted = await submit('frenchAgency');

    const requestId = (accepted.body as { requestId: string }).requestId;
    expect(await storedCounts(intake.service)).toMatchObject({ events: before.events + 1, requests: before.requests + 1 });
    const published = await (await intake.published()).first(({ message }) => headerOf(message, 'ce_subject') === requestId);
    expect(published.topic).toBe(`${intake.topicPrefix}wildlife.request-intake.events`);
    expect(published.message.key?.toString()).toBe(requestId);
    const event = contracts.decodeEvent(fromKafkaMessage(published.message));
    expect(event).toMatchObject({ type: 'request-intake.SupportRequestSubmitted.v1', subject: requestId, principalid: 'agency-fr-ofb' });
    expect((event.data as { provenance: unknown }).provenance).toMatchObject({
      principal: { id: 'agency-fr-ofb', kind: 'agency', country: 'FR' },
      keyId: 'agency-fr-ofb-2026',
      method: 'POST',
    });
    const stored = await intake.service.eventStore.readStream(`support-request-${requestId}`);
    expect(stored.map((e) => e.eventId)).toEqual([event.id]);
  });

  it('takes the requesting agency and its country from the signature, never from the body', async () => {
    const body = supportRequestBody({ requestingAgency: { principalId: 'agency-ke-kws', country: 'KE' } });

    const refused = await storesNothing(() => submit('frenchAgency', body));

    expect(refused).toMatchObject({ status: 400, body: { errors: [{ pointer: '/requestingAgency', reason: expect.any(String) }] } });
  });

  describe('by an NCB on behalf of an agency', () => {
    it('accepts the NCB of the agency’s own country, recording the agency as requester and the NCB as signer', async () => {
      const accepted = await submit('frenchNcb', supportRequestBody({ onBehalfOfAgency: 'agency-fr-ofb' }));

      expect(accepted.status).toBe(202);
      const shown = await intake.client.get('frenchAgency', (accepted.body as { statusUrl: string }).statusUrl);
      expect(shown.body).toMatchObject({
        requestingAgency: { principalId: 'agency-fr-ofb', country: 'FR' },
        submittedBy: { principalId: 'ncb-fr', kind: 'ncb', country: 'FR' },
        channel: 'ncb-on-behalf',
      });
    });

    it('refuses an NCB acting for an agency of another country, storing nothing', async () => {
      const refused = await storesNothing(() => submit('kenyanNcb', supportRequestBody({ onBehalfOfAgency: 'agency-fr-ofb' })));

      expect(refused).toMatchObject({ status: 403, body: { rule: 'AnNcbSubmitsOnlyForAnAgencyOfItsOwnCountry' } });
    });

    it('refuses an NCB that names no agency, or names one the registry does not hold', async () => {
      const unnamed = await storesNothing(() => submit('frenchNcb'));
      const unknown = await storesNothing(() => submit('frenchNcb', supportRequestBody({ onBehalfOfAgency: 'agency-fr-nobody' })));
      const notAnAgency = await storesNothing(() => submit('frenchNcb', supportRequestBody({ onBehalfOfAgency: 'ncb-fr' })));

      expect(unnamed).toMatchObject({ status: 422, body: { errors: [{ pointer: '/onBehalfOfAgency' }] } });
      expect(unknown).toMatchObject({ status: 422, body: { type: expect.stringContaining('on-behalf-of-agency-unknown') } });
      expect(notAnAgency.status).toBe(422);
    });
  });

  it('refuses an agency that names another agency to submit for, even one of its own country', async () => {
    const refused = await storesNothing(() => submit('frenchAgency', supportRequestBody({ onBehalfOfAgency: 'agency-fr-douane' })));

    expect(refused).toMatchObject({ status: 403, body: { rule: 'AnAgencySubmitsOnlyForItself' } });
  });

  it.each(['generalSecretariat', 'wildWatch', 'auditor'] as const)('refuses a submission signed by %s, storing nothing', async (signer) => {
    const refused = await storesNothing(() => submit(signer));

    expect(refused.status).toBe(403);
  });

  it('refuses operational detail without the operational-support capability, pointing at the field', async () => {
    const body = supportRequestBody({ capabilities: ['expert-network'] });

    const refused = await storesNothing(() => submit('frenchAgency', body));

    expect(refused).toMatchObject({ status: 422, body: { errors: [{ pointer: '/operationalSupport' }] } });
  });
});
