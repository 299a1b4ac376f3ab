import { KEY_REVOCATION_REASONS, type KeyRevoked, type KeyRotated } from '../facts/registry-facts.js';
import { keyIdsOf } from '../state/registry-lookups.js';
import type { KeyEntry, RegistryState } from '../state/registry-state.js';
import { resolveKey } from '../state/resolve-key.js';
import { epochMillisOf, isoOf } from '../time/instant.js';
import { checkNewKey } from './command-checks.js';
import { accept, issuerContext, refuse, type CommandDecision, type IssuerContext } from './command-decision.js';
import { mayManageKeysOf } from './key-authority.js';
import { OnlyTheAuthorityInChargeOfThePrincipalMayManageItsKeys } from './refusals/authority.refusals.js';
import { KeyIsAlreadyRevoked, KeyIsAlreadyRotatedOut, PrincipalMayNotRevokeItsOwnLastValidKey } from './refusals/conflict.refusals.js';
import {
  CompromiseCannotStartAfterTheRevocation,
  KeyRevocationReasonIsUnknown,
  OnlyACompromisedKeyHasACompromiseDate,
  TimeIsMalformed,
} from './refusals/input.refusals.js';
import { PrincipalHasNoSuchKey, PrincipalIsNotRegistered } from './refusals/lookup.refusals.js';
import { RegistryRefusal } from './refusals/registry-refusal.js';
import type { CommandIssuer, RevokeKeyBody, RotateKeyBody } from './registry-commands.js';

/**
 * Replaces one of a principal's keys by a new one, from now. A key already revoked may still be
 * rotated out: that is how a principal whose only key was revoked gets a replacement.
 */
export function decideRotateKey(state: RegistryState, body: RotateKeyBody, issuedBy: CommandIssuer): CommandDecision<KeyRotated> {
  const target = managedKey(state, body.principalId, body.retiredKeyId, issuedBy);
  if (target instanceof RegistryRefusal) return refuse(target);
  const { context, key } = target;
  if (key.retiredAt !== undefined) return refuse(new KeyIsAlreadyRotatedOut(`key "${key.keyId}" was rotated out at ${isoOf(key.retiredAt)}`));
  const refusal = checkNewKey(state, body.newKey);
  if (refusal) return refuse(refusal);
  return accept({
    type: 'KeyRotated',
    principalId: body.principalId,
    newKey: { keyId: body.newKey.keyId, publicKey: body.newKey.publicKey },
    retiredKeyId: key.keyId,
    by: context.issuer.id,
    at: context.atIso,
  });
}

/**
 * Revokes a key (rotated out or not); see `KeyRevoked` and `resolveKey` for what it stops verifying.
 * A principal may not revoke, signing itself, its last valid key (`PrincipalMayNotRevokeItsOwnLastValidKey`).
 */
export function decideRevokeKey(state: RegistryState, body: RevokeKeyBody, issuedBy: CommandIssuer): CommandDecision<KeyRevoked> {
  const target = managedKey(state, body.principalId, body.keyId, issuedBy);
  if (target instanceof RegistryRefusal) return refuse(target);
  const { context, key } = target;
  if (key.revocation !== undefined) return refuse(new KeyIsAlreadyRevoked(`key "${key.keyId}" was revoked at ${isoOf(key.revocation.at)}`));
  if (!(KEY_REVOCATION_REASONS as readonly unknown[]).includes(body.reason)) {
    return refuse(new KeyRevocationReasonIsUnknown(`${JSON.stringify(body.reason)} is not one of ${KEY_REVOCATION_REASONS.join(', ')}`));
  }
  const compromisedSince = compromiseStart(body, context.at);
  if (compromisedSince instanceof RegistryRefusal) return refuse(compromisedSince);
  if (context.issuer.id === body.principalId && isLastValidKey(state, key, context.at)) {
    return refuse(
      new PrincipalMayNotRevokeItsOwnLastValidKey(`key "${key.keyId}" is the last valid key of "${body.principalId}", which signs its revocation: rotate it out instead`),
    );
  }
  return accept({
    type: 'KeyRevoked',
    principalId: body.principalId,
    keyId: key.keyId,
    reason: body.reason,
    ...(compromisedSince === undefined ? {} : { compromisedSince }),
    ...(body.note === undefined ? {} : { note: body.note }),
    by: context.issuer.id,
    at: context.atIso,
  });
}

function managedKey(
  state: RegistryState,
  principalId: string,
  keyId: string,
  issuedBy: CommandIssuer,
): { readonly context: IssuerContext; readonly key: KeyEntry } | RegistryRefusal {
  const context = issuerContext(state, issuedBy);
  if (context instanceof RegistryRefusal) return context;
  const subject = state.principals.get(principalId)?.principal;
  if (subject === undefined) return new PrincipalIsNotRegistered(`"${principalId}" is not a registered principal`);
  if (!mayManageKeysOf(context.issuer, subject)) {
    return new OnlyTheAuthorityInChargeOfThePrincipalMayManageItsKeys(`"${context.issuer.id}" does not manage the keys of "${principalId}"`);
  }
  const key = state.keys.get(keyId);
  if (key === undefined || key.principalId !== principalId) return new PrincipalHasNoSuchKey(`"${principalId}" has no key "${keyId}"`);
  return { context, key };
}

/** Whether `key` is valid at `at` and no other key of its principal is. */
function isLastValidKey(state: RegistryState, key: KeyEntry, at: number): boolean {
  const isValid = (keyId: string) => !('refused' in resolveKey(state, keyId, new Date(at)));
  return isValid(key.keyId) && !keyIdsOf(state, key.principalId).some((keyId) => keyId !== key.keyId && isValid(keyId));
}

function compromiseStart(body: RevokeKeyBody, at: number): string | undefined | RegistryRefusal {
  if (body.compromisedSince === undefined) return undefined;
  if (body.reason !== 'compromised') return new OnlyACompromisedKeyHasACompromiseDate(`the reason is "${body.reason}"`);
  const since = epochMillisOf(body.compromisedSince);
  if (since === undefined) return new TimeIsMalformed(`compromisedSince ${JSON.stringify(body.compromisedSince)} is not an RFC 3339 timestamp of a date and time that exist, in the years 0001 to 9999 (UTC)`);
  if (since > at) return new CompromiseCannotStartAfterTheRevocation(`compromisedSince ${isoOf(since)} is after the revocation at ${isoOf(at)}`);
  return isoOf(since);
}
