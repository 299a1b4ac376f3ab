import { describe, expect, it } from '@jest/globals';
import { SUPPORT_CAPABILITIES } from '@wildlife/contracts';
import {
  ASSIGNED_COUNTRY_CODES,
  CAPABILITIES,
  isAssignedCountryCode,
  isGeneralSecretariatAnalystId,
  isReservedPrincipalId,
  hasRegisteredIdShape,
  ncbIdOf,
} from '../index.js';

describe('country codes', () => {
  it('knows the 249 officially assigned ISO 3166-1 alpha-2 codes', () => {
    expect(ASSIGNED_COUNTRY_CODES.size).toBe(249);
    for (const code of ['FR', 'KE', 'BR', 'TH', 'SS', 'BQ', 'AX']) expect(isAssignedCountryCode(code)).toBe(true);
  });

  it.each([['fr'], ['XK'], ['EU'], ['UK'], ['AN'], ['FRA'], [''], [33]])('refuses %p', (code) => {
    expect(isAssignedCountryCode(code)).toBe(false);
  });
});

describe('principal ids', () => {
  it('names an NCB after its country', () => {
    expect(ncbIdOf('FR')).toBe('ncb-fr');
  });

  it('accepts registered ids of 3 to 63 lower-case letters, digits and hyphens only', () => {
    expect(hasRegisteredIdShape('fr-ofb')).toBe(true);
    expect(hasRegisteredIdShape('a'.repeat(63))).toBe(true);
    for (const bad of ['ab', 'a'.repeat(64), '-ofb', 'FR-OFB', 'fr_ofb', 'fr ofb']) expect(hasRegisteredIdShape(bad)).toBe(false);
  });

  it('reserves gs, gs-… and ncb-… for the trust roots', () => {
    expect(['gs', 'gs-analyst-1', 'ncb-fr', 'ncb-zz'].map(isReservedPrincipalId)).toEqual([true, true, true, true]);
    expect(['fr-ofb', 'gsx', 'ncbfr'].map(isReservedPrincipalId)).toEqual([false, false, false]);
    expect(isGeneralSecretariatAnalystId('gs-analyst-1')).toBe(true);
    expect(isGeneralSecretariatAnalystId('analyst-1')).toBe(false);
  });
});

describe('capabilities', () => {
  it('are the five support capabilities of the public contracts', () => {
    expect([...CAPABILITIES]).toEqual([...SUPPORT_CAPABILITIES]);
  });
});
