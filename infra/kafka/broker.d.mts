// Types for broker.mjs, so TypeScript test harnesses can drive the broker (fault injection included).

export declare const brokerHost: '127.0.0.1';

export declare class BrokerDidNotBecomeReady extends Error {}
export declare class KafkaStorageCouldNotBeFormatted extends Error {}

export interface KafkaDistribution {
  version: string;
  major: number;
  logging: 'log4j2' | 'reload4j';
  loggingBinding: string;
}

/** KAFKA_PORT (default 9092) and KAFKA_CONTROLLER_PORT (default KAFKA_PORT + 1). */
export declare function brokerPorts(env?: NodeJS.ProcessEnv): { port: number; controllerPort: number };

/** The local broker's bootstrap list, e.g. ['127.0.0.1:9092']. */
export declare function localBrokers(env?: NodeJS.ProcessEnv): string[];

export declare function newClusterId(): string;

/**
 * Starts the project's broker detached, on the same data dir and ports as before, without waiting for
 * it; returns the running broker's pid with `started: false` if one already runs.
 */
export declare function startBroker(options?: {
  distribution?: KafkaDistribution;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}): { pid: number; started: boolean; fetchedJars: boolean; formatted: boolean };

/** Resolves once the brokers answer a kafkajs metadata request; rejects with BrokerDidNotBecomeReady. */
export declare function waitForBroker(options?: { brokers?: string[]; timeoutMs?: number; pid?: number }): Promise<void>;

/**
 * startBroker() + waitForBroker() + a warm-up of the group and transaction coordinators, so clients
 * created afterwards see no "coordinator loading" errors. Resolves to the new pid.
 */
export declare function restartBroker(options?: { timeoutMs?: number }): Promise<number>;

/** SIGKILLs the project's broker (a crash) and waits until it is gone; the pid killed, or null if none ran. */
export declare function killBroker(): Promise<number | null>;

/** SIGTERM, then SIGKILL after `timeoutMs`; the pid stopped, or null if none ran. */
export declare function stopBroker(timeoutMs?: number): Promise<number | null>;
