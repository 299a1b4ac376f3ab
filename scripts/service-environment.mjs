// The environment `npm start` (scripts/start.mjs) gives each of the five services.

/** The five services `npm start` runs, each with its port. */
export const SERVICES = [
  ['request-intake', 3001],
  ['ncb-endorsement', 3002],
  ['provenance', 3003],
  ['intelligence-dissemination', 3004],
  ['notification', 3005],
];

/**
 * A service's database with the development cast: the cast's own (`wildlife_<service>_<castTag>`), so a
 * cast generated anew (`.local` removed, another checkout on the same server) never finds its agencies'
 * ids registered with keys it does not hold, or a provenance log resting on other trust roots.
 */
export const castDatabaseName = (service, castTag) => `wildlife_${service.replace(/-/g, '_')}_${castTag}`;

/**
 * Settings that belong to one service each, so one value in the parent shell cannot serve five:
 * `PORT` (five services on one port: EADDRINUSE), `DATABASE_NAME` (five event stores in one database),
 * `KAFKA_CLIENT_ID` (five services under one name in the broker's logs and quotas), `PUBLIC_ORIGINS`
 * (each service is reached at origins of its own: one list for five would refuse every request but
 * those of the service it names).
 */
export const PER_SERVICE_SETTINGS = ['PORT', 'DATABASE_NAME', 'KAFKA_CLIENT_ID', 'PUBLIC_ORIGINS'];

/**
 * What a service started by `npm start` runs with: the parent's environment (the user's own global
 * settings: LOG_LEVEL, HOST, SHUTDOWN_TIMEOUT_MS, …) without its per-service settings; the broker and
 * server the infrastructure found (which are the parent's KAFKA_BROKERS and DATABASE_URL when set);
 * then the service's own port and, with the development cast, its database and the cast's trust roots.
 * A per-service setting the service is not given here takes the service's default.
 * @param {{ parentEnv: NodeJS.ProcessEnv, kafkaBrokers: string, databaseUrl: string, port: number, databaseName?: string, trustRootsFile?: string }} o
 * @returns {NodeJS.ProcessEnv}
 */
export function serviceEnvironment({ parentEnv, kafkaBrokers, databaseUrl, port, databaseName, trustRootsFile }) {
  const env = { ...parentEnv, KAFKA_BROKERS: kafkaBrokers, DATABASE_URL: databaseUrl };
  for (const name of PER_SERVICE_SETTINGS) delete env[name];
  env.PORT = String(port);
  if (databaseName !== undefined) env.DATABASE_NAME = databaseName;
  if (trustRootsFile !== undefined) env.TRUST_ROOTS_FILE = trustRootsFile;
  return env;
}

/** The per-service settings set in `parentEnv`, which `serviceEnvironment` leaves out (to say so). */
export function perServiceSettingsIn(parentEnv) {
  return PER_SERVICE_SETTINGS.filter((name) => parentEnv[name] !== undefined);
}
