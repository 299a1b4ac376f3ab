import { describe, expect, it } from '@jest/globals';
import { decideObserve, decideSubmit } from './support-request.decide.js';
import {
  AnAgencySubmitsOnlyForItself,
  AnNcbNamesTheAgencyItSubmitsFor,
  AnNcbSubmitsOnlyForAnAgencyOfItsOwnCountry,
  ASupportRequestAsksForAtLeastOneCapability,
  FactIsAboutAnotherRequest,
  OnlyAgenciesAndTheirNcbSubmitSupportRequests,
  OperationalDetailNeedsTheOperationalSupportCapability,
  SupportRequestAlreadyExists,
  SupportRequestIsUnknown,
} from './support-request.errors.js';
import {
  frenchAgency,
  frenchAgencyReference,
  kenyanNcb,
  signatureMaterial,
  submissionByTheAgency,
  submissionByTheNcb,
  supportRequestFacts,
} from './support-request.examples.spec.js';
import { observed } from './support-request.observed-facts.examples.spec.js';
import { initialSupportRequestState, replay } from './support-request.state.js';
import type { SupportRequestEvent } from './support-request.events.js';

const given = (...events: SupportRequestEvent[]) => replay(events);

describe('submitting a support request', () => {
  it('records the signing agency as the requesting agency, with the facts and the signature material', () => {
    const command = submissionByTheAgency();

    const events = decideSubmit(command, initialSupportRequestState);

    expect(events).toEqual([
      {
        type: 'SupportRequestSubmitted',
        requestId: command.requestId,
        submittedAt: command.submittedAt,
        requestingAgency: frenchAgencyReference,
        submittedBy: frenchAgency,
        channel: 'requesting-agency',
        facts: supportRequestFacts,
        signatureMaterial,
      },
    ]);
  });

  it('accepts an NCB submitting for an agency of its own country, through the NCB channel', () => {
    const command = submissionByTheNcb();

    const [event] = decideSubmit(command, initialSupportRequestState);

    expect(event).toMatchObject({ requestingAgency: frenchAgencyReference, submittedBy: command.submitter, channel: 'ncb-on-behalf' });
  });

  it.each(['general-secretariat', 'external-source', 'auditor'] as const)('refuses a signer of kind %s', (kind) => {
    const command = submissionByTheAgency({ submitter: { principalId: `some-${kind}`, kind, country: 'FR' } });

    expect(() => decideSubmit(command, initialSupportRequestState)).toThrow(OnlyAgenciesAndTheirNcbSubmitSupportRequests);
  });

  it('refuses an agency registered without a country', () => {
    const command = submissionByTheAgency({ submitter: { principalId: 'agency-nowhere', kind: 'agency' } });

    expect(() => decideSubmit(command, initialSupportRequestState)).toThrow(OnlyAgenciesAndTheirNcbSubmitSupportRequests);
  });

  it('refuses an agency that names an agency to submit for', () => {
    const command = submissionByTheAgency({ onBehalfOfAgency: { principalId: 'agency-fr-douane', country: 'FR' } });

    expect(() => decideSubmit(command, initialSupportRequestState)).toThrow(AnAgencySubmitsOnlyForItself);
  });

  it('refuses an NCB that names no agency', () => {
    const command = submissionByTheNcb({ onBehalfOfAgency: undefined });

    expect(() => decideSubmit(command, initialSupportRequestState)).toThrow(AnNcbNamesTheAgencyItSubmitsFor);
  });

  it('refuses an NCB submitting for an agency of another country', () => {
    const command = submissionByTheNcb({ submitter: kenyanNcb });

    expect(() => decideSubmit(command, initialSupportRequestState)).toThrow(AnNcbSubmitsOnlyForAnAgencyOfItsOwnCountry);
  });

  it('refuses a request that asks for no capability', () => {
    const command = submissionByTheAgency({ facts: { ...supportRequestFacts, capabilities: [], operationalSupport: undefined } });

    expect(() => decideSubmit(command, initialSupportRequestState)).toThrow(ASupportRequestAsksForAtLeastOneCapability);
  });

  it('refuses operational detail without the operational-support capability', () => {
    const command = submissionByTheAgency({ facts: { ...supportRequestFacts, capabilities: ['information-sharing'] } });

    expect(() => decideSubmit(command, initialSupportRequestState)).toThrow(OperationalDetailNeedsTheOperationalSupportCapability);
  });

  it('refuses a request id that already has a request', () => {
    const command = submissionByTheAgency();
    const state = given(...decideSubmit(command, initialSupportRequestState));

    expect(() => decideSubmit(command, state)).toThrow(SupportRequestAlreadyExists);
  });
});

describe('observing what other services decided about a request', () => {
  it('records a fact about a submitted request', () => {
    const [submitted] = decideSubmit(submissionByTheAgency(), initialSupportRequestState);
    const acknowledged = observed.acknowledged(submitted.requestId);

    expect(decideObserve(acknowledged, given(submitted))).toEqual([acknowledged]);
  });

  it('records nothing when the same source event is delivered again', () => {
    const [submitted] = decideSubmit(submissionByTheAgency(), initialSupportRequestState);
    const acknowledged = observed.acknowledged(submitted.requestId);

    expect(decideObserve(acknowledged, given(submitted, acknowledged))).toEqual([]);
  });

  it('records a second fact of the same kind from another source event', () => {
    const [submitted] = decideSubmit(submissionByTheAgency(), initialSupportRequestState);
    const first = observed.verified(submitted.requestId, 'pending-ncb');
    const second = observed.verified(submitted.requestId, 'official');

    expect(decideObserve(second, given(submitted, first))).toEqual([second]);
  });

  it('records facts about a rejected request, which evolve keeps rejected', () => {
    const [submitted] = decideSubmit(submissionByTheAgency(), initialSupportRequestState);
    const endorsed = observed.endorsed(submitted.requestId);

    expect(decideObserve(endorsed, given(submitted, observed.rejected(submitted.requestId)))).toEqual([endorsed]);
  });

  it('refuses a fact about a request never submitted here', () => {
    expect(() => decideObserve(observed.acknowledged('6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04'), initialSupportRequestState)).toThrow(
      SupportRequestIsUnknown,
    );
  });

  it('refuses a fact about another request', () => {
    const [submitted] = decideSubmit(submissionByTheAgency(), initialSupportRequestState);

    expect(() => decideObserve(observed.acknowledged('6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04'), given(submitted))).toThrow(
      FactIsAboutAnotherRequest,
    );
  });
});
