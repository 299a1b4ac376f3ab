import { describe, expect, it } from '@jest/globals';
import { recordRejectedV1Example, supportRequestSubmittedV1Example } from '@wildlife/contracts';
import { provenanceRejectionFrom, requestReceivedFrom } from './observed-facts.js';

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

  it('reads provenance’s rejection of a submission record as the request’s rejection', () => {
    const rejection = { ...recordRejectedV1Example, data: { ...recordRejectedV1Example.data, recordType: 'request-intake.SupportRequestSubmitted.v1' } };

    expect(provenanceRejectionFrom(rejection)).toEqual({
      type: 'ProvenanceRejected',
      requestId: rejection.subject,
      at: rejection.data.rejectedAt,
      reason: rejection.data.reason,
      sourceEventId: rejection.id,
    });
  });

  it('ignores the rejection of any other record (here, an endorsement)', () => {
    expect(provenanceRejectionFrom(recordRejectedV1Example)).toBeUndefined();
  });
});
