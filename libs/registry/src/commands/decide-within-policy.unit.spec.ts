import { describe, expect, it } from '@jest/globals';
import { authorize, decide, principal, type Action, type RegistryCommand, type RegistryState, type ResourceTies } from '../index.js';
import { accredit, day, freshKey, given, registryWithAgencies, trustRootsWithSecondKeys } from '../../test/support/registry-scenario.js';

/**
 * The agencies (with NCBs and GS of two keys each, so each may revoke one of its own), an external
 * source, an auditor, and fr-ofb accredited (acc-1) then suspended (acc-2 not).
 */
function world(): RegistryState {
  return given(
    registryWithAgencies(trustRootsWithSecondKeys()),
    [{ command: 'register-external-source', body: { sourceId: 'ngo-watch', name: 'Watch', key: freshKey('ngo-watch-k1') } }, 'gs', day(1)],
    [{ command: 'register-auditor', body: { auditorId: 'auditor-1', name: 'Auditor', key: freshKey('auditor-1-k1') } }, 'gs', day(1)],
    [accredit('fr-ofb', 'acc-1', day(1), day(30)), 'ncb-fr', day(1)],
    [accredit('ke-kws', 'acc-2', day(1), day(30)), 'ncb-ke', day(1)],
    [{ command: 'suspend-accreditation', body: { agencyId: 'fr-ofb', accreditationId: 'acc-1', reason: 'audit' } }, 'ncb-fr', day(2)],
  );
}

const ISSUERS = ['ncb-fr', 'ncb-ke', 'gs', 'gs-analyst-1', 'fr-ofb', 'ke-kws', 'ngo-watch', 'auditor-1'];

/** Commands on FR and KE subjects, with the action and resource a service would authorise them as. */
const COMMANDS: [Action, ResourceTies, RegistryCommand][] = [
  ['registry:register-agency', { country: 'FR', ownerId: 'fr-new' }, { command: 'register-agency', body: { agencyId: 'fr-new', country: 'FR', name: 'New', key: freshKey('fr-new-k1') } }],
  ['registry:accredit-agency', { country: 'KE', ownerId: 'ke-kws' }, accredit('ke-kws', 'acc-9', day(3), day(40))],
  ['registry:suspend-accreditation', { country: 'KE', ownerId: 'ke-kws' }, { command: 'suspend-accreditation', body: { agencyId: 'ke-kws', accreditationId: 'acc-2', reason: 'r' } }],
  ['registry:reinstate-accreditation', { country: 'FR', ownerId: 'fr-ofb' }, { command: 'reinstate-accreditation', body: { agencyId: 'fr-ofb', accreditationId: 'acc-1' } }],
  ['registry:revoke-accreditation', { country: 'FR', ownerId: 'fr-ofb' }, { command: 'revoke-accreditation', body: { agencyId: 'fr-ofb', accreditationId: 'acc-1', reason: 'r' } }],
  ['registry:rotate-key', { country: 'FR', ownerId: 'fr-ofb' }, { command: 'rotate-key', body: { principalId: 'fr-ofb', retiredKeyId: 'fr-ofb-k1', newKey: freshKey('fr-ofb-k2') } }],
  ['registry:rotate-key', { ownerId: 'auditor-1' }, { command: 'rotate-key', body: { principalId: 'auditor-1', retiredKeyId: 'auditor-1-k1', newKey: freshKey('auditor-1-k2') } }],
  ['registry:revoke-key', { country: 'KE', ownerId: 'ncb-ke' }, { command: 'revoke-key', body: { principalId: 'ncb-ke', keyId: 'ncb-ke-k1', reason: 'superseded' } }],
  ['registry:revoke-key', { ownerId: 'gs' }, { command: 'revoke-key', body: { principalId: 'gs', keyId: 'gs-k1', reason: 'superseded' } }],
  ['registry:register-external-source', { ownerId: 'ngo-new' }, { command: 'register-external-source', body: { sourceId: 'ngo-new', name: 'N', key: freshKey('ngo-new-k1') } }],
  ['registry:register-auditor', { ownerId: 'auditor-2' }, { command: 'register-auditor', body: { auditorId: 'auditor-2', name: 'A', key: freshKey('auditor-2-k1') } }],
];

describe('registry commands and the authorisation table', () => {
  it('never accept a command the table refuses to its issuer', () => {
    const state = world();
    const outcomes = COMMANDS.flatMap(([action, resource, command]) =>
      ISSUERS.map((by) => ({
        by,
        command: command.command,
        table: authorize(principal(state, by)!, action, resource),
        accepted: decide(state, command, { by, at: day(3) }).accepted,
      })),
    );

    expect(outcomes.filter(({ table, accepted }) => table !== 'allow' && accepted)).toEqual([]);
    const acceptedBySomeone = COMMANDS.map((_, index) => outcomes.slice(index * ISSUERS.length, (index + 1) * ISSUERS.length).some(({ accepted }) => accepted));
    expect(acceptedBySomeone).toEqual(COMMANDS.map(() => true));
  });
});
