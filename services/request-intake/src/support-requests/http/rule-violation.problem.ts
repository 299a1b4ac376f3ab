import { ProblemError } from '@wildlife/service-kit';
import { ExternalInformationRuleViolation, OnlyExternalSourcesSubmitExternalInformation, OnlyRegisteredExternalSourcesSubmitExternalInformation } from '../domain/external-information.errors.js';
import {
  AnAgencySubmitsOnlyForItself,
  AnNcbNamesTheAgencyItSubmitsFor,
  AnNcbSubmitsOnlyForAnAgencyOfItsOwnCountry,
  ASupportRequestAsksForAtLeastOneCapability,
  OnlyAgenciesAndTheirNcbSubmitSupportRequests,
  OperationalDetailNeedsTheOperationalSupportCapability,
  SupportRequestRuleViolation,
} from '../domain/support-request.errors.js';

// Domain refusals as RFC 9457 problems: 403 for who may not do it, 422 for a body that is well
// formed but breaks a rule across its fields (with the pointer of the field to fix), 409 for the rest.

type Mapping = readonly [status: number, code: string, pointer?: string];

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();

function mappingOf(error: SupportRequestRuleViolation | ExternalInformationRuleViolation): Mapping {
  if (error instanceof OnlyAgenciesAndTheirNcbSubmitSupportRequests) return [403, kebab(error.name)];
  if (error instanceof AnAgencySubmitsOnlyForItself) return [403, kebab(error.name), '/onBehalfOfAgency'];
  if (error instanceof AnNcbSubmitsOnlyForAnAgencyOfItsOwnCountry) return [403, kebab(error.name), '/onBehalfOfAgency'];
  if (error instanceof AnNcbNamesTheAgencyItSubmitsFor) return [422, kebab(error.name), '/onBehalfOfAgency'];
  if (error instanceof ASupportRequestAsksForAtLeastOneCapability) return [422, kebab(error.name), '/capabilities'];
  if (error instanceof OperationalDetailNeedsTheOperationalSupportCapability) return [422, kebab(error.name), '/operationalSupport'];
  if (error instanceof OnlyExternalSourcesSubmitExternalInformation) return [403, kebab(error.name)];
  if (error instanceof OnlyRegisteredExternalSourcesSubmitExternalInformation) return [403, kebab(error.name)];
  return [409, kebab(error.name)];
}

const TITLES: Record<number, string> = { 403: 'Forbidden', 409: 'Conflict', 422: 'Unprocessable Content' };

/** The problem a domain refusal is answered with; `code` is the broken rule's name in kebab case. */
export function problemOfRuleViolation(error: SupportRequestRuleViolation | ExternalInformationRuleViolation): ProblemError {
  const [status, code, pointer] = mappingOf(error);
  const extensions = pointer === undefined ? { rule: error.name } : { rule: error.name, errors: [{ pointer, reason: error.message }] };
  return new ProblemError(status, code, TITLES[status]!, error.message, extensions);
}

/** Runs a pure decision, turning its rule violations into problems and letting anything else through. */
export function decidedOrRefused<T>(decide: () => T): T {
  try {
    return decide();
  } catch (error) {
    if (error instanceof SupportRequestRuleViolation || error instanceof ExternalInformationRuleViolation) throw problemOfRuleViolation(error);
    throw error;
  }
}
