import { Kafka, logLevel, type Admin } from 'kafkajs';
import type pg from 'pg';

export interface DependencyStatus {
  name: string;
  up: boolean;
  detail?: string;
}

/** Something /health/ready asks; `check` must settle within its own time limit. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<DependencyStatus>;
}

function withTimeout<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function postgresCheck(pool: pg.Pool, timeoutMs = 2_000): ReadinessCheck {
  return {
    name: 'postgres',
    async check() {
      try {
        await withTimeout(timeoutMs, pool.query('SELECT 1'));
        return { name: 'postgres', up: true };
      } catch (e) {
        return { name: 'postgres', up: false, detail: (e as Error).message };
      }
    },
  };
}

/**
 * Asks the Kafka cluster for its metadata through a dedicated admin client that does not retry, so a
 * broker that is down answers "down" within the time limit instead of hanging the probe. Concurrent
 * probes share one request.
 */
export class KafkaCheck implements ReadinessCheck {
  readonly name = 'kafka';
  private readonly kafka: Kafka;
  private admin: Admin | undefined;
  private inFlight: Promise<DependencyStatus> | undefined;

  constructor(
    options: { brokers: string[]; clientId: string },
    private readonly timeoutMs = 2_000,
  ) {
    // A client of its own that never retries: the probe's answer is the broker's state right now.
    this.kafka = new Kafka({
      brokers: options.brokers,
      clientId: `${options.clientId}-readiness`,
      connectionTimeout: timeoutMs,
      requestTimeout: timeoutMs,
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    });
  }

  check(): Promise<DependencyStatus> {
    this.inFlight ??= this.probe().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async probe(): Promise<DependencyStatus> {
    try {
      this.admin ??= this.kafka.admin();
      await withTimeout(this.timeoutMs, this.admin.connect().then(() => this.admin!.describeCluster()));
      return { name: this.name, up: true };
    } catch (e) {
      const admin = this.admin;
      this.admin = undefined;
      await admin?.disconnect().catch(() => undefined);
      return { name: this.name, up: false, detail: (e as Error).message };
    }
  }

  async close(): Promise<void> {
    await this.inFlight?.catch(() => undefined);
    await this.admin?.disconnect().catch(() => undefined);
    this.admin = undefined;
  }
}
