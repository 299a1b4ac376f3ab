import { describe, expect, it } from '@jest/globals';
import { listScopeOf } from './list-scope.js';

describe('what a principal may list', () => {
  it('is its own requests for an agency', () => {
    expect(listScopeOf({ id: 'agency-fr-ofb', kind: 'agency', country: 'FR' })).toEqual({ only: 'agency', agencyId: 'agency-fr-ofb' });
  });

  it('is its country’s requests for an NCB', () => {
    expect(listScopeOf({ id: 'ncb-ke', kind: 'ncb', country: 'KE' })).toEqual({ only: 'country', country: 'KE' });
  });

  it('is every request for the General Secretariat', () => {
    expect(listScopeOf({ id: 'gs-environmental-security', kind: 'general-secretariat' })).toEqual({ only: 'all' });
  });

  it.each([
    ['an external source', { id: 'external-wildwatch', kind: 'external-source' as const }],
    ['an auditor', { id: 'auditor-1', kind: 'auditor' as const }],
    ['an agency registered without a country', { id: 'agency-nowhere', kind: 'agency' as const }],
  ])('is nothing for %s', (_who, principal) => {
    expect(listScopeOf(principal)).toEqual({ only: 'none' });
  });
});
