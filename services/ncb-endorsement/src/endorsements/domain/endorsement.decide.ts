import type { NcbReference } from '@wildlife/contracts';
import { permitExpiryOf } from './direct-contact-permit.js';
import type { AcknowledgeRequest, DeclineRequest, EndorseRequest, RevokePermit } from './endorsement.commands.js';
import {
  type EndorsementRuleViolation,
  OnlyTheAgencysOwnNcbMayAcknowledge,
  OnlyTheAgencysOwnNcbMayDecline,
  OnlyTheAgencysOwnNcbMayEndorse,
  OnlyTheAgencysOwnNcbMayRevokeThePermit,
  PermitHasAlreadyExpired,
  PermitIsAlreadyRevoked,
  PermitIsVoid,
  RejectedRequestsNeverMoveOn,
  RequestIsUnknown,
  TextIsEmptyOrTooLong,
  TransitionIsNotAllowed,
} from './endorsement.errors.js';
import type {
  DirectContactPermitIssued,
  DirectContactPermitRevoked,
  RequestAcknowledged,
  RequestDeclined,
  RequestEndorsed,
} from './endorsement.events.js';
import type { EndorsementState, ReceivedRequest } from './endorsement.state.js';
import { isAllowed, type NcbAction } from './endorsement.transitions.js';

// The NCB's decisions on a request (notification 1.1 and 1.2). Every one is checked in this order,
// and the first rule broken is thrown:
// 1. RequestIsUnknown: intake's submission has not been received;
// 2. OnlyTheAgencysOwnNcbMay…: the signer is not the NCB of the requesting agency's country;
// 3. RejectedRequestsNeverMoveOn: provenance rejected the request;
// 4. TransitionIsNotAllowed: the table in endorsement.transitions.ts does not allow it from here.
// A stale If-Match is the event store's to refuse, on append.

const MAX_TEXT_LENGTH = 2000;

const OWN_NCB_ONLY: Record<NcbAction, new (actorId: string, agencyCountry: string) => EndorsementRuleViolation> = {
  acknowledge: OnlyTheAgencysOwnNcbMayAcknowledge,
  endorse: OnlyTheAgencysOwnNcbMayEndorse,
  decline: OnlyTheAgencysOwnNcbMayDecline,
  revokePermit: OnlyTheAgencysOwnNcbMayRevokeThePermit,
};

/** Acknowledges receipt: one RequestAcknowledged. The note (1 to 2000 characters) stays private. */
export function decideAcknowledge(command: AcknowledgeRequest, state: EndorsementState): [RequestAcknowledged] {
  const { request, ncb } = permitted('acknowledge', command, state);
  if (command.note !== undefined) assertTextWithinBounds('note', command.note);
  return [
    {
      type: 'RequestAcknowledged',
      requestId: request.requestId,
      ncb,
      at: command.at,
      ...(command.note !== undefined && { note: command.note }),
      signatureMaterial: command.signatureMaterial,
    },
  ];
}

/**
 * Endorses, which opens direct contact (1.1): RequestEndorsed and, in the same decision, the
 * DirectContactPermitIssued for the requesting agency and the GS team, expiring `permitValidityDays`
 * (default 180) after the endorsement. Also throws PermitValidityIsOutOfRange and TextIsEmptyOrTooLong.
 */
export function decideEndorse(command: EndorseRequest, state: EndorsementState): [RequestEndorsed, DirectContactPermitIssued] {
  const { request, ncb } = permitted('endorse', command, state);
  if (command.note !== undefined) assertTextWithinBounds('note', command.note);
  const expiresAt = permitExpiryOf(command.at, command.permitValidityDays);
  return [
    {
      type: 'RequestEndorsed',
      requestId: request.requestId,
      ncb,
      agency: request.agency,
      at: command.at,
      ...(command.note !== undefined && { note: command.note }),
      signatureMaterial: command.signatureMaterial,
    },
    {
      type: 'DirectContactPermitIssued',
      permitId: command.permitId,
      requestId: request.requestId,
      agency: request.agency,
      gsTeam: command.gsTeam,
      issuedAt: command.at,
      expiresAt,
      issuedBy: ncb,
      endorsementRecordId: command.endorsementRecordId,
    },
  ];
}

/** Declines, with a reason of 1 to 2000 characters: one RequestDeclined. Nothing leaves `declined`. */
export function decideDecline(command: DeclineRequest, state: EndorsementState): [RequestDeclined] {
  const { request, ncb } = permitted('decline', command, state);
  assertTextWithinBounds('reason', command.reason);
  return [{ type: 'RequestDeclined', requestId: request.requestId, ncb, at: command.at, reason: command.reason, signatureMaterial: command.signatureMaterial }];
}

/**
 * Revokes the request's direct-contact permit before it expires, with a reason: one
 * DirectContactPermitRevoked. Also throws PermitIsVoid (the permit named is not the one in force),
 * PermitIsAlreadyRevoked and PermitHasAlreadyExpired.
 */
export function decideRevokePermit(command: RevokePermit, state: EndorsementState): [DirectContactPermitRevoked] {
  const { request, ncb } = permitted('revokePermit', command, state);
  const { permit } = state;
  // An endorsed request always holds its permit; without one there is nothing to revoke.
  if (permit === undefined) throw new TransitionIsNotAllowed('endorsed', 'revokePermit');
  if (command.permitId !== undefined && command.permitId !== permit.permitId) throw new PermitIsVoid(command.permitId);
  if (permit.revokedAt !== undefined) throw new PermitIsAlreadyRevoked(permit.permitId, permit.revokedAt);
  if (Date.parse(command.at) >= Date.parse(permit.expiresAt)) throw new PermitHasAlreadyExpired(permit.permitId, permit.expiresAt);
  assertTextWithinBounds('reason', command.reason);
  return [
    {
      type: 'DirectContactPermitRevoked',
      permitId: permit.permitId,
      requestId: request.requestId,
      endorsementRecordId: permit.endorsementRecordId,
      at: command.at,
      reason: command.reason,
      revokedBy: ncb,
      signatureMaterial: command.signatureMaterial,
    },
  ];
}

function permitted(
  action: NcbAction,
  command: AcknowledgeRequest | EndorseRequest | DeclineRequest | RevokePermit,
  state: EndorsementState,
): { request: ReceivedRequest; ncb: NcbReference } {
  const { request, status } = state;
  if (request === undefined || status === 'unknown') throw new RequestIsUnknown(command.requestId);
  const { actor } = command;
  const agencyCountry = request.agency.country;
  if (actor.kind !== 'ncb' || actor.country !== agencyCountry) throw new OWN_NCB_ONLY[action](actor.principalId, agencyCountry);
  if (status === 'rejected') throw new RejectedRequestsNeverMoveOn(request.requestId, action);
  if (!isAllowed(status, action)) throw new TransitionIsNotAllowed(status, action);
  return { request, ncb: { principalId: actor.principalId, country: agencyCountry } };
}

/** Counted in Unicode code points, as the contract schemas count. */
function assertTextWithinBounds(field: 'reason' | 'note', text: string): void {
  const length = [...text].length;
  if (length < 1 || length > MAX_TEXT_LENGTH) throw new TextIsEmptyOrTooLong(field, MAX_TEXT_LENGTH);
}
