import { describe, expect, it } from '@jest/globals';
import { AgencyIsAlreadyRegistered, AgencyIsNotRegistered, OnlyTheAgencysOwnNcbMayAccreditIt, PrincipalIdIsReserved } from '@wildlife/registry';
import { problemOfRefusal } from './registry-refusal.problem.js';

describe('a refused registry command as a problem', () => {
  it.each([
    [new OnlyTheAgencysOwnNcbMayAccreditIt('ncb-ke is not the NCB of FR'), 403, 'only-the-agencys-own-ncb-may-accredit-it'],
    [new AgencyIsNotRegistered('"fr-x" is not registered'), 404, 'agency-is-not-registered'],
    [new AgencyIsAlreadyRegistered('"fr-ofb" is already registered'), 409, 'agency-is-already-registered'],
    [new PrincipalIdIsReserved('"ncb-x" is reserved'), 422, 'principal-id-is-reserved'],
  ])('answers %s with the status of its kind, naming the rule', (refusal, status, code) => {
    const problem = problemOfRefusal(refusal);

    expect(problem.status).toBe(status);
    expect(problem.toProblem()).toMatchObject({ type: expect.stringMatching(new RegExp(`/${code}$`)), rule: refusal.name, detail: refusal.message });
  });
});
