import { readFile } from 'node:fs/promises';
import { createSignedFetch } from '@wildlife/signatures';
import { apiSource } from '../sources/api-source.js';
import { exportFileSource } from '../sources/export-file.io.js';
import { kafkaSource } from '../sources/kafka-source.js';
import type { LogSource } from '../sources/log-source.js';
import type { AuditCliIo } from './audit-cli-io.js';
import { CommandLineIsInvalid, required } from './command-line.errors.js';

export interface SourceOptions {
  readonly file?: string;
  readonly api?: string;
  readonly key?: string;
  readonly kafka?: string;
  readonly topic?: string;
  readonly checkpoint?: string;
}

/**
 * The log source the options name: --file, --api, or --kafka (which takes its checkpoint from
 * --api or --checkpoint, and the API's proofs when given, to narrow a changed entry down).
 */
export function sourceOf(options: SourceOptions, io: AuditCliIo): LogSource {
  if (options.kafka === undefined) {
    if ((options.file === undefined) === (options.api === undefined)) throw new CommandLineIsInvalid('verify needs exactly one source: --file, --api or --kafka');
    return options.file !== undefined ? exportFileSource(options.file) : signedApi(options, io);
  }
  if (options.file !== undefined) throw new CommandLineIsInvalid('verify needs exactly one source: --file, --api or --kafka');
  const brokers = options.kafka.split(',').filter((broker) => broker !== '');
  if (brokers.length === 0) throw new CommandLineIsInvalid('--kafka needs at least one broker');
  const checkpointFile = options.checkpoint;
  const api = options.api !== undefined ? signedApi(options, io) : undefined;
  if (checkpointFile === undefined && api === undefined) {
    throw new CommandLineIsInvalid('--kafka needs the checkpoint: --api <url> --key <file>, or --checkpoint <signed note file>');
  }
  const head = checkpointFile !== undefined ? async () => ({ checkpoint: await readFile(checkpointFile, 'utf8') }) : () => api!.head();
  const source = kafkaSource({ brokers, ...(options.topic !== undefined && { topic: options.topic }), head });
  return api?.consistencyProof === undefined ? source : { ...source, consistencyProof: api.consistencyProof };
}

export function signedApi(options: SourceOptions, io: AuditCliIo): LogSource {
  const baseUrl = required('the API source', options.api, '--api <url>');
  const keyFile = required('the API source', options.key, '--key <auditor key file>');
  return apiSource(baseUrl, createSignedFetch({ baseUrl, keyFile, signReads: true, fetch: io.fetch }));
}
