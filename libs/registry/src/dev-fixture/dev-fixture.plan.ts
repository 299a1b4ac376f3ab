import type { PublicKeyEntry } from '../keys/public-key-entry.js';
import { CAPABILITIES } from '../principals/capabilities.js';
import { ncbIdOf } from '../principals/principal-ids.js';
import { isoOf, toEpochMillis, type Instant } from '../time/instant.js';
import type { TrustRoots } from '../trust-roots/trust-roots.js';
import { DEV_FIXTURE_CAST, devKeyIdOf, principalIdsOf, type DevAgency, type DevFixtureCast } from './dev-fixture.cast.js';
import type { SeedCommand } from './registry-seed.js';

/** What `ensureDevFixture` writes, apart from the private keys themselves. */
export interface DevFixturePlan {
  /** The NCBs and the GS (with its analysts): the principals trusted from deployment. */
  readonly trustRoots: TrustRoots;
  /** Everyone else, as commands to issue through the API at first start, in order. */
  readonly seed: readonly SeedCommand[];
  /** One key file per principal, relative to the fixture folder. */
  readonly keyFiles: readonly { readonly principalId: string; readonly keyId: string; readonly path: string }[];
}

/** The planner was not given the public key of a fixture principal. */
export class DevFixtureLacksAPublicKey extends Error {
  constructor(readonly principalId: string) {
    super(`No public key was given for the fixture principal "${principalId}"`);
    this.name = 'DevFixtureLacksAPublicKey';
  }
}

/**
 * Plans the development fixture from the public keys generated for the cast (principal id →
 * registry form). Pure: the same time, keys and cast give the same plan. Accredited agencies are
 * accredited for all five capabilities from `now` for two years. Agency registrations and
 * accreditations are signed by the agency's NCB; the external sources and auditors by `gs`.
 * Throws only `DevFixtureLacksAPublicKey` (and `InstantIsMalformed` for a bad `now`).
 */
export function planDevFixture(now: Instant, publicKeys: ReadonlyMap<string, string>, cast: DevFixtureCast = DEV_FIXTURE_CAST): DevFixturePlan {
  const keyOf = (principalId: string): PublicKeyEntry => {
    const publicKey = publicKeys.get(principalId);
    if (publicKey === undefined) throw new DevFixtureLacksAPublicKey(principalId);
    return { keyId: devKeyIdOf(principalId), publicKey };
  };
  const gs = cast.generalSecretariat;
  const trustRoots: TrustRoots = {
    version: 1,
    generalSecretariat: {
      principalId: gs.principalId,
      name: gs.name,
      keys: [keyOf(gs.principalId)],
      analysts: cast.analysts.map(({ principalId, name }) => ({ principalId, name, keys: [keyOf(principalId)] })),
    },
    ncbs: cast.ncbs.map(({ principalId, country, name }) => ({ country, principalId, name, keys: [keyOf(principalId)] })),
  };
  const seed: SeedCommand[] = [
    ...cast.agencies.map(
      ({ principalId, country, name }): SeedCommand => ({
        signerPrincipalId: ncbIdOf(country),
        command: 'register-agency',
        body: { agencyId: principalId, country, name, key: keyOf(principalId) },
      }),
    ),
    ...cast.agencies.filter((agency) => agency.accredited).map((agency) => accreditation(agency, toEpochMillis(now))),
    ...cast.externalSources.map(
      ({ principalId, name }): SeedCommand => ({
        signerPrincipalId: gs.principalId,
        command: 'register-external-source',
        body: { sourceId: principalId, name, key: keyOf(principalId) },
      }),
    ),
    ...cast.auditors.map(
      ({ principalId, name }): SeedCommand => ({
        signerPrincipalId: gs.principalId,
        command: 'register-auditor',
        body: { auditorId: principalId, name, key: keyOf(principalId) },
      }),
    ),
  ];
  const keyFiles = principalIdsOf(cast).map((principalId) => ({ principalId, keyId: devKeyIdOf(principalId), path: `keys/${principalId}.key.json` }));
  return { trustRoots, seed, keyFiles };
}

function accreditation(agency: DevAgency, now: number): SeedCommand {
  const end = new Date(now);
  end.setUTCFullYear(end.getUTCFullYear() + 2);
  return {
    signerPrincipalId: ncbIdOf(agency.country),
    command: 'accredit-agency',
    body: {
      agencyId: agency.principalId,
      accreditationId: `${agency.principalId}-accreditation-1`,
      scope: [...CAPABILITIES],
      validFrom: isoOf(now),
      validUntil: isoOf(end.getTime()),
    },
  };
}
