import { parseEntry, type LogEntry } from '@wildlife/provenance-log';
import type { ProvenanceWorld } from './provenance-world.js';
import type { Signer } from '../../src/testing/signed-records.examples.spec.js';

export interface FetchedEntry {
  readonly sequence: number;
  readonly leafBytes: Buffer;
  readonly leafHash: Buffer;
  readonly entry: LogEntry;
}

/** Every entry of the log through `GET /v1/log/entries`, as `reader` (an auditor or the GS) sees them. */
export async function fetchAllEntries(world: ProvenanceWorld, reader: Signer): Promise<FetchedEntry[]> {
  const size = await world.logSize();
  const fetched: FetchedEntry[] = [];
  while (fetched.length < size) {
    const response = await world.as(reader).get(`/v1/log/entries?start=${fetched.length}&end=${size}`);
    if (response.status !== 200) throw new Error(`GET entries answered ${response.status}: ${await response.text()}`);
    const { entries } = (await response.json()) as { entries: { sequence: number; leafBytes: string; leafHash: string }[] };
    for (const e of entries) {
      const leafBytes = Buffer.from(e.leafBytes, 'base64');
      fetched.push({ sequence: e.sequence, leafBytes, leafHash: Buffer.from(e.leafHash, 'base64'), entry: parseEntry(leafBytes) });
    }
  }
  return fetched;
}

/** The entries of one record, in log order. */
export const entriesOf = (all: readonly FetchedEntry[], recordId: string): LogEntry[] => all.map((f) => f.entry).filter((e) => e.record.id === recordId);

/** `[classification, reason code]` of each entry of one record. */
export const outcomesOf = (all: readonly FetchedEntry[], recordId: string) => entriesOf(all, recordId).map((e) => [e.classification, e.reason.code]);
