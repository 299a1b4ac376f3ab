// Types for index.mjs, the in-process API of the local infrastructure.

export { startBroker, waitForBroker, restartBroker, killBroker, stopBroker, localBrokers } from './kafka/broker.mjs';

export interface InfraState {
  /** Comma-separated bootstrap list, as KAFKA_BROKERS takes it. */
  kafkaBrokers: string;
  /** Admin URL (database `postgres`); services swap in their own database name. */
  databaseUrl: string;
  /** This call launched the broker. */
  startedKafka: boolean;
  /** What this call had to start. */
  startedPostgres: 'embedded' | 'cluster' | null;
}

export interface InfraOptions {
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

export declare class RequiredProgramIsMissing extends Error {
  readonly program: string;
}

export declare const serviceDatabases: readonly [
  'wildlife_request_intake',
  'wildlife_ncb_endorsement',
  'wildlife_provenance',
  'wildlife_intelligence_dissemination',
  'wildlife_notification',
];

/** Brings up PostgreSQL (with the service databases) and Kafka; writes .local/infra.json. Idempotent. */
export declare function ensureInfrastructure(options?: InfraOptions): Promise<InfraState>;

/** The state the last ensureInfrastructure() recorded, or null. */
export declare function readInfrastructure(): InfraState | null;

/** Stops the broker and the embedded PostgreSQL if this project started them; never the machine's cluster. */
export declare function stopInfrastructure(options?: { log?: (line: string) => void }): Promise<void>;

/** Creates the database unless it exists; race-safe; true only when this call created it. */
export declare function ensureDatabase(adminUrl: string, name: string): Promise<boolean>;

/** The same server as `adminUrl`, database `name`. */
export declare function databaseUrlFor(adminUrl: string, name: string): string;

export declare function ensurePostgres(options?: InfraOptions): Promise<{
  adminUrl: string;
  started: 'embedded' | 'cluster' | null;
  source: string;
}>;

export declare function ensureKafka(options?: InfraOptions & { timeoutMs?: number }): Promise<{
  brokers: string[];
  started: boolean;
  source: string;
}>;
