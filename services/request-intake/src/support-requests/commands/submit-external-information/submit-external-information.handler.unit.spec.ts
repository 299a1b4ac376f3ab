import { describe, expect, it } from '@jest/globals';
import { EXTERNAL_INFORMATION_CAVEAT } from '@wildlife/contracts';
import { PendingNonce, type PrincipalDirectory, type VerifiedPrincipal } from '@wildlife/service-kit';
import { plainToInstance } from 'class-transformer';
import { signatureMaterial } from '../../domain/support-request.examples.spec.js';
import { fakeDatabase, fakeEventStore, json } from '../record-submission.fakes.spec.js';
import { SubmissionRecorder } from '../record-submission.js';
import { SubmitExternalInformationCommand } from './submit-external-information.command.js';
import { SubmitExternalInformationHandler } from './submit-external-information.handler.js';
import { SubmitExternalInformationBody } from './submit-external-information.request.dto.js';

// What the handler hands to the one statement that records a submission (recordSubmission, whose
// answers to each outcome the support-request handler's spec covers), and what it refuses before.

const wildWatch: VerifiedPrincipal = { id: 'external-wildwatch', kind: 'external-source' };
const unregisteredSource: VerifiedPrincipal = { id: 'external-nobody', kind: 'external-source' };
const frenchAgency: VerifiedPrincipal = { id: 'agency-fr-ofb', kind: 'agency', country: 'FR' };
const registered = new Map<string, VerifiedPrincipal>([[wildWatch.id, { ...wildWatch, name: 'WildWatch (NGO)' } as VerifiedPrincipal]]);
const directory: PrincipalDirectory = { resolveKey: () => ({ refused: 'key_unknown' }), principal: (id) => registered.get(id) };

const relatedRequestId = '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04';
const body = () => plainToInstance(SubmitExternalInformationBody, { summary: 'The seller moved to a private group.', relatedRequestId: relatedRequestId.toUpperCase() });

function given() {
  const database = fakeDatabase();
  const store = fakeEventStore();
  return { handler: new SubmitExternalInformationHandler(new SubmissionRecorder(database.pool, store.eventStore), 'p.', directory), ...database, ...store };
}

const signedBy = (principal: VerifiedPrincipal, pendingNonce?: PendingNonce) => ({ principal, material: signatureMaterial, ...(pendingNonce && { pendingNonce }) });

describe('the external-information handler', () => {
  it('records the nonce, the key’s answer, the information, its public event keyed by the related request and its read model in one statement, then wakes the relay', async () => {
    const { handler, statements, wakeUps } = given();
    const pending = new PendingNonce('external-wildwatch-2026', 'n-1', 1_700_000_300);

    const outcome = await handler.execute(new SubmitExternalInformationCommand(signedBy(wildWatch, pending), body(), { key: 'k-1', fingerprint: 'f' }));

    const { informationId } = outcome.body;
    expect(outcome).toEqual({
      status: 202,
      replayed: false,
      body: { informationId, external: true, caveat: EXTERNAL_INFORMATION_CAVEAT, url: `/v1/external-information/${informationId}` },
    });
    expect(statements).toHaveLength(1);
    const [nonce, answer, streamId, events, outbox, , notifyRelay, viewKind, view] = statements[0]!.values;
    expect(statements[0]!.text).toContain('record_submission(');
    expect([streamId, notifyRelay, viewKind]).toEqual([`external-information-${informationId}`, false, 'external_information']);
    expect(pending.handedOver).toBe(true);
    expect(json(nonce)).toEqual({ keyId: 'external-wildwatch-2026', nonce: 'n-1', expiresAt: 1_700_000_300 });
    expect(json(answer)).toEqual({ principalId: 'external-wildwatch', key: 'k-1', requestHash: 'f', status: 202, body: outcome.body });
    expect(wakeUps).toEqual(['committed']);
    const [event] = JSON.parse(events as string) as { eventId: string }[];
    expect(event).toMatchObject({
      type: 'ExternalInformationReceived',
      data: { informationId, relatedRequestId, externalSource: { principalId: 'external-wildwatch', name: 'WildWatch (NGO)' } },
      metadata: { correlationId: relatedRequestId, principal: { id: 'external-wildwatch', kind: 'external-source' } },
    });
    expect(JSON.parse(outbox as string)).toEqual([expect.objectContaining({ topic: 'p.wildlife.request-intake.events', messageId: event!.eventId, key: relatedRequestId })]);
    expect(json(view)).toMatchObject({ information_id: informationId, source_name: 'WildWatch (NGO)', external: true, related_request_id: relatedRequestId, version: 1 });
  });

  it.each([
    ['an agency', frenchAgency],
    ['an external source the registry does not hold', unregisteredSource],
  ])('refuses %s with 403 before touching the database, leaving its nonce unclaimed', async (_case, principal) => {
    const { handler, statements } = given();
    const pending = new PendingNonce('k', 'n', 1);

    const outcome = handler.execute(new SubmitExternalInformationCommand(signedBy(principal, pending), body(), undefined));

    await expect(outcome).rejects.toMatchObject({ status: 403 });
    expect(statements).toEqual([]);
    expect(pending.handedOver).toBe(false);
  });
});
