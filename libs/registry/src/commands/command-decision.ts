import type { RegistryFact } from '../facts/registry-facts.js';
import type { Principal } from '../principals/principal.js';
import type { RegistryState } from '../state/registry-state.js';
import { epochMillisOf, isoOf } from '../time/instant.js';
import { IssuerIsNotRegistered } from './refusals/authority.refusals.js';
import { CommandIsDatedBeforeTheLatestRegistryFact } from './refusals/conflict.refusals.js';
import { TimeIsMalformed } from './refusals/input.refusals.js';
import type { RegistryRefusal } from './refusals/registry-refusal.js';
import type { CommandIssuer } from './registry-commands.js';

/** What `decide` returns: the facts to append, in order, or the one rule the command broke. */
export type CommandDecision<F extends RegistryFact = RegistryFact> =
  | { readonly accepted: true; readonly facts: readonly F[] }
  | { readonly accepted: false; readonly refusal: RegistryRefusal };

export function accept<F extends RegistryFact>(...facts: F[]): CommandDecision<F> {
  return { accepted: true, facts };
}

export function refuse(refusal: RegistryRefusal): { readonly accepted: false; readonly refusal: RegistryRefusal } {
  return { accepted: false, refusal };
}

/** The issuer as registered, and the command's time both as milliseconds and in the facts' ISO form. */
export interface IssuerContext {
  readonly issuer: Principal;
  readonly at: number;
  readonly atIso: string;
}

/**
 * Checks what every command needs: a valid time no earlier than the registry's latest fact (so the
 * facts stay in time order), and an issuer the registry knows.
 */
export function issuerContext(state: RegistryState, { by, at }: CommandIssuer): IssuerContext | RegistryRefusal {
  const millis = epochMillisOf(at);
  if (millis === undefined) return new TimeIsMalformed(`the command's time ${JSON.stringify(at)} is not a valid instant`);
  if (state.latestFactAt !== undefined && millis < state.latestFactAt) {
    return new CommandIsDatedBeforeTheLatestRegistryFact(`the command is dated ${isoOf(millis)}, the registry's latest fact ${isoOf(state.latestFactAt)}`);
  }
  const issuer = state.principals.get(by)?.principal;
  if (issuer === undefined) return new IssuerIsNotRegistered(`"${by}" is not a registered principal`);
  return { issuer, at: millis, atIso: isoOf(millis) };
}
