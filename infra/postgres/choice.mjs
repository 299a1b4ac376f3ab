// Which PostgreSQL to use, decided from what was observed on the machine. Pure, so the order of
// preference is unit-tested apart from the probing.

export const defaultAdminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * @typedef {object} PostgresFacts
 * @property {string | undefined} databaseUrl  DATABASE_URL from the environment
 * @property {boolean} defaultAnswers          the server at defaultAdminUrl answered
 * @property {string[]} clusterVersions        versions under /etc/postgresql (Debian's packaged server)
 *
 * @typedef {{ use: 'given', url: string }
 *   | { use: 'running', url: string }
 *   | { use: 'cluster', version: string, url: string }
 *   | { use: 'embedded' }} PostgresChoice
 */

/**
 * Preference: an explicit DATABASE_URL (never second-guessed); else the machine's server if it already
 * answers; else the machine's installed cluster, started (the newest version if several); else an
 * embedded server from npm.
 * @param {PostgresFacts} facts
 * @returns {PostgresChoice}
 */
export function choosePostgres({ databaseUrl, defaultAnswers, clusterVersions }) {
  if (databaseUrl) return { use: 'given', url: databaseUrl };
  if (defaultAnswers) return { use: 'running', url: defaultAdminUrl };
  if (clusterVersions.length > 0) {
    const newest = [...clusterVersions].sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))[0];
    return { use: 'cluster', version: newest, url: defaultAdminUrl };
  }
  return { use: 'embedded' };
}

/** The admin URL of the embedded server on `port`. */
export function embeddedAdminUrl(port) {
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}
