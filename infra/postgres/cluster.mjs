// The machine's own PostgreSQL as packaged by Debian (/etc/postgresql/<version>/main). It is only ever
// started here, never stopped: it belongs to the machine, not to this project.
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const clusterConfigRoot = '/etc/postgresql';

export class ClusterCouldNotStart extends Error {
  constructor(version, output) {
    super(`pg_ctlcluster could not start PostgreSQL ${version}/main: ${output}`);
    this.name = 'ClusterCouldNotStart';
  }
}

/** Versions that have a `main` cluster configured, e.g. ['15']; empty when Debian's server is not installed. */
export function installedClusterVersions() {
  if (!existsSync(clusterConfigRoot)) return [];
  return readdirSync(clusterConfigRoot).filter((version) => existsSync(`${clusterConfigRoot}/${version}/main`));
}

/** Starts `<version>/main` without systemd (there is none in these sandboxes). Already running counts as success. */
export function startCluster(version) {
  const result = spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.error) throw new ClusterCouldNotStart(version, result.error.message);
  // Exit code 2 means "already running" for pg_ctlcluster.
  if (result.status !== 0 && result.status !== 2) throw new ClusterCouldNotStart(version, output);
}
