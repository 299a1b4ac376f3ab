import type { LogEntry } from '@wildlife/provenance-log';
import { resolveKey, type RegistryState } from '@wildlife/registry';
import { basisOf, type DueChange } from './log-replay.js';

export type { DueChange } from './log-replay.js';

/**
 * Why `entry` is not the change of classification that was due, or undefined when it is. Either
 * way it repeats the record, source, evidence and data of the entry it supersedes. A promotion is
 * official/`ncb-vouched`, resting on the pending entry's basis plus the vouch; an official record
 * about a request (a vouch…) that the request showed to be another country's is
 * rejected/`acts-outside-its-country`, without a basis.
 */
export function dueChangeProblem(entry: LogEntry, due: DueChange): string | undefined {
  if (due.kind === 'key-invalid') return `entry ${due.keyFact} made rejections for key "${due.keyId}" due, and this is none`;
  if (due.kind === 'accreditation') return accreditationChangeProblem(entry, due);
  const [superseded, classification, code] =
    due.kind === 'promotion' ? [due.pending, 'official', 'ncb-vouched'] : [due.record, 'rejected', 'acts-outside-its-country'];
  const why =
    due.kind === 'promotion'
      ? `entry ${due.vouch} made pending entry ${due.pending.sequence} official`
      : `entry ${due.request} showed entry ${due.record.sequence} to be about a request of ${due.requestCountry}`;
  if (entry.supersedes !== superseded.sequence) {
    return `${why}, so this entry must supersede ${superseded.sequence} (it ${entry.supersedes === undefined ? 'supersedes nothing' : `supersedes ${entry.supersedes}`})`;
  }
  if (entry.classification !== classification || entry.reason.code !== code) {
    return `${why}: the change is ${classification}/${code}, not ${entry.classification}/${entry.reason.code}`;
  }
  const same = (field: 'record' | 'source' | 'evidence' | 'recordData') => JSON.stringify(entry[field]) === JSON.stringify(superseded[field]);
  const changed = (['record', 'source', 'evidence', 'recordData'] as const).find((field) => !same(field));
  if (changed !== undefined) return `its ${changed} differs from the ${changed} of entry ${superseded.sequence} it supersedes`;
  const expected = due.kind === 'promotion' ? basisOf(...(due.pending.basis ?? []), due.vouch) : undefined;
  if (JSON.stringify(entry.basis) !== JSON.stringify(expected)) {
    return `its basis is ${JSON.stringify(entry.basis ?? null)}, the rules give ${JSON.stringify(expected ?? null)}`;
  }
  return undefined;
}

/**
 * Whether `entry` is one of the rejections a key fact makes due (`key-invalid`): it supersedes an
 * entry from before the fact (and after the previous such rejection, `after`), is
 * rejected/`key-not-valid-at-signing-time`, names the key's owner as its source, carries no evidence
 * (that is in the entry it supersedes) and a record observed at a time the key no longer verifies.
 */
export function isKeyInvalidRejection(entry: LogEntry, due: Extract<DueChange, { kind: 'key-invalid' }>, registry: RegistryState, after: number): boolean {
  if (entry.supersedes === undefined || entry.supersedes <= after || entry.supersedes >= due.keyFact) return false;
  if (entry.classification !== 'rejected' || entry.reason.code !== 'key-not-valid-at-signing-time' || entry.evidence !== null) return false;
  const owner = registry.principals.get(registry.keys.get(due.keyId)?.principalId ?? '')?.principal;
  const source = entry.source;
  if (owner === undefined || source === null || source.id !== owner.id || source.kind !== owner.kind || source.country !== owner.country) return false;
  return entry.record.time !== null && 'refused' in resolveKey(registry, due.keyId, entry.record.time);
}

/**
 * Why `entry` is not the change an accreditation fact made due (`due`), or undefined when it is:
 * it supersedes the record's current entry, repeats its record and source, carries no evidence or
 * data (both are in the entry it supersedes), and has the classification, reason code and basis
 * the rules give the record at its own time with the registry after the fact.
 */
function accreditationChangeProblem(entry: LogEntry, due: Extract<DueChange, { kind: 'accreditation' }>): string | undefined {
  const { record, verdict } = due;
  const why = `entry ${due.fact} makes entry ${record.sequence} ${verdict.classification}/${verdict.code} at its time`;
  if (entry.supersedes !== record.sequence) {
    return `${why}, so this entry must supersede ${record.sequence} (it ${entry.supersedes === undefined ? 'supersedes nothing' : `supersedes ${entry.supersedes}`})`;
  }
  if (entry.classification !== verdict.classification || entry.reason.code !== verdict.code) {
    return `${why}: the change is ${verdict.classification}/${verdict.code}, not ${entry.classification}/${entry.reason.code}`;
  }
  if (JSON.stringify(entry.record) !== JSON.stringify(record.record)) return `its record differs from the record of entry ${record.sequence} it supersedes`;
  if (JSON.stringify(entry.source) !== JSON.stringify(record.source)) return `its source differs from the source of entry ${record.sequence} it supersedes`;
  if (entry.evidence !== null || entry.recordData !== undefined) return `it repeats evidence or data, which stay in entry ${record.sequence} it supersedes`;
  if (JSON.stringify(entry.basis) !== JSON.stringify(verdict.basis)) {
    return `its basis is ${JSON.stringify(entry.basis ?? null)}, the rules give ${JSON.stringify(verdict.basis ?? null)}`;
  }
  return undefined;
}
