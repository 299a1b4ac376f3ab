// Makes sure a PostgreSQL server answers and says which one, following choosePostgres' preference.
import { choosePostgres } from './choice.mjs';
import { installedClusterVersions, startCluster } from './cluster.mjs';
import { postgresAnswers, redactPassword, waitForPostgres, PostgresDidNotAnswer } from './connection.mjs';
import { ensureEmbeddedPostgres, embeddedPort } from './embedded.mjs';

/**
 * @returns {Promise<{ adminUrl: string, started: 'embedded' | 'cluster' | null, source: string }>}
 *   `started` names what this call had to start; `source` says in words which server is used.
 */
export async function ensurePostgres({ env = process.env, log = () => {} } = {}) {
  const databaseUrl = env.DATABASE_URL || undefined;
  const defaultAnswers = databaseUrl ? false : await postgresAnswers('postgres://postgres@127.0.0.1:5432/postgres');
  const choice = choosePostgres({ databaseUrl, defaultAnswers, clusterVersions: installedClusterVersions() });

  switch (choice.use) {
    case 'given':
      if (!(await postgresAnswers(choice.url, 5_000))) {
        throw new PostgresDidNotAnswer(choice.url, 5_000, 'DATABASE_URL is set, so no other server is tried');
      }
      return { adminUrl: choice.url, started: null, source: `DATABASE_URL (${redactPassword(choice.url)})` };
    case 'running':
      return { adminUrl: choice.url, started: null, source: 'the machine’s PostgreSQL on 127.0.0.1:5432' };
    case 'cluster':
      try {
        log(`starting the machine’s PostgreSQL ${choice.version}/main`);
        startCluster(choice.version);
        await waitForPostgres(choice.url, { timeoutMs: 30_000, hint: `see /var/log/postgresql/postgresql-${choice.version}-main.log` });
        return { adminUrl: choice.url, started: 'cluster', source: `the machine’s PostgreSQL ${choice.version}, started` };
      } catch (error) {
        log(`${error.message}; falling back to the embedded PostgreSQL`);
      }
    // falls through: an installed but broken cluster is no reason to stop when the embedded one can serve
    case 'embedded': {
      const port = embeddedPort(env);
      log(`ensuring the embedded PostgreSQL on 127.0.0.1:${port}`);
      const embedded = await ensureEmbeddedPostgres(port);
      return { adminUrl: embedded.url, started: embedded.started ? 'embedded' : null, source: `the embedded PostgreSQL on 127.0.0.1:${port}` };
    }
  }
}
