import { describe, expect, it } from '@jest/globals';
import { registryFromTrustRoots, evolve, type RegistryCommand, type TrustRoots } from '@wildlife/registry';
import type { ProblemError, VerifiedPrincipal } from '@wildlife/service-kit';
import { exportPublicKey, generateSigningKeyPair } from '@wildlife/signatures';
import { assertMayActOnRegistry, resourceOf } from './registry-access.js';

const key = (keyId: string) => ({ keyId, publicKey: exportPublicKey(generateSigningKeyPair().publicKey) });
const roots: TrustRoots = {
  version: 1,
  generalSecretariat: { principalId: 'gs', keys: [key('gs-1')] },
  ncbs: [
    { country: 'FR', principalId: 'ncb-fr', keys: [key('ncb-fr-1')] },
    { country: 'KE', principalId: 'ncb-ke', keys: [key('ncb-ke-1')] },
  ],
};
const state = evolve(registryFromTrustRoots(roots), {
  type: 'AgencyRegistered',
  agencyId: 'fr-ofb',
  country: 'FR',
  name: 'OFB',
  key: key('fr-ofb-1'),
  registeredBy: 'ncb-fr',
  at: '2026-03-01T00:00:00.000Z',
});

const ncbFr: VerifiedPrincipal = { id: 'ncb-fr', kind: 'ncb', country: 'FR' };
const ncbKe: VerifiedPrincipal = { id: 'ncb-ke', kind: 'ncb', country: 'KE' };
const gs: VerifiedPrincipal = { id: 'gs', kind: 'general-secretariat' };
const source: VerifiedPrincipal = { id: 'ngo-1', kind: 'external-source' };

const aboutTheFrenchAgency: readonly RegistryCommand[] = [
  { command: 'register-agency', body: { agencyId: 'fr-new', country: 'FR', name: 'New', key: key('fr-new-1') } },
  { command: 'accredit-agency', body: { agencyId: 'fr-ofb', accreditationId: 'acc-1', scope: ['information-sharing'], validFrom: '2026-03-01T00:00:00Z', validUntil: '2027-03-01T00:00:00Z' } },
  { command: 'suspend-accreditation', body: { agencyId: 'fr-ofb', accreditationId: 'acc-1', reason: 'Audit' } },
  { command: 'reinstate-accreditation', body: { agencyId: 'fr-ofb', accreditationId: 'acc-1' } },
  { command: 'revoke-accreditation', body: { agencyId: 'fr-ofb', accreditationId: 'acc-1', reason: 'Ended' } },
  { command: 'rotate-key', body: { principalId: 'fr-ofb', newKey: key('fr-ofb-2'), retiredKeyId: 'fr-ofb-1' } },
  { command: 'revoke-key', body: { principalId: 'fr-ofb', keyId: 'fr-ofb-1', reason: 'compromised' } },
];

function statusOf(signer: VerifiedPrincipal, command: RegistryCommand): number {
  try {
    assertMayActOnRegistry(signer, `registry:${command.command}`, resourceOf(state, command));
    return 200;
  } catch (error) {
    return (error as ProblemError).status;
  }
}

describe('who may issue a registry command', () => {
  it.each(aboutTheFrenchAgency.map((command) => [command.command, command] as const))('lets the NCB of France %s for its agency', (_name, command) => {
    expect(statusOf(ncbFr, command)).toBe(200);
  });

  it.each(aboutTheFrenchAgency.map((command) => [command.command, command] as const))('forbids the NCB of Kenya to %s for a French agency', (_name, command) => {
    expect(statusOf(ncbKe, command)).toBe(403);
  });

  it.each(aboutTheFrenchAgency.slice(1).map((command) => [command.command, command] as const))('answers an external source %s with the 404 of an unknown principal', (_name, command) => {
    expect(statusOf(source, command)).toBe(404);
  });

  it('answers 404 for a command about a principal that is not registered, whoever asks', () => {
    const unknown: RegistryCommand = { command: 'rotate-key', body: { principalId: 'fr-nobody', newKey: key('x-1'), retiredKeyId: 'x-0' } };

    expect([statusOf(ncbFr, unknown), statusOf(gs, unknown)]).toEqual([404, 404]);
  });

  it('lets the GS register external sources and auditors, and forbids it agencies', () => {
    expect(statusOf(gs, { command: 'register-external-source', body: { sourceId: 'ngo-2', name: 'NGO', key: key('ngo-2-1') } })).toBe(200);
    expect(statusOf(gs, { command: 'register-auditor', body: { auditorId: 'auditor-2', name: 'Auditor', key: key('auditor-2-1') } })).toBe(200);
    expect(statusOf(gs, { command: 'register-agency', body: { agencyId: 'fr-gs-made', country: '', name: 'X', key: key('fr-gs-made-1') } })).toBe(403);
  });
});
