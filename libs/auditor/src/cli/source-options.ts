import { readFile } from 'node:fs/promises';
import { createSignedFetch, readKeyFile, type SigningKey } from '@wildlife/signatures';
import { apiBaseUrl, apiSource } from '../sources/api-source.js';
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
  /** Seconds one API call may take. */
  readonly timeout?: string;
  /** Seconds to wait for the log topic to catch up with the checkpoint. */
  readonly 'kafka-wait'?: string;
}

/** The auditor's key file could not be read: the audit cannot sign its reads (exit 3, naming the file, not the API). */
export class AuditorKeyIsUnreadable extends Error {
  constructor(readonly path: string, reason: string) {
    super(`cannot read the auditor key file ${path}: ${reason}`);
    this.name = 'AuditorKeyIsUnreadable';
  }
}

/**
 * The log source the options name: --file, --api, or --kafka (which takes its checkpoint from
 * --api or --checkpoint, and the API's proofs when given, to narrow a changed entry down). An
 * option the chosen source would ignore is refused, so that a mistyped command line does not audit
 * something else than meant.
 */
export async function sourceOf(options: SourceOptions, io: AuditCliIo): Promise<LogSource> {
  const onlyWith = (option: keyof SourceOptions, needed: string, given: boolean) => {
    if (options[option] !== undefined && !given) throw new CommandLineIsInvalid(`verify: --${option} is used only with ${needed}`);
  };
  onlyWith('topic', '--kafka', options.kafka !== undefined);
  onlyWith('checkpoint', '--kafka', options.kafka !== undefined);
  onlyWith('kafka-wait', '--kafka', options.kafka !== undefined);
  onlyWith('key', '--api', options.api !== undefined);
  onlyWith('timeout', '--api', options.api !== undefined);
  if (options.kafka === undefined) {
    if ((options.file === undefined) === (options.api === undefined)) throw new CommandLineIsInvalid('verify needs exactly one source: --file, --api or --kafka');
    return options.file !== undefined ? exportFileSource(options.file) : signedApi(options, io);
  }
  if (options.file !== undefined) throw new CommandLineIsInvalid('verify needs exactly one source: --file, --api or --kafka');
  const brokers = options.kafka.split(',').filter((broker) => broker !== '');
  if (brokers.length === 0) throw new CommandLineIsInvalid('--kafka needs at least one broker');
  const checkpointFile = options.checkpoint;
  const api = options.api !== undefined ? await signedApi(options, io) : undefined;
  if (checkpointFile === undefined && api === undefined) {
    throw new CommandLineIsInvalid('--kafka needs the checkpoint: --api <url> --key <file>, or --checkpoint <signed note file>');
  }
  const head = checkpointFile !== undefined ? async () => ({ checkpoint: await readFile(checkpointFile, 'utf8') }) : () => api!.head();
  const waitSeconds = seconds('--kafka-wait', options['kafka-wait']);
  const source = kafkaSource({ brokers, ...(options.topic !== undefined && { topic: options.topic }), head, ...(waitSeconds !== undefined && { catchUpMs: waitSeconds * 1000 }) });
  return api?.consistencyProof === undefined ? source : { ...source, consistencyProof: api.consistencyProof };
}

/** The provenance API at --api, read with the auditor's key from --key (read now, so a bad file is named as such). */
export async function signedApi(options: SourceOptions, io: AuditCliIo): Promise<LogSource> {
  const url = required('the API source', options.api, '--api <url>');
  const keyFile = required('the API source', options.key, '--key <auditor key file>');
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new CommandLineIsInvalid(`--api needs an http(s) URL, not "${url}"`);
  const timeout = seconds('--timeout', options.timeout);
  let key: SigningKey;
  try {
    key = await readKeyFile(keyFile);
  } catch (error) {
    throw new AuditorKeyIsUnreadable(keyFile, (error as Error).message);
  }
  const signedFetch = createSignedFetch({ baseUrl: apiBaseUrl(url), key, signReads: true, fetch: io.fetch });
  return apiSource(url, signedFetch, timeout === undefined ? {} : { timeoutMs: timeout * 1000 });
}

/** A duration option in seconds (a positive number), or undefined when not given. */
function seconds(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed <= 0) throw new CommandLineIsInvalid(`${option} needs a number of seconds above 0, not "${value}"`);
  return parsed;
}
