/**
 * The registry of principals: who they are, which keys are theirs at what time, which agencies are
 * accredited, and what each may do. Pure TypeScript over `node:crypto`; file I/O only in the
 * `*.io.ts` modules (`loadTrustRoots`, `loadRegistrySeed`, `ensureDevFixture`).
 *
 * Guarantees:
 * - The registry is a value: `registryFromTrustRoots(roots)` then `evolve` fact by fact, in order.
 *   `evolve` is pure and total (a fact that cannot apply is listed in `inapplicable`, never thrown),
 *   so every service's projection of the same facts answers every query the same way.
 * - `decide(state, command, { by, at })` is pure; it returns the facts to append or one refusal
 *   whose class name states the broken rule; its facts always apply cleanly with `evolve`, and keep
 *   the registry in time order.
 * - `resolveKey`, `accreditationAt` and `isOfficialSource` answer for a given time; nothing is
 *   retroactive except a key revoked as `compromised` (see `resolveKey`).
 * - `authorize` is a lookup in `POLICY`, a table with every cell written out; docs/AUTHORISATION.md is
 *   `renderPolicyMarkdown()`, and unit tests keep both equal and walk every cell.
 */
export { ASSIGNED_COUNTRY_CODES, isAssignedCountryCode } from './principals/country-codes.js';
export { CAPABILITIES, isCapability, type Capability } from './principals/capabilities.js';
export {
  PRINCIPAL_KINDS,
  COUNTRY_BOUND_KINDS,
  isCountryBoundKind,
  type Principal,
  type PrincipalKind,
  type CountryBoundKind,
  type CountrylessKind,
} from './principals/principal.js';
export {
  GENERAL_SECRETARIAT_ID,
  REGISTERED_ID_PATTERN,
  ncbIdOf,
  hasRegisteredIdShape,
  isGeneralSecretariatAnalystId,
  isReservedPrincipalId,
} from './principals/principal-ids.js';
export { InstantIsMalformed, epochMillisOf, toEpochMillis, isoOf, type Instant } from './time/instant.js';
export { KEY_ID_PATTERN, isKeyId, isEd25519PublicKey, type PublicKeyEntry } from './keys/public-key-entry.js';

export type { TrustRoots, GeneralSecretariatRoot, AnalystRoot, NcbRoot } from './trust-roots/trust-roots.js';
export { TrustRootsAreInvalid } from './trust-roots/trust-roots.errors.js';
export { parseTrustRoots } from './trust-roots/trust-roots.parse.js';
export { loadTrustRoots } from './trust-roots/trust-roots.io.js';

export {
  REGISTRY_FACT_TYPES,
  KEY_REVOCATION_REASONS,
  type RegistryFact,
  type RegistryFactType,
  type AgencyRegistered,
  type AgencyAccredited,
  type AccreditationSuspended,
  type AccreditationReinstated,
  type AccreditationRevoked,
  type KeyRotated,
  type KeyRevoked,
  type KeyRevocationReason,
  type ExternalSourceRegistered,
  type AuditorRegistered,
} from './facts/registry-facts.js';
export { RegistryRecordIsMalformed, registryFactTypeOf, registryFactOfRecord, recordDataOfFact } from './facts/registry-records.js';
export { authorOf, registryActOf } from './facts/registry-acts.js';

export type {
  RegistryState,
  PrincipalEntry,
  KeyEntry,
  KeyRevocation,
  AccreditationEntry,
  AccreditationChange,
  AccreditationChangeKind,
  InapplicableFact,
} from './state/registry-state.js';
export { registryFromTrustRoots } from './state/registry-from-trust-roots.js';
export { evolve, evolveAll } from './state/evolve.js';
export { principal, agenciesOf, keyIdsOf } from './state/registry-lookups.js';
export { resolveKey, type KeyResolution, type KeyRefusal } from './state/resolve-key.js';
export { accreditationAt, type AccreditationStanding } from './state/accreditation-standing.js';
export { isOfficialSource, type OfficialSourceCheck, type NotOfficialReason, type RecordScope } from './state/official-source.js';

export * from './commands/registry-commands.js';
export { decide } from './commands/decide.js';
export { decideRegisterAgency, decideRegisterExternalSource, decideRegisterAuditor } from './commands/decide-registrations.js';
export {
  decideAccreditAgency,
  decideSuspendAccreditation,
  decideReinstateAccreditation,
  decideRevokeAccreditation,
} from './commands/decide-accreditations.js';
export { decideRotateKey, decideRevokeKey } from './commands/decide-keys.js';
export { mayManageKeysOf } from './commands/key-authority.js';
export type { CommandDecision } from './commands/command-decision.js';
export { RegistryRefusal, type RefusalKind } from './commands/refusals/registry-refusal.js';
export * from './commands/refusals/authority.refusals.js';
export * from './commands/refusals/lookup.refusals.js';
export * from './commands/refusals/conflict.refusals.js';
export * from './commands/refusals/input.refusals.js';

export { ACTIONS, ACTION_CATALOGUE, type Action, type ActionTarget, type ActionDescription } from './policy/actions.js';
export {
  RELATIONS,
  type AccessDecision,
  type Relation,
  type RelationOf,
  type ActionRow,
  type PolicyTable,
} from './policy/access-decision.js';
export { POLICY } from './policy/policy.js';
export { authorize, relationOf, type ResourceTies } from './policy/authorize.js';
export { renderPolicyMarkdown } from './policy/policy-markdown.js';

export { DEV_FIXTURE_CAST, devKeyIdOf, principalIdsOf, type DevFixtureCast, type DevAgency } from './dev-fixture/dev-fixture.cast.js';
export { planDevFixture, DevFixtureLacksAPublicKey, type DevFixturePlan } from './dev-fixture/dev-fixture.plan.js';
export { parseRegistrySeed, RegistrySeedIsInvalid, type SeedCommand } from './dev-fixture/registry-seed.js';
export { loadRegistrySeed } from './dev-fixture/registry-seed.io.js';
export { ensureDevFixture, DevFixtureFolderHoldsOtherFiles, type DevFixtureFiles } from './dev-fixture/dev-fixture.io.js';
