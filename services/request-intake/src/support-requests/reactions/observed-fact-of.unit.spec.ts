import { describe, expect, it } from '@jest/globals';
import {
  decisionSetAsideV1Example,
  directContactPermitIssuedV1Example,
  directContactPermitRevokedV1Example,
  externalInformationReceivedV1Example,
  recordRejectedV1Example,
  recordVerifiedV1Example,
  requestAcknowledgedV1Example,
  requestDeclinedV1Example,
  requestEndorsedV1Example,
  type CloudEvent,
} from '@wildlife/contracts';
import { observedFactOf } from './observed-fact-of.js';

const withData = <T extends object>(event: CloudEvent<T>, data: Partial<T>): CloudEvent<T> => ({ ...event, data: { ...event.data, ...data } });

describe('what intake learns from a public event', () => {
  it.each([
    ['RequestAcknowledged', 'RequestAcknowledgedByNcb', requestAcknowledgedV1Example, requestAcknowledgedV1Example.data.acknowledgedAt],
    ['RequestEndorsed', 'RequestEndorsedByNcb', requestEndorsedV1Example, requestEndorsedV1Example.data.endorsedAt],
    ['RequestDeclined', 'RequestDeclinedByNcb', requestDeclinedV1Example, requestDeclinedV1Example.data.declinedAt],
    ['DirectContactPermitIssued', 'DirectContactPermitIssued', directContactPermitIssuedV1Example, directContactPermitIssuedV1Example.data.issuedAt],
    ['DirectContactPermitRevoked', 'DirectContactPermitRevoked', directContactPermitRevokedV1Example, directContactPermitRevokedV1Example.data.revokedAt],
  ] as const)('reads %s as %s about its request, at the time it names', (_name, type, event, at) => {
    expect(observedFactOf(event as CloudEvent)?.fact).toMatchObject({ type, requestId: event.data.requestId, at, sourceEventId: event.id });
  });

  it('keeps the NCB, the note and the reason of the NCB’s decisions', () => {
    expect(observedFactOf(requestEndorsedV1Example)?.fact).toMatchObject({ ncb: { principalId: 'ncb-fr', country: 'FR' }, note: requestEndorsedV1Example.data.note });
    expect(observedFactOf(requestDeclinedV1Example)?.fact).toMatchObject({ reason: requestDeclinedV1Example.data.reason });
  });

  it('reads a decision set aside with where the request now stands and the permit it voided', () => {
    const { data } = decisionSetAsideV1Example;

    expect(observedFactOf(decisionSetAsideV1Example)?.fact).toEqual({
      type: 'NcbDecisionSetAside',
      requestId: data.requestId,
      at: data.setAsideAt,
      sourceEventId: decisionSetAsideV1Example.id,
      recordType: 'ncb-endorsement.RequestEndorsed.v1',
      reason: data.reason,
      status: 'acknowledged',
      voidedPermitId: data.voidedPermitId,
    });
  });

  it('leaves the note out of an endorsement that has none', () => {
    const { note: _note, ...data } = requestEndorsedV1Example.data;

    expect(observedFactOf({ ...requestEndorsedV1Example, data })?.fact).not.toHaveProperty('note');
  });

  it('reads a provenance verdict on a submission as a fact about the request its subject names, with the record id to check', () => {
    const verified = observedFactOf(recordVerifiedV1Example);
    const rejectedSubmission = withData(recordRejectedV1Example, { recordType: 'request-intake.SupportRequestSubmitted.v1' });
    const rejected = observedFactOf(rejectedSubmission);

    expect(verified).toEqual({
      fact: expect.objectContaining({ type: 'ProvenanceVerified', requestId: recordVerifiedV1Example.subject, classification: 'official' }),
      recordId: recordVerifiedV1Example.data.recordId,
    });
    expect(rejected).toEqual({
      fact: expect.objectContaining({ type: 'ProvenanceRejected', requestId: recordRejectedV1Example.subject, reason: recordRejectedV1Example.data.reason }),
      recordId: recordRejectedV1Example.data.recordId,
    });
  });

  it('learns nothing from a verdict on another kind of record, or an external classification', () => {
    expect(observedFactOf(withData(recordVerifiedV1Example, { recordType: 'request-intake.ExternalInformationReceived.v1' }))).toBeUndefined();
    expect(observedFactOf(withData(recordRejectedV1Example, { recordType: 'ncb-endorsement.RequestEndorsed.v1' }))).toBeUndefined();
    expect(observedFactOf(withData(recordVerifiedV1Example, { classification: 'external' }))).toBeUndefined();
  });

  it('names the request in lower case, however the event spelled its id (the contract takes capitals)', () => {
    const upper = (id: string) => id.toUpperCase();
    const acknowledged = withData(requestAcknowledgedV1Example, { requestId: upper(requestAcknowledgedV1Example.data.requestId) });
    const verdict = { ...recordVerifiedV1Example, subject: upper(recordVerifiedV1Example.subject) };
    const rejection = { ...withData(recordRejectedV1Example, { recordType: 'request-intake.SupportRequestSubmitted.v1' }), subject: upper(recordRejectedV1Example.subject) };

    expect(acknowledged.data.requestId).not.toBe(requestAcknowledgedV1Example.data.requestId);
    expect(observedFactOf(acknowledged)?.fact.requestId).toBe(requestAcknowledgedV1Example.data.requestId);
    expect(observedFactOf(verdict)?.fact.requestId).toBe(recordVerifiedV1Example.subject);
    expect(observedFactOf(rejection)?.fact.requestId).toBe(recordRejectedV1Example.subject);
  });

  it('learns nothing from events of other types', () => {
    expect(observedFactOf(externalInformationReceivedV1Example)).toBeUndefined();
  });
});
