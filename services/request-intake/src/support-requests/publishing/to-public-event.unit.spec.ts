import { describe, expect, it } from '@jest/globals';
import { contracts, EXTERNAL_INFORMATION_CAVEAT } from '@wildlife/contracts';
import { decideSubmitExternalInformation } from '../domain/external-information.decide.js';
import { initialExternalInformationState } from '../domain/external-information.state.js';
import { decideSubmit } from '../domain/support-request.decide.js';
import { externalSubmission, submissionByTheAgency, submissionByTheNcb, supportRequestFacts } from '../domain/support-request.examples.spec.js';
import { observed } from '../domain/support-request.observed-facts.examples.spec.js';
import { initialSupportRequestState } from '../domain/support-request.state.js';
import { toPublicEvent } from './to-public-event.js';

const submitted = (command = submissionByTheAgency()) => decideSubmit(command, initialSupportRequestState)[0];

describe('publishing a support request', () => {
  it('produces SupportRequestSubmitted v1 data that the contract accepts, keyed by the request and signed by the agency', () => {
    const event = submitted();

    const published = toPublicEvent(event)!;

    expect(published.type).toBe('request-intake.SupportRequestSubmitted.v1');
    expect(published.subject).toBe(event.requestId);
    expect(published.principal).toEqual({ id: 'agency-fr-ofb', kind: 'agency', country: 'FR' });
    const data = contracts.decode('request-intake.SupportRequestSubmitted.v1', published.data);
    expect(data).toMatchObject({ requestingAgency: { principalId: 'agency-fr-ofb', country: 'FR' }, submittedBy: 'requesting-agency' });
    expect(data.provenance.principal).toEqual(published.principal);
  });

  it('names the NCB as signer and the agency as requester when the NCB submitted on its behalf', () => {
    const published = toPublicEvent(submitted(submissionByTheNcb()))!;

    const data = contracts.decode('request-intake.SupportRequestSubmitted.v1', published.data);

    expect(published.principal).toEqual({ id: 'ncb-fr', kind: 'ncb', country: 'FR' });
    expect(data).toMatchObject({ submittedBy: 'ncb-on-behalf', requestingAgency: { principalId: 'agency-fr-ofb', country: 'FR' } });
  });

  it('leaves out operational detail that was not asked for', () => {
    const facts = { ...supportRequestFacts, capabilities: ['expert-network' as const], operationalSupport: undefined };

    const published = toPublicEvent(submitted(submissionByTheAgency({ facts })))!;

    expect(published.data).not.toHaveProperty('operationalSupport');
    expect(() => contracts.decode(published.type, published.data)).not.toThrow();
  });

  it.each(Object.keys(observed) as (keyof typeof observed)[])('publishes nothing for the observed fact %s', (kind) => {
    const fact = kind === 'verified' ? observed.verified('r', 'official') : observed[kind]('r', 'p');

    expect(toPublicEvent(fact)).toBeUndefined();
  });
});

describe('publishing external information', () => {
  it('produces ExternalInformationReceived v1 data that the contract accepts, flagged external with its caveat', () => {
    const command = externalSubmission({ relatedRequestId: '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04' });
    const [event] = decideSubmitExternalInformation(command, initialExternalInformationState);

    const published = toPublicEvent(event)!;

    const data = contracts.decode('request-intake.ExternalInformationReceived.v1', published.data);
    expect(data).toMatchObject({ external: true, caveat: EXTERNAL_INFORMATION_CAVEAT, externalSource: { principalId: 'external-wildwatch', name: 'WildWatch (NGO)' } });
    expect(published.principal).toEqual({ id: 'external-wildwatch', kind: 'external-source' });
    expect(published.subject).toBe('6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04');
  });

  it('is keyed by its own id when it names no request', () => {
    const [event] = decideSubmitExternalInformation(externalSubmission(), initialExternalInformationState);

    const published = toPublicEvent(event)!;

    expect(published.subject).toBe(event.informationId);
    expect(() => contracts.decode(published.type, published.data)).not.toThrow();
  });
});
