import { describe, expect, it } from '@jest/globals';
import { recordRejectedV1Example, supportRequestSubmittedV1Example } from '@wildlife/contracts';
import { decisionSetAsideFrom, provenanceRejectionFrom, requestIdOf, requestReceivedFrom } from './observed-facts.js';

describe('the facts learnt from other services', () => {
  it('reads intake’s submission as the request received: agency, country, capabilities, source event', () => {
    const submission = supportRequestSubmittedV1Example;

    expect(requestReceivedFrom(submission)).toEqual({
      type: 'RequestReceived',
      requestId: submission.data.requestId,
      agency: { principalId: 'agency-fr-ofb', country: 'FR' },
      submittedAt: submission.data.submittedAt,
      capabilities: ['information-sharing', 'operational-support'],
      sourceEventId: submission.id,
    });
  });

  it('reads provenance’s rejection of a submission record as a rejection naming that record, for the request’s stream to judge', () => {
    const rejection = { ...recordRejectedV1Example, data: { ...recordRejectedV1Example.data, recordType: 'request-intake.SupportRequestSubmitted.v1' } };

    expect(provenanceRejectionFrom(rejection)).toEqual({
      type: 'ProvenanceRejected',
      requestId: rejection.subject,
      at: rejection.data.rejectedAt,
      reason: rejection.data.reason,
      sourceEventId: rejection.id,
      recordId: rejection.data.recordId,
    });
  });

  it('ignores the rejection of any other record (here, an endorsement)', () => {
    expect(provenanceRejectionFrom(recordRejectedV1Example)).toBeUndefined();
  });

  it('reads provenance’s rejection of one of the stream’s decision records as that decision set aside, by its version', () => {
    const rejection = recordRejectedV1Example;
    const eventIds = ['received-id', 'acknowledged-id', rejection.data.recordId, 'permit-id'];

    expect(rejection.data.recordType).toBe('ncb-endorsement.RequestEndorsed.v1');
    expect(decisionSetAsideFrom(rejection, eventIds)).toEqual({
      type: 'DecisionSetAside',
      requestId: rejection.subject,
      decisionVersion: 3,
      decision: 'RequestEndorsed',
      recordId: rejection.data.recordId,
      recordType: 'ncb-endorsement.RequestEndorsed.v1',
      at: rejection.data.rejectedAt,
      reason: rejection.data.reason,
      sourceEventId: rejection.id,
    });
  });

  it('reads nothing from a rejection of a record the stream does not hold, or of no decision of the NCB', () => {
    const rejection = recordRejectedV1Example;
    const permitIssued = { ...rejection, data: { ...rejection.data, recordType: 'ncb-endorsement.DirectContactPermitIssued.v1' } };

    expect(decisionSetAsideFrom(rejection, ['received-id', 'another-id'])).toBeUndefined();
    expect(decisionSetAsideFrom(permitIssued, [rejection.data.recordId])).toBeUndefined();
  });

  it('names the request in lower case, however the event spelled its id (the contract takes capitals)', () => {
    const submission = supportRequestSubmittedV1Example;
    const inCapitals = { ...submission, subject: submission.subject.toUpperCase(), data: { ...submission.data, requestId: submission.data.requestId.toUpperCase() } };
    const rejection = { ...recordRejectedV1Example, subject: recordRejectedV1Example.subject.toUpperCase() };
    const submissionRejection = { ...rejection, data: { ...rejection.data, recordType: 'request-intake.SupportRequestSubmitted.v1' } };

    expect(inCapitals.data.requestId).not.toBe(submission.data.requestId);
    expect(requestReceivedFrom(inCapitals).requestId).toBe(submission.data.requestId);
    expect(provenanceRejectionFrom(submissionRejection)?.requestId).toBe(recordRejectedV1Example.subject);
    expect(decisionSetAsideFrom(rejection, [rejection.data.recordId])?.requestId).toBe(recordRejectedV1Example.subject);
    expect(requestIdOf('6F1C2A9E-4B7D-4C1E-9A2F-3D5E8B7C1A04')).toBe('6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04');
  });
});
