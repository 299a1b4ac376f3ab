import type { KeyObject } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { resolveKey, type RegistryState } from '@wildlife/registry';
import { reverify } from '@wildlife/signatures';
import { publicKeyObject } from './imported-public-keys.js';
import type { LoggableRecord } from './log-entry-of.js';
import type { Reverified, ReverifyJob, ReverifyThread } from './reverify-thread.js';
import { signedProvenanceOf } from './signed-provenance.js';

/** Records checked per message to the thread, or per event-loop turn without one. */
const PER_CHUNK = 50;

interface Outcome {
  readonly registryKey: string;
  readonly outcome: Reverified;
}

interface Job extends ReverifyJob {
  readonly record: LoggableRecord;
  readonly publicKey: KeyObject;
}

/**
 * Ed25519 re-verification, the costliest step of classifying a record, done ahead of the log write:
 * on `thread` when there is one (another core), else a few records per event-loop turn while the
 * previous write waits on the database. The verification is a pure function of the record's
 * signature material and the public key, so an outcome computed ahead is the one the classification
 * would compute; it counts only for the same record object and the same registered key (a registry
 * change between the check and the classification means a fresh check), and only once.
 */
export class SignaturePrechecks {
  private readonly outcomes = new WeakMap<LoggableRecord, Outcome | 'taken'>();
  private readonly inFlight = new WeakMap<LoggableRecord, Promise<void>>();
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly thread?: ReverifyThread) {}

  /** Checks `records` against `registry`; resolves when every check of them (also earlier ones) is done. Never rejects. */
  precheck(registry: RegistryState, records: readonly LoggableRecord[]): Promise<void> {
    const jobs = records.flatMap((record) => this.jobFor(registry, record) ?? []);
    for (let start = 0; start < jobs.length; start += PER_CHUNK) {
      const chunk = jobs.slice(start, start + PER_CHUNK);
      const done = this.run(chunk);
      for (const job of chunk) this.inFlight.set(job.record, done);
    }
    return Promise.all(records.map((record) => this.inFlight.get(record))).then(() => undefined);
  }

  /** The re-verification of `record`'s material under `registryKey`: checked ahead if it was, else now. */
  reverify(record: LoggableRecord, registryKey: string, material: unknown, publicKey: KeyObject): Reverified {
    const ahead = this.outcomes.get(record);
    this.outcomes.set(record, 'taken');
    return ahead !== undefined && ahead !== 'taken' && ahead.registryKey === registryKey ? ahead.outcome : reverify(material, publicKey);
  }

  private jobFor(registry: RegistryState, record: LoggableRecord): Job | undefined {
    if (record.kind !== 'record' || record.problem !== undefined || this.outcomes.has(record) || this.inFlight.has(record)) return undefined;
    const { evidence, problem } = signedProvenanceOf(record.provenance);
    if (evidence === null || problem !== undefined) return undefined;
    const resolution = resolveKey(registry, evidence.keyId, record.time);
    if ('refused' in resolution) return undefined;
    try {
      return { record, registryKey: resolution.publicKey, material: evidence, publicKey: publicKeyObject(resolution.publicKey) };
    } catch {
      return undefined;
    }
  }

  private run(chunk: readonly Job[]): Promise<void> {
    // Without a thread, chunks run one per event-loop turn, in order, between the database replies.
    const here = () => (this.tail = this.tail.then(() => nextTurn()).then(() => chunk.forEach((job) => this.keep(job, reverify(job.material, job.publicKey)))));
    if (this.thread === undefined) return here();
    return this.thread.reverify(chunk.map(({ registryKey, material }) => ({ registryKey, material }))).then(
      (outcomes) => chunk.forEach((job, i) => this.keep(job, outcomes[i])),
      // The thread is gone: these records are checked here, ahead or when classified.
      here,
    );
  }

  private keep(job: Job, outcome: Reverified | undefined): void {
    if (outcome !== undefined && !this.outcomes.has(job.record)) this.outcomes.set(job.record, { registryKey: job.registryKey, outcome });
    this.inFlight.delete(job.record);
  }
}
