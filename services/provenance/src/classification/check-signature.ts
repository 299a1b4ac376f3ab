import type { KeyObject } from 'node:crypto';
import { recordBindingProblem, type JsonObject, type LoggedPrincipal, type LoggedSignatureMaterial } from '@wildlife/provenance-log';
import { resolveKey, type Principal, type RegistryState } from '@wildlife/registry';
import { reverify } from '@wildlife/signatures';
import { publicKeyObject } from './imported-public-keys.js';
import { rejected, type Verdict } from './verdict.js';

/** The registered signer of a record whose signature checked out. */
export interface VerifiedSigner {
  readonly principal: Principal;
  readonly keyId: string;
}

/** Re-verifies the material with the key registered in `registryKey` form (imported as `publicKey`). */
export type Reverifier = (registryKey: string, material: LoggedSignatureMaterial, publicKey: KeyObject) => ReturnType<typeof reverify>;

const reverifyNow: Reverifier = (_registryKey, material, publicKey) => reverify(material, publicKey);

/**
 * Checks a record's signature against the registry: the key was valid when the producing service
 * observed the record (`observedAt`, its CloudEvent time, never the signer's own `created`), it
 * belongs to the principal the record names (same id, kind and country as registered), and the
 * signature over the stored material verifies (by `reverifier`, which may have checked it ahead).
 * Returns the signer, or the rejection. Never throws for anything about the record.
 */
export function checkSignature(
  registry: RegistryState,
  source: LoggedPrincipal,
  evidence: LoggedSignatureMaterial,
  observedAt: string,
  reverifier: Reverifier = reverifyNow,
): VerifiedSigner | Verdict {
  const signed = { source, evidence };
  const resolution = resolveKey(registry, evidence.keyId, observedAt);
  if ('refused' in resolution) {
    return resolution.refused === 'key_unknown'
      ? rejected('key-unknown', `Key "${evidence.keyId}" is not registered.`, signed)
      : rejected('key-not-valid-at-signing-time', `Key "${evidence.keyId}" was not valid at ${observedAt} (${resolution.refused}).`, signed);
  }
  const owner = resolution.principal;
  if (owner.id !== source.id || owner.kind !== source.kind || owner.country !== source.country) {
    return rejected('key-not-of-principal', `Key "${evidence.keyId}" belongs to "${owner.id}" (${owner.kind}), not to the "${source.id}" the record names.`, signed);
  }
  let publicKey: KeyObject;
  try {
    publicKey = publicKeyObject(resolution.publicKey);
  } catch {
    return rejected('key-unknown', `Key "${evidence.keyId}" is registered in a form that cannot be used.`, signed);
  }
  const result = reverifier(resolution.publicKey, evidence, publicKey);
  if (!result.ok) return rejected('signature-invalid', `The signature does not verify (${result.code}): ${result.reason}`, signed);
  return { principal: owner, keyId: evidence.keyId };
}

/**
 * Checks that a record whose signature checked out is the one its signed request made (ENTRY-FORMAT
 * "record binding"): its data says only what the request says, and its id and the ids the service
 * minted are the ones the signature derives, and its time is one a service that accepted the
 * signature could have stamped (`recordBindingProblem` of `@wildlife/provenance-log`, the table the
 * auditor checks too; the key was resolved at that time just before). Without this, any official signature could be republished
 * under other data to make it official. A signature binds one record type (one route each) and so
 * one record id: a copy is the same record (logged once) or a record under a reused id
 * (`record-id-reused`). Returns the rejection, or undefined when the record stands.
 */
export function checkRecordBinding(
  record: { readonly id: string; readonly type: string; readonly time: string; readonly data?: JsonObject },
  signer: VerifiedSigner,
  evidence: LoggedSignatureMaterial,
  signed: Pick<Verdict, 'source' | 'evidence'>,
): Verdict | undefined {
  const mismatch = recordBindingProblem({ id: record.id, type: record.type, time: record.time, data: record.data }, signer.principal, evidence);
  return mismatch === undefined ? undefined : rejected(mismatch.code, mismatch.text, signed);
}
