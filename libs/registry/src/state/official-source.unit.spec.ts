import { describe, expect, it } from '@jest/globals';
import { isOfficialSource, type RegistryCommand, type RegistryState } from '../index.js';
import { accredit, day, freshKey, given, registryWithAgencies } from '../../test/support/registry-scenario.js';

/** fr-ofb accredited for information-sharing and operational-support, days 1 to 30; suspended on day 10. */
function world(): RegistryState {
  const suspend: RegistryCommand = { command: 'suspend-accreditation', body: { agencyId: 'fr-ofb', accreditationId: 'acc-1', reason: 'audit' } };
  return given(
    registryWithAgencies(),
    [accredit('fr-ofb', 'acc-1', day(1), day(30)), 'ncb-fr', day(1)],
    [{ command: 'register-external-source', body: { sourceId: 'ngo-watch', name: 'Watch', key: freshKey('ngo-k1') } }, 'gs', day(1)],
    [{ command: 'register-auditor', body: { auditorId: 'auditor-1', name: 'Auditor', key: freshKey('aud-k1') } }, 'gs', day(1)],
    [suspend, 'ncb-fr', day(10)],
  );
}

const check = (id: string, at: string, country: string, capabilities?: ('information-sharing' | 'expert-network')[]) =>
  isOfficialSource(world(), id, at, { country, ...(capabilities === undefined ? {} : { capabilities }) });

describe('whether a principal is an official source', () => {
  it('holds an NCB official for its own country only', () => {
    expect(check('ncb-fr', day(5), 'FR')).toMatchObject({ official: true, as: 'ncb' });
    expect(check('ncb-fr', day(5), 'KE')).toMatchObject({ official: false, refusal: 'NcbsAreOfficialOnlyForTheirOwnCountry' });
  });

  it('holds the General Secretariat and its analysts official', () => {
    expect(check('gs', day(5), 'KE')).toMatchObject({ official: true, as: 'general-secretariat' });
    expect(check('gs-analyst-1', day(5), 'FR')).toMatchObject({ official: true, as: 'general-secretariat' });
  });

  it('holds an agency official while accredited, for its own country, within its scope', () => {
    expect(check('fr-ofb', day(5), 'FR', ['information-sharing'])).toMatchObject({ official: true, as: 'accredited-agency' });
    expect(check('fr-ofb', day(5), 'FR')).toMatchObject({ official: true });
  });

  it('refuses an accredited agency for capabilities outside its scope', () => {
    expect(check('fr-ofb', day(5), 'FR', ['information-sharing', 'expert-network'])).toEqual({
      official: false,
      refusal: 'AccreditationScopeDoesNotCoverTheCapabilities',
      reason: 'Accreditation "acc-1" of agency "fr-ofb" does not cover expert-network.',
    });
  });

  it('refuses an accredited agency for another country', () => {
    expect(check('fr-ofb', day(5), 'KE')).toMatchObject({ official: false, refusal: 'AgenciesAreOfficialOnlyForTheirOwnCountry' });
  });

  it('refuses an agency outside its accreditation: before it, while suspended, or never accredited', () => {
    expect(check('fr-ofb', day(0.5), 'FR')).toMatchObject({ official: false, refusal: 'AgencyWasNotAccreditedAtThatTime' });
    expect(check('fr-ofb', day(11), 'FR')).toMatchObject({ official: false, refusal: 'AgencyWasNotAccreditedAtThatTime', reason: expect.stringContaining('suspended') });
    expect(check('fr-douane', day(5), 'FR')).toMatchObject({ official: false, refusal: 'AgencyWasNotAccreditedAtThatTime' });
  });

  it('never holds an external source official', () => {
    expect(check('ngo-watch', day(5), 'FR')).toMatchObject({ official: false, refusal: 'ExternalSourcesAreNeverOfficial' });
  });

  it('never holds an auditor official', () => {
    expect(check('auditor-1', day(5), 'FR')).toMatchObject({ official: false, refusal: 'AuditorsAreNeverOfficial' });
  });

  it('takes kind and country from the registry, not from the principal it is given', () => {
    const claimed = { id: 'ngo-watch', kind: 'ncb' as const, country: 'FR' };
    expect(isOfficialSource(world(), claimed, day(5), { country: 'FR' })).toMatchObject({ official: false, refusal: 'ExternalSourcesAreNeverOfficial' });
  });

  it('refuses a principal the registry does not know', () => {
    expect(check('ncb-zz', day(5), 'ZZ')).toMatchObject({ official: false, refusal: 'PrincipalIsNotRegistered' });
  });
});
