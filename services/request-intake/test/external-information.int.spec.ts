import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { contracts, EXTERNAL_INFORMATION_CAVEAT } from '@wildlife/contracts';
import { fromKafkaMessage } from '@wildlife/messaging';
import { headerOf } from '@wildlife/testing';
import { rebuildReadModels } from '../src/index.js';
import type { CastName } from './support/intake-principals.js';
import { externalInformationBody } from './support/intake-examples.js';
import { startIntake, storedCounts, type RunningIntake } from './support/intake-service.js';

describe('external information', () => {
  let intake: RunningIntake;

  beforeAll(async () => {
    intake = await startIntake('intake-external');
  });
  afterAll(async () => {
    await intake?.stop();
  });

  const send = (as: CastName, body = externalInformationBody()) => intake.client.post(as, '/v1/external-information', body);

  it('accepts information from a registered external source, flagged external with the caveat', async () => {
    const accepted = await send('wildWatch', externalInformationBody({ relatedRequestId: '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04' }));

    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({
      informationId: expect.any(String),
      external: true,
      caveat: EXTERNAL_INFORMATION_CAVEAT,
      url: `/v1/external-information/${(accepted.body as { informationId: string }).informationId}`,
    });
    expect(accepted.headers.get('location')).toBe((accepted.body as { url: string }).url);
  });

  it('publishes it flagged external, with the caveat, its source’s registered name and the signature material', async () => {
    const accepted = await send('wildWatch');

    const informationId = (accepted.body as { informationId: string }).informationId;
    const published = await (await intake.published()).first(
      ({ message }) => headerOf(message, 'ce_type') === 'request-intake.ExternalInformationReceived.v1' && JSON.parse(String(message.value)).informationId === informationId,
    );
    const event = contracts.decodeEvent(fromKafkaMessage(published.message));
    const data = contracts.decode('request-intake.ExternalInformationReceived.v1', event.data);
    expect(data).toMatchObject({
      external: true,
      caveat: EXTERNAL_INFORMATION_CAVEAT,
      externalSource: { principalId: 'external-wildwatch', name: 'WildWatch (NGO)' },
      provenance: { principal: { id: 'external-wildwatch', kind: 'external-source' }, keyId: 'external-wildwatch-2026' },
    });
    expect(event).toMatchObject({ type: 'request-intake.ExternalInformationReceived.v1', principalkind: 'external-source' });
  });

  it('stores it on a stream of its own, correlated with the request it names', async () => {
    const relatedRequestId = randomUUID();

    const accepted = await send('wildWatch', externalInformationBody({ relatedRequestId: relatedRequestId.toUpperCase() }));

    const { informationId } = accepted.body as { informationId: string };
    const stored = await intake.service.eventStore.readStream(`external-information-${informationId}`);
    expect(stored).toEqual([
      expect.objectContaining({
        type: 'ExternalInformationReceived',
        streamPosition: 1,
        data: expect.objectContaining({ informationId, relatedRequestId, external: true, externalSource: expect.objectContaining({ name: 'WildWatch (NGO)' }) }),
        metadata: { correlationId: relatedRequestId, principal: { id: 'external-wildwatch', kind: 'external-source' } },
      }),
    ]);
  });

  it('rebuilds its read model from the event log equal to the rows written live', async () => {
    const relatedRequestId = randomUUID();
    const accepted = await send('wildWatch', externalInformationBody({ relatedRequestId, summary: `Quoted "as is", with a \\ and ünïcödé (${randomUUID()}).` }));
    await send('otherSource', { summary: `A summary alone (${randomUUID()}).` });
    const { informationId } = accepted.body as { informationId: string };
    const rows = () => intake.service.pool.query('SELECT * FROM external_information ORDER BY information_id').then((result) => result.rows);
    const live = await rows();

    const rebuilt = await rebuildReadModels(intake.service.pool);

    expect(rebuilt.externalInformation).toBe(live.length);
    expect(await rows()).toEqual(live);
    expect(live.find((row) => row.information_id === informationId)).toEqual({
      information_id: informationId,
      source_id: 'external-wildwatch',
      source_name: 'WildWatch (NGO)',
      received_at: expect.any(Date),
      external: true,
      caveat: EXTERNAL_INFORMATION_CAVEAT,
      summary: expect.stringContaining('"as is", with a \\ and ünïcödé'),
      related_request_id: relatedRequestId,
      countries_concerned: ['FR'],
      facts: expect.objectContaining({ countriesConcerned: ['FR'], species: [{ scientificName: 'Psittacus erithacus' }] }),
      version: 1,
    });
  });

  it.each(['frenchAgency', 'frenchNcb', 'generalSecretariat', 'auditor'] as const)('refuses it from %s, storing nothing', async (signer) => {
    const before = await storedCounts(intake.service);

    const refused = await send(signer);

    expect(refused.status).toBe(403);
    expect(await storedCounts(intake.service)).toEqual(before);
  });

  describe('reading it back', () => {
    let url: string;

    beforeAll(async () => {
      url = ((await send('wildWatch', externalInformationBody({ countriesConcerned: ['FR'] }))).body as { url: string }).url;
    });

    it.each([
      ['the General Secretariat', 'generalSecretariat', 200],
      ['the NCB of a country it concerns', 'frenchNcb', 200],
      ['the NCB of another country', 'kenyanNcb', 404],
      ['an agency of a country it concerns', 'frenchAgency', 404],
      ['another external source', 'otherSource', 404],
      ['an auditor', 'auditor', 404],
    ] as const)('answers %s (%s) with %d', async (_who, reader, status) => {
      const answer = await intake.client.get(reader, url);

      expect(answer.status).toBe(status);
    });

    it('always shows the external flag and the caveat', async () => {
      const answer = await intake.client.get('generalSecretariat', url);

      expect(answer.body).toMatchObject({ external: true, caveat: EXTERNAL_INFORMATION_CAVEAT, externalSource: { name: 'WildWatch (NGO)' } });
      expect(Object.keys(answer.body).slice(0, 2)).toEqual(['external', 'caveat']);
    });
  });
});
