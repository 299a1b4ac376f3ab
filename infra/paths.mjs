// Where infrastructure state lives. Everything mutable sits under the git-ignored `.local/` folder at
// the repository root, so a fresh clone starts clean and `rm -rf .local` resets it.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));
export const localDir = join(repoRoot, '.local');
export const infraStateFile = join(localDir, 'infra.json');

export const kafkaDir = join(localDir, 'kafka');
export const kafkaDataDir = join(kafkaDir, 'data');
export const kafkaPidFile = join(kafkaDir, 'broker.pid');
export const kafkaLogFile = join(kafkaDir, 'broker.log');
export const kafkaPropertiesFile = join(kafkaDir, 'server.properties');

export const embeddedPostgresDir = join(localDir, 'postgres');
export const embeddedPostgresDataDir = join(embeddedPostgresDir, 'data');
export const embeddedPostgresLogFile = join(embeddedPostgresDir, 'postgres.log');
export const embeddedPostgresMarkerFile = join(embeddedPostgresDir, 'started-by-infra');

/** The jars of one Kafka version, cached apart from its data so that a version change keeps both. */
export function kafkaVersionDir(version) {
  return join(kafkaDir, version);
}
