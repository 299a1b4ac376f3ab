import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MigrationFileNameIsInvalid, MigrationVersionIsDuplicated } from './migration.errors.js';

/** A folder of migration files and the namespace its versions are recorded under. */
export interface MigrationSource {
  readonly namespace: string;
  /** A `file:` URL (e.g. `new URL('../migrations/', import.meta.url)`) or a filesystem path. */
  readonly directory: URL | string;
}

export interface MigrationFile {
  readonly namespace: string;
  readonly version: number;
  readonly name: string;
  readonly fileName: string;
  readonly sql: string;
  /** Hex sha-256 of the file's exact bytes. */
  readonly checksum: string;
}

const MIGRATION_FILE_NAME = /^(\d+)_([A-Za-z0-9][A-Za-z0-9_.-]*)\.sql$/;

/** Hex sha-256 of the bytes, as recorded in `schema_migrations.checksum`. */
export function checksumOf(contents: Buffer): string {
  return createHash('sha256').update(contents).digest('hex');
}

/**
 * The migrations of one namespace in the order they must run (by version number). Files not ending in
 * `.sql` are ignored; a `.sql` file with another name shape, or two files with one version, is refused.
 */
export function orderMigrationFiles(
  namespace: string,
  entries: readonly { fileName: string; contents: Buffer }[],
): MigrationFile[] {
  const files = entries
    .filter((e) => e.fileName.endsWith('.sql'))
    .map(({ fileName, contents }) => {
      const match = MIGRATION_FILE_NAME.exec(fileName);
      if (!match) throw new MigrationFileNameIsInvalid(namespace, fileName);
      return {
        namespace,
        version: Number(match[1]),
        name: match[2]!,
        fileName,
        sql: contents.toString('utf8'),
        checksum: checksumOf(contents),
      };
    })
    .sort((a, b) => a.version - b.version);
  for (let i = 1; i < files.length; i++) {
    if (files[i]!.version === files[i - 1]!.version) {
      throw new MigrationVersionIsDuplicated(namespace, files[i]!.version, [files[i - 1]!.fileName, files[i]!.fileName]);
    }
  }
  return files;
}

/** Reads a source's folder from disk and orders its migrations (see `orderMigrationFiles`). */
export async function readMigrationFiles(source: MigrationSource): Promise<MigrationFile[]> {
  const directory = source.directory instanceof URL ? fileURLToPath(source.directory) : source.directory;
  const fileNames = await readdir(directory);
  const entries = await Promise.all(
    fileNames.map(async (fileName) => ({ fileName, contents: await readFile(join(directory, fileName)) })),
  );
  return orderMigrationFiles(source.namespace, entries);
}
