import { Kafka, logLevel, type Admin } from 'kafkajs';
import pg from 'pg';

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

/**
 * Asks PostgreSQL `SELECT 1` on a connection of its own (named `<applicationName>-readiness`), not
 * through the service's pool: a pool whose every connection is taken for longer than the time limit
 * is load, not an outage, and must not make readiness flap. The connection is kept between probes and
 * opened again after a failure (a server restart, a terminated backend); concurrent probes share one
 * request. `connectionString` names the service's own database, so a database that refuses
 * connections answers "down".
 */
export class PostgresCheck implements ReadinessCheck {
  readonly name = 'postgres';
  private client: pg.Client | undefined;
  private inFlight: Promise<DependencyStatus> | undefined;

  constructor(
    private readonly options: { connectionString: string; applicationName: string },
    private readonly timeoutMs = 2_000,
  ) {}

  check(): Promise<DependencyStatus> {
    this.inFlight ??= this.probe().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async probe(): Promise<DependencyStatus> {
    try {
      await withTimeout(this.timeoutMs, this.connected().then((client) => client.query('SELECT 1')));
      return { name: this.name, up: true };
    } catch (e) {
      await this.drop();
      return { name: this.name, up: false, detail: (e as Error).message };
    }
  }

  private async connected(): Promise<pg.Client> {
    if (this.client !== undefined) return this.client;
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      application_name: `${this.options.applicationName}-readiness`,
      connectionTimeoutMillis: this.timeoutMs,
    });
    // A connection lost between probes (never thrown): the next probe opens another.
    client.on('error', () => {
      if (this.client === client) this.client = undefined;
    });
    this.client = client;
    await client.connect();
    return client;
  }

  private async drop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.inFlight?.catch(() => undefined);
    await this.drop();
  }
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
