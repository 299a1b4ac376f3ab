import { Inject, Injectable } from '@nestjs/common';
import {
  consistencyProof,
  inclusionProof,
  parseEntry,
  PerfectSubtreeHashMap,
  requiredNodesForConsistency,
  requiredNodesForInclusion,
  type PerfectSubtreeSource,
} from '@wildlife/provenance-log';
import { PG_POOL, ProblemError } from '@wildlife/service-kit';
import type pg from 'pg';
import { latestCheckpoint, type StoredCheckpoint } from '../log/checkpoint-table.js';
import { entriesOfRecord, logSize, readEntriesAt, readEntriesWithin, readNodes, type StoredEntry } from '../log/log-tables.js';
import { ProvenanceLogWriter } from '../log/provenance-log-writer.js';
import { checkConsistencyRange, checkInclusionRange, entryPage, MAX_PAGE_LEAF_BYTES } from './log-ranges.js';
import type { ConsistencyProofResponse, InclusionProofResponse, LogEntriesResponse, LogEntryResponse, ProvenEntryResponse, RecordProvenanceResponse } from './log.responses.js';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const entryResponse = (entry: StoredEntry): LogEntryResponse => ({ sequence: entry.sequence, leafBytes: base64(entry.leafBytes), leafHash: base64(entry.leafHash) });

/**
 * What auditors read, from the store (so every instance answers alike): checkpoints, entries with
 * their exact leaf bytes, and proofs. A proof for a tree this process holds committed (the log
 * writer's tree, rebuilt from the stored leaf bytes) is computed from that tree, without a query;
 * any other from the stored subtree rows. Both give the same hashes: a complete subtree never
 * changes. Hashes and bytes are standard base64, as the RFCs print them.
 */
@Injectable()
export class LogReads {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly writer: ProvenanceLogWriter,
  ) {}

  async latestCheckpoint(): Promise<StoredCheckpoint> {
    const checkpoint = await latestCheckpoint(this.pool);
    if (checkpoint === undefined) throw new ProblemError(503, 'log-not-ready', 'Service Unavailable', 'The log has not signed its first checkpoint yet.', {}, { 'retry-after': '1' });
    return checkpoint;
  }

  /**
   * The first page of entries `[start, end)`: at most MAX_ENTRIES_PER_PAGE entries and
   * MAX_PAGE_LEAF_BYTES of leaf bytes (always one entry), and `next`, where the following page
   * starts (`end` once the range is complete).
   */
  async entries(start: number, end: number): Promise<LogEntriesResponse> {
    const page = entryPage(start, end, await logSize(this.pool));
    const { entries } = await readEntriesWithin(this.pool, page.start, page.end, MAX_PAGE_LEAF_BYTES);
    return { entries: entries.map(entryResponse), next: page.start + entries.length };
  }

  async inclusionProof(index: number, treeSize: number): Promise<InclusionProofResponse> {
    const held = this.heldTree(treeSize);
    if (held !== undefined && index < treeSize) {
      return { index, treeSize, leafHash: base64(held.perfectSubtreeHash(0, index)), proof: inclusionProof(held, index, treeSize).map(base64) };
    }
    checkInclusionRange(index, treeSize, await logSize(this.pool));
    // The leaf and the proof's subtrees in one query.
    const source = new PerfectSubtreeHashMap(await readNodes(this.pool, [{ level: 0, index }, ...requiredNodesForInclusion(index, treeSize)]));
    const leafHash = source.perfectSubtreeHash(0, index);
    return { index, treeSize, leafHash: base64(leafHash), proof: inclusionProof(source, index, treeSize).map(base64) };
  }

  async consistencyProof(first: number, second: number): Promise<ConsistencyProofResponse> {
    const held = this.heldTree(second);
    if (held !== undefined && first > 0 && first <= second) return { first, second, proof: consistencyProof(held, first, second).map(base64) };
    checkConsistencyRange(first, second, await logSize(this.pool));
    const proof = await this.proofFromStoredNodes(requiredNodesForConsistency(first, second), (source) => consistencyProof(source, first, second));
    return { first, second, proof };
  }

  /**
   * A record's entries and the entries its classification rests on (following `basis` all the
   * way), each with its inclusion proof in the tree of the latest checkpoint. Undefined when the
   * log holds no entry for it under that checkpoint.
   */
  async recordProvenance(recordId: string): Promise<RecordProvenanceResponse | undefined> {
    const checkpoint = await this.latestCheckpoint();
    const entries = (await entriesOfRecord(this.pool, recordId)).filter((e) => e.sequence < checkpoint.treeSize);
    if (entries.length === 0) return undefined;
    const basis = await this.basisClosure(entries);
    const prove = (entry: StoredEntry) => this.provenEntry(entry, checkpoint.treeSize);
    return {
      recordId,
      treeSize: checkpoint.treeSize,
      checkpoint: checkpoint.note,
      entries: await Promise.all(entries.map(prove)),
      basis: await Promise.all(basis.map(prove)),
    };
  }

  private async basisClosure(entries: readonly StoredEntry[]): Promise<StoredEntry[]> {
    const found = new Map<number, StoredEntry>();
    let frontier = entries;
    while (frontier.length > 0) {
      const wanted = [...new Set(frontier.flatMap((e) => parseEntry(e.leafBytes).basis ?? []))].filter((s) => !found.has(s));
      frontier = wanted.length === 0 ? [] : await readEntriesAt(this.pool, wanted);
      for (const entry of frontier) found.set(entry.sequence, entry);
    }
    return [...found.values()].sort((a, b) => a.sequence - b.sequence);
  }

  private async provenEntry(entry: StoredEntry, treeSize: number): Promise<ProvenEntryResponse> {
    const held = this.heldTree(treeSize);
    if (held !== undefined) return { ...entryResponse(entry), inclusionProof: inclusionProof(held, entry.sequence, treeSize).map(base64) };
    const proof = await this.proofFromStoredNodes(requiredNodesForInclusion(entry.sequence, treeSize), (source) => inclusionProof(source, entry.sequence, treeSize));
    return { ...entryResponse(entry), inclusionProof: proof };
  }

  /** The writer's committed tree when it holds the tree of `treeSize`. */
  private heldTree(treeSize: number): PerfectSubtreeSource | undefined {
    const committed = this.writer.committedTree();
    return committed !== undefined && treeSize <= committed.size ? committed.tree : undefined;
  }

  private async proofFromStoredNodes(
    wanted: readonly { level: number; index: number }[],
    prove: (source: PerfectSubtreeHashMap) => Uint8Array[],
  ): Promise<string[]> {
    return prove(new PerfectSubtreeHashMap(await readNodes(this.pool, wanted))).map(base64);
  }
}
