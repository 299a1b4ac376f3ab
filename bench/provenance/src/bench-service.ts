import { createPublicKey } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateNoteKeyPair } from '@wildlife/provenance-log';
import { createServiceApp, type PrincipalDirectory, type ServiceApp } from '@wildlife/service-kit';
import { serviceTestEnvironment, type ServiceTestEnvironment } from '@wildlife/testing';
import { defineProvenance, loadProvenanceConfig } from '../../../services/provenance/dist/index.js';
import { LogAppender } from '../../../services/provenance/dist/log/log-appender.js';
import { ProvenanceLogWriter } from '../../../services/provenance/dist/log/provenance-log-writer.js';
import { trustRootsOf, type BenchCast } from './bench-cast.js';

export const BENCH_ORIGIN = 'bench.wildlife.example/provenance-log';
export const APPEND_BATCH = 1_000;

export interface BenchService {
  readonly service: ServiceApp;
  readonly url: string;
  readonly appender: LogAppender;
  readonly writer: ProvenanceLogWriter;
  readonly verifierKey: string;
  readonly trustRootsFile: string;
  readonly dir: string;
  /** Stops the service and drops its database; the files in `dir` stay. */
  stopService(): Promise<void>;
  /** Stops the service (unless stopped) and removes `dir`. */
  close(): Promise<void>;
}

/** The real provenance service on a database and topic prefix of its own, with the bench's trust roots and log key. */
export async function startBenchService(cast: BenchCast): Promise<BenchService> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-provenance-'));
  const { signerKey, verifierKey } = generateNoteKeyPair(BENCH_ORIGIN);
  const trustRootsFile = join(dir, 'trust-roots.json');
  await writeFile(trustRootsFile, JSON.stringify(trustRootsOf(cast)));
  await writeFile(join(dir, 'log.key'), signerKey, { mode: 0o600 });
  const environment: ServiceTestEnvironment = serviceTestEnvironment('bench_provenance', {
    TRUST_ROOTS_FILE: trustRootsFile,
    PROVENANCE_LOG_KEY_FILE: join(dir, 'log.key'),
    PROVENANCE_LOG_ORIGIN: BENCH_ORIGIN,
    PROVENANCE_APPEND_BATCH_SIZE: String(APPEND_BATCH),
    LOG_LEVEL: 'fatal',
  });
  const auditor = { principal: cast.auditor.principal, publicKey: createPublicKey(cast.auditor.privateKey) };
  const principals: PrincipalDirectory = {
    resolveKey: (keyId) => (keyId === cast.auditor.keyId ? auditor : { refused: 'key_unknown' }),
    principal: (id) => (id === cast.auditor.principal.id ? cast.auditor.principal : undefined),
  };
  const service = await createServiceApp(defineProvenance(loadProvenanceConfig(environment.env), { principals }));
  const url = await service.listen();
  let serviceStopped: Promise<void> | undefined;
  const stopService = () => (serviceStopped ??= service.close().then(() => environment.cleanup()));
  return {
    service,
    url,
    appender: service.app.get(LogAppender),
    writer: service.app.get(ProvenanceLogWriter),
    verifierKey,
    trustRootsFile,
    dir,
    stopService,
    async close() {
      await stopService();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
