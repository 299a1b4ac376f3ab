import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { topics, type CloudEvent } from '@wildlife/contracts';
import {
  inclusionProof,
  leafHash,
  openCheckpoint,
  PerfectSubtreeHashMap,
  requiredNodesForInclusion,
  verifyConsistency,
  verifyInclusion,
  type Checkpoint,
} from '@wildlife/provenance-log';
import { newCast, registrationFacts, registryEvent, supportRequestEvent, type Cast, type Signer } from '../src/testing/signed-records.examples.spec.js';
import { readNodes } from '../src/log/log-tables.js';
import { fetchAllEntries } from './support/log-api.js';
import { deploymentFiles, ProvenanceWorld, type DeploymentFiles } from './support/provenance-world.js';

const fromBase64 = (hashes: readonly string[]) => hashes.map((h) => new Uint8Array(Buffer.from(h, 'base64')));

describe('the auditor API of the provenance log', () => {
  const cast: Cast = newCast();
  let files: DeploymentFiles;
  let world: ProvenanceWorld;
  let earlier: Checkpoint;
  let ofbRequest: CloudEvent;

  const checkpointAs = async (reader: Signer): Promise<Checkpoint> => {
    const response = await world.as(reader).get('/v1/log/checkpoint');
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    return openCheckpoint(await response.text(), files.verifierKey).checkpoint;
  };
  const json = async (reader: Signer, path: string) => {
    const response = await world.as(reader).get(path);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    files = await deploymentFiles(cast);
    world = await ProvenanceWorld.start(cast, files);
    const past = new Date(Date.now() - 3_600_000);
    await world.publish(topics.registryEvents, ...(await Promise.all(registrationFacts(cast.ncbFr, cast.ofb, past, true).map((f) => registryEvent(cast.ncbFr, f, past)))));
    await world.waitForLogSize(2);
    earlier = await checkpointAs(cast.auditor);
    ofbRequest = await supportRequestEvent(cast.ofb, cast.ofb.principal);
    await world.publish(topics.requestIntakeEvents, ofbRequest, await supportRequestEvent(cast.ncbFr, cast.ofb.principal), await supportRequestEvent(cast.ncbFr, cast.douane.principal));
    await world.waitForLogSize(5);
  }, 90_000);

  afterAll(async () => {
    await world?.close(true);
    await files?.remove();
  });

  it('publishes its verifier key to anyone, and signs checkpoints of the whole log with it', async () => {
    const response = await fetch(`${world.url}/v1/log/verifier-key`);
    expect(await response.text()).toBe(files.verifierKey);
    const latest = await checkpointAs(cast.gs);
    expect(latest).toMatchObject({ origin: 'test.wildlife.example/provenance-log', size: 5 });
    expect(earlier.size).toBe(2);
  });

  it('proves every entry included in the latest checkpoint, and the earlier checkpoint consistent with it', async () => {
    const latest = await checkpointAs(cast.auditor);
    for (const { sequence, leafBytes } of await fetchAllEntries(world, cast.auditor)) {
      const { body } = await json(cast.auditor, `/v1/log/proofs/inclusion?index=${sequence}&treeSize=${latest.size}`);
      expect(body.leafHash).toBe(Buffer.from(leafHash(leafBytes)).toString('base64'));
      verifyInclusion({ leafIndex: sequence, treeSize: latest.size, leafHash: leafHash(leafBytes), proof: fromBase64(body.proof as string[]), rootHash: latest.rootHash });
    }
    const { body } = await json(cast.auditor, `/v1/log/proofs/consistency?first=${earlier.size}&second=${latest.size}`);
    verifyConsistency({ size1: earlier.size, root1: earlier.rootHash, size2: latest.size, root2: latest.rootHash, proof: fromBase64(body.proof as string[]) });
  });

  it('answers, from the tree it holds, the proofs the stored subtrees give', async () => {
    const latest = await checkpointAs(cast.auditor);
    for (let index = 0; index < latest.size; index++) {
      const { body } = await json(cast.auditor, `/v1/log/proofs/inclusion?index=${index}&treeSize=${latest.size}`);
      const stored = new PerfectSubtreeHashMap(await readNodes(world.service.pool, requiredNodesForInclusion(index, latest.size)));
      expect(body.proof).toEqual(inclusionProof(stored, index, latest.size).map((hash) => Buffer.from(hash).toString('base64')));
    }
  });

  it("serves a record's entries and the registry entries it rests on, each proved against the latest checkpoint", async () => {
    const { status, body } = await json(cast.auditor, `/v1/log/records/${ofbRequest.id}`);
    expect(status).toBe(200);
    const checkpoint = openCheckpoint(body.checkpoint as string, files.verifierKey).checkpoint;
    const proven = [...(body.entries as ProvenEntry[]), ...(body.basis as ProvenEntry[])];
    expect(proven.map((e) => e.sequence)).toEqual([expect.any(Number), 0, 1]);
    for (const entry of proven) {
      const leaf = leafHash(Buffer.from(entry.leafBytes, 'base64'));
      verifyInclusion({ leafIndex: entry.sequence, treeSize: checkpoint.size, leafHash: leaf, proof: fromBase64(entry.inclusionProof), rootHash: checkpoint.rootHash });
    }
  });

  it.each([
    ['an entry range beyond the log', '/v1/log/entries?start=0&end=6'],
    ['an empty entry range', '/v1/log/entries?start=2&end=2'],
    ['an index outside the tree', '/v1/log/proofs/inclusion?index=5&treeSize=5'],
    ['a tree size beyond the log', '/v1/log/proofs/inclusion?index=0&treeSize=6'],
    ['a first size above the second', '/v1/log/proofs/consistency?first=4&second=3'],
    ['a second size beyond the log', '/v1/log/proofs/consistency?first=1&second=6'],
    ['a consistency proof from the empty tree', '/v1/log/proofs/consistency?first=0&second=3'],
    ['a size that is not a number', '/v1/log/proofs/inclusion?index=one&treeSize=5'],
  ])('refuses %s with a 400 problem', async (_, path) => {
    const response = await world.as(cast.auditor).get(path);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it.each([
    ['an exponent', '/v1/log/entries?start=0&end=1e0', 'end'],
    ['an empty value', '/v1/log/entries?start=&end=1', 'start'],
    ['a leading space', '/v1/log/entries?start=%205&end=5', 'start'],
    ['a leading zero', '/v1/log/entries?start=00&end=1', 'start'],
    ['hexadecimal', '/v1/log/proofs/inclusion?index=0x0&treeSize=5', 'index'],
    ['binary', '/v1/log/proofs/inclusion?index=0b1&treeSize=5', 'index'],
    ['a fraction', '/v1/log/proofs/consistency?first=1.0&second=5', 'first'],
    ['a negative zero', '/v1/log/proofs/consistency?first=1&second=-0', 'second'],
    ['2^53', '/v1/log/entries?start=0&end=9007199254740992', 'end'],
    ['a repeated parameter', '/v1/log/entries?start=0&start=1&end=2', 'start'],
    ['a missing parameter', '/v1/log/proofs/inclusion?index=0', 'treeSize'],
  ])('refuses a tree position written with %s, naming the parameter', async (_, path, parameter) => {
    const { status, body } = await json(cast.auditor, path);
    expect({ status, type: body.type, pointers: (body.errors as { pointer: string }[]).map((e) => e.pointer) }).toEqual({
      status: 400,
      type: expect.stringMatching(/validation-failed$/),
      pointers: [`/${parameter}`],
    });
  });

  it('answers an id no record has with 404 record-not-found, not a database error or a 414: one holding a NUL, one over or at the contract’s 200 characters', async () => {
    for (const id of ['%00', `a%00${'b'.repeat(20)}`, 'c'.repeat(201), 'd'.repeat(200), encodeURIComponent('🦏'.repeat(200))]) {
      const { status, body } = await json(cast.auditor, `/v1/log/records/${id}`);
      expect({ status, type: body.type }).toEqual({ status: 404, type: expect.stringMatching(/record-not-found$/) });
    }
  });

  it('lets no cache keep a moving answer or record contents, and lets the auditor’s own cache keep immutable ones', async () => {
    const cacheControl = async (path: string) => {
      const response = await world.as(cast.auditor).get(path);
      await response.arrayBuffer();
      return [response.status, response.headers.get('cache-control')];
    };
    const immutable = [200, 'private, max-age=31536000, immutable'];
    const noStore = 'private, no-store';
    expect(await cacheControl('/v1/log/checkpoint')).toEqual([200, noStore]);
    expect(await cacheControl(`/v1/log/records/${ofbRequest.id}`)).toEqual([200, noStore]);
    expect(await cacheControl('/v1/log/records/no-such-record')).toEqual([404, noStore]);
    expect(await cacheControl('/v1/log/entries?start=0&end=2')).toEqual(immutable);
    expect(await cacheControl('/v1/log/proofs/inclusion?index=0&treeSize=2')).toEqual(immutable);
    expect(await cacheControl('/v1/log/proofs/consistency?first=1&second=2')).toEqual(immutable);
    // A refusal may change as the log grows: not kept.
    expect(await cacheControl('/v1/log/entries?start=0&end=60')).toEqual([400, noStore]);
    expect(await cacheControl('/v1/log/proofs/inclusion?index=0&treeSize=x')).toEqual([400, noStore]);
  });

  it('forbids agencies and NCBs the log, and hides records from them', async () => {
    const statuses = await Promise.all([
      world.as(cast.ofb).get('/v1/log/checkpoint'),
      world.as(cast.ncbFr).get('/v1/log/entries?start=0&end=1'),
      world.as(cast.ofb).get(`/v1/log/records/${ofbRequest.id}`),
      world.as(cast.ncbFr).get(`/v1/log/records/${ofbRequest.id}`),
      world.as(cast.auditor).get('/v1/log/records/no-such-record'),
      fetch(`${world.url}/v1/log/checkpoint`),
    ]);
    expect(statuses.map((r) => r.status)).toEqual([403, 403, 404, 404, 404, 401]);
  });

  it('refuses to change the log, even to a superuser, and lets its writer role only insert and read', async () => {
    const pool = world.service.pool;
    const someColumn = { log_entries: 'record_id', log_nodes: 'hash', checkpoints: 'note' };
    for (const [table, column] of Object.entries(someColumn)) {
      for (const statement of [`UPDATE ${table} SET ${column} = ${column}`, `DELETE FROM ${table}`, `TRUNCATE ${table} CASCADE`]) {
        await expect(pool.query(statement)).rejects.toThrow(/append-only/);
      }
    }
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL ROLE provenance_writer');
      await expect(client.query("UPDATE log_entries SET record_id = 'forged'")).rejects.toMatchObject({ code: '42501' });
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await world.logSize()).toBe(5);
  });

  it('refuses entries that are not the next ones, one by one or in a batch', async () => {
    const client = await world.service.pool.connect();
    const insert = (sequences: number[]) =>
      client.query(
        `INSERT INTO log_entries (sequence, record_id, leaf_bytes, leaf_hash, logged_at)
         SELECT s, 'forged-' || s, '\\x7b7d'::bytea, sha256('\\x007b7d'::bytea), now() FROM unnest($1::bigint[]) AS s`,
        [sequences],
      );
    try {
      for (const sequences of [[6], [5, 7], [5, 6, 8], [4]]) {
        await client.query('BEGIN');
        await client.query('SET LOCAL ROLE provenance_writer');
        await expect(insert(sequences)).rejects.toMatchObject({ code: expect.stringMatching(/^23/) });
        await client.query('ROLLBACK');
      }
    } finally {
      client.release();
    }
    expect(await world.logSize()).toBe(5);
  });

  it('refuses a second classification of a record and a second change of one entry, even from its writer role', async () => {
    const client = await world.service.pool.connect();
    const insert = (sequence: number, recordId: string, supersedes: number | null) =>
      client.query(
        `INSERT INTO log_entries (sequence, record_id, supersedes, leaf_bytes, leaf_hash, logged_at)
         VALUES ($1, $2, $3, '\\x7b7d'::bytea, sha256('\\x007b7d'::bytea), now())`,
        [sequence, recordId, supersedes],
      );
    const refused = async (attempt: () => Promise<unknown>) => {
      await client.query('SAVEPOINT attempt');
      await expect(attempt()).rejects.toMatchObject({ code: '23505' });
      await client.query('ROLLBACK TO SAVEPOINT attempt');
    };
    try {
      const { rows } = await client.query<{ sequence: string; record_id: string }>(
        `SELECT sequence, record_id FROM log_entries e
          WHERE NOT EXISTS (SELECT FROM log_entries c WHERE c.supersedes = e.sequence) ORDER BY sequence LIMIT 1`,
      );
      const unchanged = { sequence: Number(rows[0]!.sequence), recordId: rows[0]!.record_id };
      await client.query('BEGIN');
      await client.query('SET LOCAL ROLE provenance_writer');
      await refused(() => insert(5, unchanged.recordId, null));
      await insert(5, unchanged.recordId, unchanged.sequence);
      await refused(() => insert(6, unchanged.recordId, unchanged.sequence));
      await refused(() => insert(6, 'another-record', unchanged.sequence));
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    expect(await world.logSize()).toBe(5);
  });

  it('rebuilds its tree from the stored entries after a restart, and extends the same log', async () => {
    const before = await checkpointAs(cast.auditor);
    await world.close(false);
    world = await ProvenanceWorld.start(cast, files, world.environment);
    await world.publish(topics.requestIntakeEvents, await supportRequestEvent(cast.ncbFr, cast.ofb.principal));
    await world.waitForLogSize(before.size + 1);
    const after = await checkpointAs(cast.auditor);
    const { body } = await json(cast.auditor, `/v1/log/proofs/consistency?first=${before.size}&second=${after.size}`);
    verifyConsistency({ size1: before.size, root1: before.rootHash, size2: after.size, root2: after.rootHash, proof: fromBase64(body.proof as string[]) });
  }, 60_000);
});

interface ProvenEntry {
  readonly sequence: number;
  readonly leafBytes: string;
  readonly inclusionProof: string[];
}
