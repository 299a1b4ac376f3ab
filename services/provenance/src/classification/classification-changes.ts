import type { LogEntry } from '@wildlife/provenance-log';
import type { DueChange } from './due-change.js';
import { basisOf } from './verdict.js';

/** The entry at `sequence` that makes a due change of classification: the same record, signer and evidence as the entry it supersedes. */
export function changeEntry(sequence: number, time: string, change: DueChange): LogEntry {
  switch (change.kind) {
    case 'promotion':
      return vouchedEntry(sequence, time, change.pending, change.vouch);
    case 'outside-country':
      return outsideCountryEntry(sequence, time, change);
    case 'key-invalid':
      return keyInvalidEntry(sequence, time, change);
    case 'accreditation':
      return accreditationEntry(sequence, time, change);
  }
}

/**
 * The entry that classifies an agency's record again after an accreditation fact logged later
 * (entry `change.fact`) changed what the agency was at the record's time: pending its NCB once
 * suspended or revoked from before it, official once granted or reinstated from before it,
 * official on its NCB's word when that NCB already vouched for it, rejected when the accreditation
 * in force does not cover what it asked. Like a key's rejection, it names the record and its
 * source; its evidence and data are in the entry it supersedes.
 */
function accreditationEntry(sequence: number, time: string, change: Extract<DueChange, { kind: 'accreditation' }>): LogEntry {
  const { classification, code, text, basis } = change.verdict;
  return recordOnlyChange(sequence, time, change.record, classification, { code, text: `${text} (Classified again at its time after entry ${change.fact}.)` }, basis);
}

/**
 * The entry that rejects a record whose key a later-logged fact shows was not valid when the record
 * was observed (a key revoked as compromised from before it). It names the record and its source;
 * its evidence is that of the entry it supersedes, which it does not repeat (the log would otherwise
 * hold every record's signature material in memory to be ready for a compromise).
 */
function keyInvalidEntry(sequence: number, time: string, change: Extract<DueChange, { kind: 'key-invalid' }>): LogEntry {
  const { record, keyId } = change.record;
  return recordOnlyChange(sequence, time, change.record, 'rejected', {
    code: 'key-not-valid-at-signing-time',
    text: `Key "${keyId}" was not valid at ${record.time}, as entry ${change.keyFact} shows.`,
  });
}

/** A change that names the record and its source only: its evidence and data stay in the entry it supersedes (`superseded`). */
function recordOnlyChange(
  sequence: number,
  time: string,
  superseded: Pick<LogEntry, 'sequence' | 'record' | 'source'>,
  classification: LogEntry['classification'],
  reason: LogEntry['reason'],
  basis?: readonly number[],
): LogEntry {
  return {
    v: 1,
    sequence,
    time,
    record: superseded.record,
    source: superseded.source,
    classification,
    reason,
    evidence: null,
    supersedes: superseded.sequence,
    ...(basis !== undefined && { basis: [...basis] }),
  };
}

/** The entry that changes a pending record to official on its NCB's word. */
export function vouchedEntry(sequence: number, time: string, pending: LogEntry, vouch: number): LogEntry {
  const { supersedes: _none, basis, ...record } = pending;
  return {
    ...record,
    sequence,
    time,
    classification: 'official',
    reason: { code: 'ncb-vouched', text: `The NCB of ${pending.source?.country ?? 'its country'} acknowledged or endorsed the request (entry ${vouch}).` },
    supersedes: pending.sequence,
    basis: basisOf(...(basis ?? []), vouch),
  };
}

/**
 * The entry that rejects an official record about a request logged before the request (an NCB's
 * vouch, say), now that the request (entry `request`) shows it is another country's: an NCB, or an
 * agency, acts for its own country only (DOMAIN rule 3).
 */
function outsideCountryEntry(sequence: number, time: string, change: Extract<DueChange, { kind: 'outside-country' }>): LogEntry {
  const { supersedes: _none, basis: _basis, ...record } = change.record;
  const signer = change.record.source;
  return {
    ...record,
    sequence,
    time,
    classification: 'rejected',
    reason: {
      code: 'acts-outside-its-country',
      text: `"${signer?.id ?? 'its signer'}" of ${signer?.country ?? 'another country'} acted on a request of ${change.requestCountry} (entry ${change.request}): it acts for its own country only.`,
    },
    supersedes: change.record.sequence,
  };
}
