import { describe, expect, it } from '@jest/globals';
import { accreditationAt, type RegistryCommand } from '../index.js';
import { accredit, day, given, registryWithAgencies } from '../../test/support/registry-scenario.js';

const change = (command: 'suspend-accreditation' | 'reinstate-accreditation' | 'revoke-accreditation', accreditationId = 'acc-1'): RegistryCommand =>
  ({ command, body: { agencyId: 'fr-ofb', accreditationId, reason: 'audit', note: 'audit' } }) as RegistryCommand;

describe('an agency’s accreditation at a given time', () => {
  it('counts from its start until its end, the end excluded', () => {
    const state = given(registryWithAgencies(), [accredit('fr-ofb', 'acc-1', day(2), day(10)), 'ncb-fr', day(1)]);

    expect(accreditationAt(state, 'fr-ofb', day(1.5))).toMatchObject({ accredited: false, status: 'not-yet-valid' });
    expect(accreditationAt(state, 'fr-ofb', day(2))).toEqual({
      accredited: true,
      status: 'active',
      accreditationId: 'acc-1',
      scope: ['information-sharing', 'operational-support'],
      validFrom: day(2),
      validUntil: day(10),
    });
    expect(accreditationAt(state, 'fr-ofb', day(10))).toMatchObject({ accredited: false, status: 'expired', whyNot: expect.stringContaining(day(10)) });
  });

  it('never counts before it was granted, whatever start it states', () => {
    const state = given(registryWithAgencies(), [accredit('fr-ofb', 'acc-1', day(-30), day(30)), 'ncb-fr', day(5)]);

    expect(accreditationAt(state, 'fr-ofb', day(4)).accredited).toBe(false);
    expect(accreditationAt(state, 'fr-ofb', day(5)).accredited).toBe(true);
  });

  it('does not count while suspended, and counts again once reinstated', () => {
    const state = given(
      registryWithAgencies(),
      [accredit('fr-ofb', 'acc-1', day(1), day(30)), 'ncb-fr', day(1)],
      [change('suspend-accreditation'), 'ncb-fr', day(5)],
      [change('reinstate-accreditation'), 'ncb-fr', day(8)],
    );

    expect(accreditationAt(state, 'fr-ofb', day(4)).accredited).toBe(true);
    expect(accreditationAt(state, 'fr-ofb', day(6))).toMatchObject({ accredited: false, status: 'suspended', whyNot: expect.stringContaining(day(5)) });
    expect(accreditationAt(state, 'fr-ofb', day(8)).accredited).toBe(true);
  });

  it('stops counting for good from its revocation, and still counted before it', () => {
    const state = given(
      registryWithAgencies(),
      [accredit('fr-ofb', 'acc-1', day(1), day(30)), 'ncb-fr', day(1)],
      [change('revoke-accreditation'), 'ncb-fr', day(5)],
    );

    expect(accreditationAt(state, 'fr-ofb', day(4.9)).accredited).toBe(true);
    expect(accreditationAt(state, 'fr-ofb', day(5))).toMatchObject({ accredited: false, status: 'revoked' });
    expect(accreditationAt(state, 'fr-ofb', day(20))).toMatchObject({ accredited: false, status: 'revoked' });
  });

  it('is replaced by a later accreditation from the moment that one starts', () => {
    const state = given(
      registryWithAgencies(),
      [accredit('fr-ofb', 'acc-1', day(1), day(30), ['information-sharing']), 'ncb-fr', day(1)],
      [accredit('fr-ofb', 'acc-2', day(10), day(60), ['expert-network']), 'ncb-fr', day(2)],
    );

    expect(accreditationAt(state, 'fr-ofb', day(9))).toMatchObject({ accredited: true, accreditationId: 'acc-1', scope: ['information-sharing'] });
    expect(accreditationAt(state, 'fr-ofb', day(10))).toMatchObject({ accredited: true, accreditationId: 'acc-2', scope: ['expert-network'] });
    expect(accreditationAt(state, 'fr-ofb', day(40))).toMatchObject({ accredited: true, accreditationId: 'acc-2' });
  });

  it('is not replaced by a later accreditation revoked before it started, which never counted', () => {
    const state = given(
      registryWithAgencies(),
      [accredit('fr-ofb', 'acc-1', day(1), day(365), ['information-sharing']), 'ncb-fr', day(1)],
      [accredit('fr-ofb', 'acc-2', day(100), day(400), ['expert-network']), 'ncb-fr', day(10)],
      [change('revoke-accreditation', 'acc-2'), 'ncb-fr', day(20)],
    );
    // Its NCB can still act on the one that governs (it is not taken as superseded).
    const suspended = given(state, [change('suspend-accreditation', 'acc-1'), 'ncb-fr', day(200)]);

    expect(accreditationAt(state, 'fr-ofb', day(150))).toMatchObject({ accredited: true, accreditationId: 'acc-1', scope: ['information-sharing'] });
    expect(accreditationAt(state, 'fr-ofb', day(365))).toMatchObject({ accredited: false, status: 'expired', accreditationId: 'acc-1' });
    expect(accreditationAt(suspended, 'fr-ofb', day(201))).toMatchObject({ accredited: false, status: 'suspended', accreditationId: 'acc-1' });
  });

  it('is replaced by a later one revoked after it started, which stops counting from its revocation', () => {
    const state = given(
      registryWithAgencies(),
      [accredit('fr-ofb', 'acc-1', day(1), day(365)), 'ncb-fr', day(1)],
      [accredit('fr-ofb', 'acc-2', day(100), day(400)), 'ncb-fr', day(10)],
      [change('revoke-accreditation', 'acc-2'), 'ncb-fr', day(120)],
    );

    expect(accreditationAt(state, 'fr-ofb', day(110))).toMatchObject({ accredited: true, accreditationId: 'acc-2' });
    expect(accreditationAt(state, 'fr-ofb', day(150))).toMatchObject({ accredited: false, status: 'revoked', accreditationId: 'acc-2' });
  });

  it('is not reported as upcoming once revoked before it started, since it never will count', () => {
    // Given an accreditation from day 10, revoked on day 5, then another from day 20
    const revoked = given(
      registryWithAgencies(),
      [accredit('fr-ofb', 'acc-1', day(10), day(30)), 'ncb-fr', day(1)],
      [change('revoke-accreditation', 'acc-1'), 'ncb-fr', day(5)],
    );
    const withAnother = given(revoked, [accredit('fr-ofb', 'acc-2', day(20), day(40)), 'ncb-fr', day(6)]);

    // Then the agency was never accredited, before the revoked one's start or after it, until another is upcoming
    expect(accreditationAt(revoked, 'fr-ofb', day(6))).toMatchObject({ accredited: false, status: 'never-accredited' });
    expect(accreditationAt(revoked, 'fr-ofb', day(15))).toMatchObject({ accredited: false, status: 'never-accredited' });
    expect(accreditationAt(withAnother, 'fr-ofb', day(7))).toMatchObject({ accredited: false, status: 'not-yet-valid', accreditationId: 'acc-2' });
  });

  it('says why not for an agency never accredited, or a principal that is not an agency', () => {
    const state = registryWithAgencies();

    expect(accreditationAt(state, 'fr-douane', day(3))).toMatchObject({ accredited: false, status: 'never-accredited' });
    expect(accreditationAt(state, 'ncb-fr', day(3))).toMatchObject({ accredited: false, status: 'not-an-agency' });
  });
});
