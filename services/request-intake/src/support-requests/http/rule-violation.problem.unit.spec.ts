import { describe, expect, it } from '@jest/globals';
import { OnlyExternalSourcesSubmitExternalInformation } from '../domain/external-information.errors.js';
import {
  AnAgencySubmitsOnlyForItself,
  AnNcbNamesTheAgencyItSubmitsFor,
  AnNcbSubmitsOnlyForAnAgencyOfItsOwnCountry,
  OnlyAgenciesAndTheirNcbSubmitSupportRequests,
  OperationalDetailNeedsTheOperationalSupportCapability,
  SupportRequestAlreadyExists,
} from '../domain/support-request.errors.js';
import { decidedOrRefused, problemOfRuleViolation } from './rule-violation.problem.js';

describe('a domain refusal as a problem', () => {
  it.each([
    [new OnlyAgenciesAndTheirNcbSubmitSupportRequests('auditor', undefined), 403, 'only-agencies-and-their-ncb-submit-support-requests', undefined],
    [new AnAgencySubmitsOnlyForItself('agency-fr-ofb'), 403, 'an-agency-submits-only-for-itself', '/onBehalfOfAgency'],
    [new AnNcbSubmitsOnlyForAnAgencyOfItsOwnCountry('KE', 'FR'), 403, 'an-ncb-submits-only-for-an-agency-of-its-own-country', '/onBehalfOfAgency'],
    [new AnNcbNamesTheAgencyItSubmitsFor('ncb-fr'), 422, 'an-ncb-names-the-agency-it-submits-for', '/onBehalfOfAgency'],
    [new OperationalDetailNeedsTheOperationalSupportCapability(), 422, 'operational-detail-needs-the-operational-support-capability', '/operationalSupport'],
    [new OnlyExternalSourcesSubmitExternalInformation('agency'), 403, 'only-external-sources-submit-external-information', undefined],
    [new SupportRequestAlreadyExists('r-1'), 409, 'support-request-already-exists', undefined],
  ])('answers %p with %i %s', (error, status, code, pointer) => {
    const problem = problemOfRuleViolation(error);

    expect(problem).toMatchObject({ status, code, detail: error.message, extensions: { rule: error.name } });
    expect(problem.extensions.errors).toEqual(pointer === undefined ? undefined : [{ pointer, reason: error.message }]);
  });

  it('lets errors that are no rule violation through unchanged', () => {
    const failure = new Error('database down');

    expect(() =>
      decidedOrRefused(() => {
        throw failure;
      }),
    ).toThrow(failure);
  });
});
