import { describe, expect, it } from '@jest/globals';
import { EXTERNAL_INFORMATION_CAVEAT } from '@wildlife/contracts';
import type { ExternalInformationView } from '../external-information.view.dto.js';
import { externalInformationReadDecision } from './external-information-access.js';

const information = (countriesConcerned: string[]): ExternalInformationView => ({
  external: true,
  caveat: EXTERNAL_INFORMATION_CAVEAT,
  informationId: '0b8f2f7e-3a35-4c55-9d0e-7f1f6a2b9c11',
  receivedAt: '2026-11-28T18:00:00.000Z',
  externalSource: { principalId: 'external-wildwatch', name: 'WildWatch (NGO)' },
  summary: 'A seller moved platforms.',
  species: [],
  platforms: [],
  countriesConcerned,
  evidenceReferences: [],
});

describe('who may read external information', () => {
  it('lets an NCB read it when any country it concerns is the NCB’s', () => {
    expect(externalInformationReadDecision({ id: 'ncb-fr', kind: 'ncb', country: 'FR' }, information(['NL', 'FR']))).toBe('allow');
  });

  it('hides it from the NCB of a country it does not concern', () => {
    expect(externalInformationReadDecision({ id: 'ncb-ke', kind: 'ncb', country: 'KE' }, information(['NL', 'FR']))).toBe('hide');
  });

  it('lets the General Secretariat read it, even when it concerns no country', () => {
    expect(externalInformationReadDecision({ id: 'gs-environmental-security', kind: 'general-secretariat' }, information([]))).toBe('allow');
  });

  it('hides it from agencies and auditors', () => {
    expect(externalInformationReadDecision({ id: 'agency-fr-ofb', kind: 'agency', country: 'FR' }, information(['FR']))).toBe('hide');
    expect(externalInformationReadDecision({ id: 'auditor-1', kind: 'auditor' }, information(['FR']))).toBe('hide');
  });
});
