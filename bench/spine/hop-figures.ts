import type { HopStages } from './hop-stages.js';
import type { LatencySummary } from '@wildlife/testing';

/** What one hop (producer → … → consumer) does, measured two ways. */
export interface HopFigures {
  /** Open loop at a fixed modest rate: from each message's scheduled send to its arrival. */
  readonly latency: LatencySummary & { readonly ratePerSecond: number };
  /** Closed loop, batches of `batchSize`: messages per second from the first send to the last arrival. */
  readonly throughput: {
    readonly messages: number;
    readonly batchSize: number;
    readonly messagesPerSecond: number;
    /** How fast the producer side handed messages over (sends acknowledged; appends committed). */
    readonly handedOverPerSecond: number;
  };
  /** For the pipeline: where the latency run's time went. */
  readonly stages?: HopStages;
}

export interface HopWorkload {
  readonly ratePerSecond: number;
  readonly latencyMessages: number;
  readonly throughputMessages: number;
  readonly batchSize: number;
  /** Sent at the measured rate before measuring, and not counted. */
  readonly warmUpMessages: number;
  /** Bound on any one wait for arrivals. */
  readonly timeoutMs: number;
}
