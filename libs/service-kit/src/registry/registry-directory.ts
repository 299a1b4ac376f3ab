import type { KeyObject } from 'node:crypto';
import { evolve, principal, resolveKey, type Principal, type RegistryFact, type RegistryState } from '@wildlife/registry';
import { importPublicKey } from '@wildlife/signatures';
import type { KeyLookup, PrincipalDirectory, VerifiedPrincipal } from '../signed-requests/principal-directory.js';

/**
 * The registry as this service knows it: the trust roots, then every registry fact it consumed, in
 * the order it recorded them. What signed-request verification asks on every request.
 *
 * Guarantees:
 * - `apply` is idempotent by event id: a fact delivered again under the same id changes nothing.
 * - Lookups are in memory and answer from the facts applied so far; `resolveKey` imports each public
 *   key once and reuses its `KeyObject`, and reads the registry on every call, so a rotation or
 *   revocation takes effect on the next request after its fact is applied.
 * - A fact that cannot apply is kept in `current.inapplicable` (see `evolve`), never thrown.
 */
export class RegistryDirectory implements PrincipalDirectory {
  private state: RegistryState;
  private readonly appliedEventIds = new Set<string>();
  private readonly keyObjects = new Map<string, KeyObject>();

  /** `origin`: the registry before any fact, as the trust roots make it. */
  constructor(readonly origin: RegistryState) {
    this.state = origin;
  }

  /** The registry after every fact applied so far. */
  get current(): RegistryState {
    return this.state;
  }

  /** Applies `fact` unless a fact with this event id was applied already; true when it was applied now. */
  apply(eventId: string, fact: RegistryFact): boolean {
    if (this.appliedEventIds.has(eventId)) return false;
    this.appliedEventIds.add(eventId);
    this.state = evolve(this.state, fact);
    return true;
  }

  resolveKey(keyId: string, at: Date): KeyLookup {
    const found = resolveKey(this.state, keyId, at);
    if ('refused' in found) return found;
    const publicKey = this.keyObjectOf(found.publicKey);
    // Unreachable for a key the registry accepted (decide imports it); refused rather than thrown anyway.
    if (publicKey === undefined) return { refused: 'key_unknown' };
    return { principal: verifiedPrincipalOf(found.principal), publicKey };
  }

  principal(id: string): VerifiedPrincipal | undefined {
    const found = principal(this.state, id);
    return found === undefined ? undefined : verifiedPrincipalOf(found);
  }

  private keyObjectOf(publicKey: string): KeyObject | undefined {
    let key = this.keyObjects.get(publicKey);
    if (key === undefined) {
      try {
        key = importPublicKey(publicKey);
      } catch {
        return undefined;
      }
      this.keyObjects.set(publicKey, key);
    }
    return key;
  }
}

function verifiedPrincipalOf({ id, kind, country }: Principal): VerifiedPrincipal {
  return country === undefined ? { id, kind } : { id, kind, country };
}
