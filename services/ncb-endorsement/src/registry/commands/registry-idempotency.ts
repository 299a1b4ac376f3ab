import { replayOf, type IdempotentSubmission } from '@wildlife/service-kit';
import type pg from 'pg';
import type { RegistryCommandAnswer, RegistryFactsRecorded } from './issue-registry-command.command.js';

// migrations/0003_registry_idempotency_keys.sql. Both are called in the registry command's
// transaction, after it took the `registry` stream's lock: no other registry command can write a key
// meanwhile, so the read is current and the insert never conflicts (the primary key would still
// refuse a second answer).

interface StoredRow {
  readonly request_hash: string;
  readonly response_status: number;
  readonly response_body: RegistryFactsRecorded;
  readonly registry_version: number;
}

/**
 * The first answer `signer` got with this key, replayed, or undefined when the key holds none. Throws
 * 422 `idempotency-key-reused` when that answer was to another request (method, path or body).
 */
export async function replayedAnswerWith(client: pg.ClientBase, signerId: string, idempotency: IdempotentSubmission): Promise<RegistryCommandAnswer | undefined> {
  const { rows } = await client.query<StoredRow>(
    'SELECT request_hash, response_status, response_body, registry_version FROM registry_idempotency_keys WHERE principal_id = $1 AND key = $2',
    [signerId, idempotency.key],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  const { body } = replayOf({ fingerprint: row.request_hash, status: row.response_status, body: row.response_body }, idempotency);
  return { body, version: row.registry_version, replayed: true };
}

/** Keeps the answer for the key, in the transaction that appends its facts. */
export async function keepAnswerWith(client: pg.ClientBase, signerId: string, idempotency: IdempotentSubmission, answer: RegistryCommandAnswer): Promise<void> {
  await client.query(
    'INSERT INTO registry_idempotency_keys (principal_id, key, request_hash, response_status, response_body, registry_version) VALUES ($1, $2, $3, 201, $4, $5)',
    [signerId, idempotency.key, idempotency.fingerprint, JSON.stringify(answer.body), answer.version],
  );
}
