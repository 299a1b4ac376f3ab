import type { AgencyReference, SubmissionChannel } from '@wildlife/contracts';
import type { ActingPrincipal } from './acting-principal.js';
import type { SubmitSupportRequest } from './support-request.commands.js';
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
import type { SupportRequestFacts } from './support-request.facts.js';
import type { SupportRequestObservedFact, SupportRequestSubmitted } from './support-request.events.js';
import type { SupportRequestState } from './support-request.state.js';

/**
 * Decides a submission (notification 1.1: requests go through the NCB channel). Returns exactly one
 * `SupportRequestSubmitted`, or throws the first rule broken:
 * - SupportRequestAlreadyExists: the stream already holds this request;
 * - OnlyAgenciesAndTheirNcbSubmitSupportRequests: the signer is neither an agency nor an NCB (or has no country);
 * - AnAgencySubmitsOnlyForItself: an agency named an agency to submit for (only NCBs do);
 * - AnNcbNamesTheAgencyItSubmitsFor: an NCB named no agency;
 * - AnNcbSubmitsOnlyForAnAgencyOfItsOwnCountry: an NCB submitted for another country's agency (1.1);
 * - ASupportRequestAsksForAtLeastOneCapability, OperationalDetailNeedsTheOperationalSupportCapability.
 * The requesting agency is the signer, or the agency its NCB submitted for: never taken from the body.
 */
export function decideSubmit(command: SubmitSupportRequest, state: SupportRequestState): [SupportRequestSubmitted] {
  if (state.status !== 'none') throw new SupportRequestAlreadyExists(command.requestId);
  const { requestingAgency, channel } = requestingAgencyOf(command.submitter, command.onBehalfOfAgency);
  assertAskedForIsConsistent(command.facts);
  return [
    {
      type: 'SupportRequestSubmitted',
      requestId: command.requestId,
      submittedAt: command.submittedAt,
      requestingAgency,
      submittedBy: command.submitter,
      channel,
      facts: command.facts,
      signatureMaterial: command.signatureMaterial,
    },
  ];
}

/**
 * Decides whether a fact learnt from another service is recorded. Idempotent: a fact whose source
 * event was already observed yields no event. Throws SupportRequestIsUnknown before the submission
 * and FactIsAboutAnotherRequest for a fact naming another request. Any order of facts is accepted:
 * `evolve` keeps statuses from moving back.
 */
export function decideObserve(fact: SupportRequestObservedFact, state: SupportRequestState): SupportRequestObservedFact[] {
  if (state.status === 'none') throw new SupportRequestIsUnknown(fact.requestId);
  if (fact.requestId !== state.requestId) throw new FactIsAboutAnotherRequest(state.requestId, fact.requestId);
  if (state.observedSourceEventIds.includes(fact.sourceEventId)) return [];
  return [fact];
}

function requestingAgencyOf(
  submitter: ActingPrincipal,
  onBehalfOf: AgencyReference | undefined,
): { requestingAgency: AgencyReference; channel: SubmissionChannel } {
  const { principalId, kind, country } = submitter;
  if ((kind !== 'agency' && kind !== 'ncb') || country === undefined) throw new OnlyAgenciesAndTheirNcbSubmitSupportRequests(kind, country);
  if (kind === 'agency') {
    if (onBehalfOf !== undefined) throw new AnAgencySubmitsOnlyForItself(principalId);
    return { requestingAgency: { principalId, country }, channel: 'requesting-agency' };
  }
  if (onBehalfOf === undefined) throw new AnNcbNamesTheAgencyItSubmitsFor(principalId);
  if (onBehalfOf.country !== country) throw new AnNcbSubmitsOnlyForAnAgencyOfItsOwnCountry(country, onBehalfOf.country);
  return { requestingAgency: onBehalfOf, channel: 'ncb-on-behalf' };
}

function assertAskedForIsConsistent(facts: SupportRequestFacts): void {
  if (facts.capabilities.length === 0) throw new ASupportRequestAsksForAtLeastOneCapability();
  if (facts.operationalSupport !== undefined && !facts.capabilities.includes('operational-support')) {
    throw new OperationalDetailNeedsTheOperationalSupportCapability();
  }
}
