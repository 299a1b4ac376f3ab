import type { KeyObject } from 'node:crypto';
import { recordBindingProblem, type LogEntry, type LoggedPrincipal, type LoggedSignatureMaterial } from '@wildlife/provenance-log';
import { resolveKey, type Principal, type RegistryState } from '@wildlife/registry';
import { importPublicKey, reverify } from '@wildlife/signatures';

/** The registered principal whose key signed the record. */
export interface CheckedSigner {
  readonly principal: Principal;
  readonly keyId: string;
}

/** Why the record's signature does not stand; `code` is the log's rejection code for it. */
export interface SignerFailure {
  readonly code: 'key-unknown' | 'key-not-valid-at-signing-time' | 'key-not-of-principal' | 'signature-invalid';
  readonly text: string;
}

/**
 * Imported public keys by registry form: there are as many as registered keys, whatever the length
 * of the log, and importing one costs more than a verification.
 */
export class PublicKeyObjects {
  readonly #imported = new Map<string, KeyObject | undefined>();

  of(registryForm: string): KeyObject | undefined {
    if (!this.#imported.has(registryForm)) {
      let key: KeyObject | undefined;
      try {
        key = importPublicKey(registryForm);
      } catch {
        key = undefined;
      }
      this.#imported.set(registryForm, key);
    }
    return this.#imported.get(registryForm);
  }
}

/**
 * Checks a logged record's signer the way the log must have: the key resolves in the registry at
 * `observedAt` (the record's time as its service observed it — never the signer's own `created`),
 * it is registered to the principal the entry names (same id, kind and country), and, unless
 * `reverifySignature` is false, the stored material verifies with it (`reverify`).
 */
export function checkSigner(
  registry: RegistryState,
  source: LoggedPrincipal,
  evidence: LoggedSignatureMaterial,
  observedAt: string,
  keys: PublicKeyObjects,
  reverifySignature: boolean,
): CheckedSigner | SignerFailure {
  const resolution = resolveKey(registry, evidence.keyId, observedAt);
  if ('refused' in resolution) {
    return resolution.refused === 'key_unknown'
      ? { code: 'key-unknown', text: `key "${evidence.keyId}" is not registered` }
      : { code: 'key-not-valid-at-signing-time', text: `key "${evidence.keyId}" was not valid at ${observedAt} (${resolution.refused})` };
  }
  const owner = resolution.principal;
  if (owner.id !== source.id || owner.kind !== source.kind || owner.country !== source.country) {
    return { code: 'key-not-of-principal', text: `key "${evidence.keyId}" belongs to "${owner.id}" (${owner.kind}), not to "${source.id}"` };
  }
  if (reverifySignature) {
    const publicKey = keys.of(resolution.publicKey);
    if (publicKey === undefined) return { code: 'key-unknown', text: `key "${evidence.keyId}" is registered in a form that cannot be used` };
    const result = reverify(evidence, publicKey);
    if (!result.ok) return { code: 'signature-invalid', text: `the record's signature does not verify (${result.code}: ${result.reason})` };
  }
  return { principal: owner, keyId: evidence.keyId };
}

/** A logged record's data that its signed request did not make, as the rules' rejection. */
export interface BindingFailure {
  readonly code: string;
  readonly why: string;
}

/**
 * The rejection the log owed a record whose signer checked out (`checkSigner`) but whose data, id
 * or minted ids are not what its signed request made, or whose time no service that accepted its
 * signature could have stamped (`recordBindingProblem`, the provenance service's own table).
 * Undefined when the record stands.
 */
export function bindingFailure(entry: Pick<LogEntry, 'record' | 'recordData' | 'evidence'>, signer: CheckedSigner): BindingFailure | undefined {
  const mismatch = recordBindingProblem({ id: entry.record.id, type: entry.record.type, time: entry.record.time, data: entry.recordData }, signer.principal, entry.evidence!);
  return mismatch === undefined ? undefined : { code: mismatch.code, why: mismatch.text };
}
