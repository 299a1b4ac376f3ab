import { Arrivals } from './arrivals.js';
import type { HopFigures, HopWorkload } from './hop-figures.js';
import { latencySummary } from '@wildlife/testing';
import { openLoop, round } from './latency.js';

/**
 * One way of moving a message from a producer to a consumer, opened and ready: what the latency and
 * throughput runs need of it. Messages are made by `prepare` before any clock starts.
 */
export interface Hop<M = unknown> {
  readonly arrivals: Arrivals;
  prepare(count: number): M[];
  idOf(message: M): string;
  /** Hands `messages` over as one unit (one produce request; concurrent appends); resolves when accepted. */
  send(messages: M[]): Promise<void>;
  close(): Promise<void>;
}

/** What a hop's rounds gathered: latencies and, per throughput round, messages and seconds. */
export class HopTally {
  readonly latencies: number[] = [];
  readonly latencyIds: string[] = [];
  private messages = 0;
  private seconds = 0;
  private sendSeconds = 0;

  constructor(private readonly workload: HopWorkload) {}

  /** Warm-up at the measured rate, not counted: connections open, groups joined, code compiled. */
  static async warmUp(hop: Hop, workload: HopWorkload, what: string): Promise<void> {
    const messages = hop.prepare(workload.warmUpMessages);
    const before = hop.arrivals.size;
    await openLoop(messages.length, workload.ratePerSecond, (i) => hop.send([messages[i]!]));
    await hop.arrivals.until(before + messages.length, workload.timeoutMs, `${what} warm-up`);
  }

  /** Open loop at the workload's rate: each message's latency from its scheduled send to its arrival. */
  async latencyRound(hop: Hop, count: number, what: string): Promise<void> {
    const messages = hop.prepare(count);
    const before = hop.arrivals.size;
    const intended = new Map<string, number>();
    await openLoop(count, this.workload.ratePerSecond, async (i, intendedAt) => {
      intended.set(hop.idOf(messages[i]!), intendedAt);
      await hop.send([messages[i]!]);
    });
    await hop.arrivals.until(before + count, this.workload.timeoutMs, `${what} latency run`);
    for (const [id, at] of intended) {
      this.latencies.push(hop.arrivals.timeOf(id)! - at);
      this.latencyIds.push(id);
    }
  }

  /** Closed loop in units of the workload's batch size: from the first send to the last arrival. */
  async throughputRound(hop: Hop, count: number, what: string): Promise<void> {
    const messages = hop.prepare(count);
    const before = hop.arrivals.size;
    const started = performance.now();
    for (let sent = 0; sent < count; sent += this.workload.batchSize) await hop.send(messages.slice(sent, sent + this.workload.batchSize));
    this.sendSeconds += (performance.now() - started) / 1_000;
    await hop.arrivals.until(before + count, this.workload.timeoutMs, `${what} throughput run`);
    this.messages += count;
    this.seconds += (hop.arrivals.last() - started) / 1_000;
  }

  figures(): HopFigures {
    return {
      latency: { ...latencySummary(this.latencies), ratePerSecond: this.workload.ratePerSecond },
      throughput: {
        messages: this.messages,
        batchSize: this.workload.batchSize,
        messagesPerSecond: round(this.messages / this.seconds, 0),
        handedOverPerSecond: round(this.messages / this.sendSeconds, 0),
      },
    };
  }
}
