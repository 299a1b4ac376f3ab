import type { ActingPrincipal, SignatureMaterial } from './acting-principal.js';

/** What every NCB action carries. Time and ids are given by the caller; the domain invents neither. */
interface NcbActionCommand {
  readonly requestId: string;
  /** The verified signer, as registered: kind and country come from the registry. */
  readonly actor: ActingPrincipal;
  /** RFC 3339. */
  readonly at: string;
  /** From If-Match. The event store enforces it on append; the domain does not read it. */
  readonly expectedVersion: number;
  readonly signatureMaterial: SignatureMaterial;
}

export interface AcknowledgeRequest extends NcbActionCommand {
  readonly note?: string;
}

export interface EndorseRequest extends NcbActionCommand {
  readonly note?: string;
  /** The id of the permit the endorsement issues: `permitIdOf(requestId, endorsementRecordId)`. */
  readonly permitId: string;
  /** The id of the endorsement's record (its public event), which the permit id is derived from. */
  readonly endorsementRecordId: string;
  /** The GS team (its principal id) the permit opens contact with, from configuration. */
  readonly gsTeam: string;
  /** Whole days from 1 to 365; DEFAULT_PERMIT_VALIDITY_DAYS when left out. */
  readonly permitValidityDays?: number;
}

export interface DeclineRequest extends NcbActionCommand {
  readonly reason: string;
}

export interface RevokePermit extends NcbActionCommand {
  /** The permit the caller named, when it named one (the HTTP route always does). */
  readonly permitId?: string;
  readonly reason: string;
}
