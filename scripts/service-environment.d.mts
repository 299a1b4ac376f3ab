// Types for service-environment.mjs, for its TypeScript test.

export declare const SERVICES: readonly (readonly [name: string, port: number])[];

export declare function castDatabaseName(service: string, castTag: string): string;

export declare const PER_SERVICE_SETTINGS: readonly string[];

export declare function serviceEnvironment(o: {
  parentEnv: NodeJS.ProcessEnv;
  kafkaBrokers: string;
  databaseUrl: string;
  port: number;
  databaseName?: string;
  trustRootsFile?: string;
}): NodeJS.ProcessEnv;

export declare function perServiceSettingsIn(parentEnv: NodeJS.ProcessEnv): string[];
