import type {
  AccreditationReinstated,
  AccreditationRevoked,
  AccreditationSuspended,
  AgencyAccredited,
} from '../facts/registry-facts.js';
import { accreditationStatus } from '../state/accreditation-status.js';
import type { AccreditationEntry, RegistryState } from '../state/registry-state.js';
import { accreditationOf, agencyOfOwnNcb, isSuspendedAt } from './accreditation-target.js';
import { checkReason } from './command-checks.js';
import { accept, issuerContext, refuse, type CommandDecision, type IssuerContext } from './command-decision.js';
import { checkAccreditationTerms } from './accreditation-terms.js';
import { OnlyTheAgencysOwnNcbMayAccreditIt, OnlyTheAgencysOwnNcbMayChangeItsAccreditation } from './refusals/authority.refusals.js';
import {
  AccreditationHasEnded,
  AccreditationIsAlreadyRevoked,
  AccreditationIsAlreadySuspended,
  AccreditationIsNotSuspended,
} from './refusals/conflict.refusals.js';
import { RegistryRefusal } from './refusals/registry-refusal.js';
import type {
  AccreditAgencyBody,
  CommandIssuer,
  ReinstateAccreditationBody,
  RevokeAccreditationBody,
  SuspendAccreditationBody,
} from './registry-commands.js';

/** The agency's own NCB accredits it for a scope and a validity that ends after it starts and after now. */
export function decideAccreditAgency(state: RegistryState, body: AccreditAgencyBody, issuedBy: CommandIssuer): CommandDecision<AgencyAccredited> {
  const context = issuerContext(state, issuedBy);
  if (context instanceof RegistryRefusal) return refuse(context);
  const agency = agencyOfOwnNcb(state, body.agencyId, context, OnlyTheAgencysOwnNcbMayAccreditIt);
  if (agency instanceof RegistryRefusal) return refuse(agency);
  const terms = checkAccreditationTerms(state, body, context.at);
  if (terms instanceof RegistryRefusal) return refuse(terms);
  return accept({
    type: 'AgencyAccredited',
    agencyId: agency.id,
    accreditationId: body.accreditationId,
    scope: [...body.scope],
    validFrom: terms.validFrom,
    validUntil: terms.validUntil,
    by: context.issuer.id,
    at: context.atIso,
  });
}

/** The agency's own NCB suspends an accreditation that is still in force or yet to start. */
export function decideSuspendAccreditation(
  state: RegistryState,
  body: SuspendAccreditationBody,
  issuedBy: CommandIssuer,
): CommandDecision<AccreditationSuspended> {
  const target = changeTarget(state, body, issuedBy);
  if (target instanceof RegistryRefusal) return refuse(target);
  const { context, accreditation } = target;
  const refusal = checkReason(body.reason) ?? stillOpen(state, accreditation, context.at);
  if (refusal) return refuse(refusal);
  if (isSuspendedAt(accreditation, context.at)) return refuse(new AccreditationIsAlreadySuspended(`"${body.accreditationId}" is suspended already`));
  return accept({ type: 'AccreditationSuspended', ...ids(body), reason: body.reason, by: context.issuer.id, at: context.atIso });
}

/** The agency's own NCB lifts a suspension; the accreditation counts again within its validity. */
export function decideReinstateAccreditation(
  state: RegistryState,
  body: ReinstateAccreditationBody,
  issuedBy: CommandIssuer,
): CommandDecision<AccreditationReinstated> {
  const target = changeTarget(state, body, issuedBy);
  if (target instanceof RegistryRefusal) return refuse(target);
  const { context, accreditation } = target;
  const refusal = stillOpen(state, accreditation, context.at);
  if (refusal) return refuse(refusal);
  if (!isSuspendedAt(accreditation, context.at)) return refuse(new AccreditationIsNotSuspended(`"${body.accreditationId}" is not suspended`));
  const note = body.note === undefined ? {} : { note: body.note };
  return accept({ type: 'AccreditationReinstated', ...ids(body), ...note, by: context.issuer.id, at: context.atIso });
}

/** The agency's own NCB revokes an accreditation for good; what it covered before now stands. */
export function decideRevokeAccreditation(
  state: RegistryState,
  body: RevokeAccreditationBody,
  issuedBy: CommandIssuer,
): CommandDecision<AccreditationRevoked> {
  const target = changeTarget(state, body, issuedBy);
  if (target instanceof RegistryRefusal) return refuse(target);
  const { context, accreditation } = target;
  const refusal = checkReason(body.reason) ?? stillOpen(state, accreditation, context.at);
  if (refusal) return refuse(refusal);
  return accept({ type: 'AccreditationRevoked', ...ids(body), reason: body.reason, by: context.issuer.id, at: context.atIso });
}

interface ChangeTarget {
  readonly context: IssuerContext;
  readonly accreditation: AccreditationEntry;
}

function changeTarget(state: RegistryState, body: { agencyId: string; accreditationId: string }, issuedBy: CommandIssuer): ChangeTarget | RegistryRefusal {
  const context = issuerContext(state, issuedBy);
  if (context instanceof RegistryRefusal) return context;
  const agency = agencyOfOwnNcb(state, body.agencyId, context, OnlyTheAgencysOwnNcbMayChangeItsAccreditation);
  if (agency instanceof RegistryRefusal) return agency;
  const accreditation = accreditationOf(state, body.agencyId, body.accreditationId);
  if (accreditation instanceof RegistryRefusal) return accreditation;
  return { context, accreditation };
}

/** Refuses a change to an accreditation that can no longer count: revoked, expired or superseded. */
function stillOpen(state: RegistryState, accreditation: AccreditationEntry, at: number): RegistryRefusal | undefined {
  const status = accreditationStatus(state, accreditation, at);
  if (status === 'revoked') return new AccreditationIsAlreadyRevoked(`"${accreditation.accreditationId}" was revoked`);
  if (status === 'expired' || status === 'superseded') return new AccreditationHasEnded(`"${accreditation.accreditationId}" is ${status}`);
  return undefined;
}

function ids(body: { agencyId: string; accreditationId: string }) {
  return { agencyId: body.agencyId, accreditationId: body.accreditationId };
}
