import { contracts, type CloudEvent } from '@wildlife/contracts';
import { EntryAudit, type AuditFinding } from '@wildlife/auditor';
import { entryBytes, parseEntry, type LogEntry } from '@wildlife/provenance-log';
import type { RegistryFact } from '@wildlife/registry';
import type { LoggableRecord } from '../../../services/provenance/src/classification/log-entry-of.js';
import { planEntries } from '../../../services/provenance/src/classification/plan-entries.js';
import { ProvenanceLogState } from '../../../services/provenance/src/classification/provenance-log-state.js';
import { readReceivedRecord } from '../../../services/provenance/src/records/read-received-record.js';
import { messageOf, registrationFacts, registryEvent, trustRootsOf, type Cast } from '../../../services/provenance/src/testing/signed-records.examples.spec.js';

/**
 * The provenance service's classification, one record per batch, as the service plans it: the
 * records as read off Kafka, and the first entry of each id already logged known to later batches.
 * `log` returns the entries one record adds, at the log time `now`.
 */
export function serviceLog(cast: Cast): (event: CloudEvent, now?: Date) => LogEntry[] {
  const state = new ProvenanceLogState(trustRootsOf(cast));
  const logged = new Map<string, LogEntry>();
  return (event, now = new Date()) =>
    planEntries(state, [readReceivedRecord(messageOf(event), contracts) as LoggableRecord], now, logged).map(({ entry }) => {
      if (!logged.has(entry.record.id)) logged.set(entry.record.id, entry);
      return entry;
    });
}

/** Logs the records one batch each, in the order given; returns the log's entries. */
export function logInOrder(cast: Cast, records: readonly CloudEvent[]): LogEntry[] {
  const log = serviceLog(cast);
  return records.flatMap((event) => log(event));
}

/** The auditor's first finding on the log, from the entries' bytes alone. */
export function auditFinding(cast: Cast, entries: readonly LogEntry[]): AuditFinding | undefined {
  const audit = new EntryAudit(trustRootsOf(cast));
  for (const entry of entries) {
    const finding = audit.check(parseEntry(entryBytes(entry)));
    if (finding !== undefined) return finding;
  }
  return undefined;
}

/** The cast's registry: OFB registered and accredited, the Douane registered, by NCB France at `at`; then `extra`. */
export async function registryOf(cast: Cast, at: Date, extra: readonly RegistryFact[] = []): Promise<CloudEvent[]> {
  const facts = [...registrationFacts(cast.ncbFr, cast.ofb, at, true), ...registrationFacts(cast.ncbFr, cast.douane, at, false), ...extra];
  const events: CloudEvent[] = [];
  for (const fact of facts) events.push(await registryEvent(cast.ncbFr, fact, new Date((fact as { at: string }).at)));
  return events;
}
