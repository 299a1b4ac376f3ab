import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { apiSource, auditLog, EMPTY_AUDIT_STATE } from '@wildlife/auditor';
import { topics } from '@wildlife/contracts';
import { toKafkaMessage } from '@wildlife/messaging';
import { openCheckpoint, parseEntry } from '@wildlife/provenance-log';
import { createSignedFetch } from '@wildlife/signatures';
import { waitUntil } from '@wildlife/testing';
import { newCast, supportRequestEvent, trustRootsOf, type Cast } from '../../services/provenance/src/testing/signed-records.examples.spec.js';
import { deploymentFiles, ProvenanceWorld, type DeploymentFiles, type RawMessage } from '../../services/provenance/test/support/provenance-world.js';
import { consumeTopic } from '../../services/provenance/test/support/topic-reader.js';

/** What `GET /v1/log/entries` returns at most per page, in leaf bytes (and always one entry). */
const PAGE_LEAF_BYTES = 4 * 1024 * 1024;
const KEY = 'one-partition';

/**
 * Records whose entries are large: the log must log them (within the bound a Kafka message takes),
 * publish the whole log on its topic after them, and serve them in pages an auditor can read.
 */
describe('a log holding large entries', () => {
  const cast: Cast = newCast();
  let files: DeploymentFiles;
  let world: ProvenanceWorld;
  let oversized: RawMessage;
  let oversizedId: string;
  let afterId: string;

  /** A CloudEvent of a type no contract knows, with `data` exactly `json`: a record with unreadable signature material. */
  const probe = async (id: string, json: string): Promise<RawMessage> => {
    const event = { ...(await supportRequestEvent(cast.ncbFr, cast.ofb.principal)), id, type: 'test-probe.LargeRecordSent.v1' };
    return { ...toKafkaMessage(event), key: KEY, value: Buffer.from(json) };
  };

  beforeAll(async () => {
    files = await deploymentFiles(cast);
    world = await ProvenanceWorld.start(cast, files);
    // Five entries of about 900 kB each: logged in full, 4.5 MB in all.
    const large = await Promise.all(Array.from({ length: 5 }, (_, i) => probe(`large-${i}-${randomUUID()}`, JSON.stringify({ provenance: {}, padding: 'p'.repeat(900_000) }))));
    // 300 kB as sent; 1.3 MB once canonical JSON writes each 1e20 out in full.
    oversizedId = `oversized-${randomUUID()}`;
    oversized = await probe(oversizedId, `{"provenance":{},"x":[${Array<string>(60_000).fill('1e20').join(',')}]}`);
    const after = await supportRequestEvent(cast.ncbFr, cast.ofb.principal);
    afterId = after.id;
    // One send each: the broker takes a batch of at most 1 MiB. One key: read in this order.
    for (const message of [...large, oversized, { ...toKafkaMessage(after), key: KEY }]) await world.publish(topics.requestIntakeEvents, message);
    await world.waitForLogSize(7, 60_000);
    await waitUntil('the latest checkpoint covers the whole log', async () => {
      const response = await world.as(cast.auditor).get('/v1/log/checkpoint');
      return response.ok && openCheckpoint(await response.text(), files.verifierKey).checkpoint.size === 7;
    });
  }, 120_000);

  afterAll(async () => {
    await world?.close(true);
    await files?.remove();
  });

  it('logs an oversized record as rejected without its data, naming the SHA-256 of the message, and publishes every entry after it', async () => {
    const logTopic = await consumeTopic(world.service.kafka, world.prefix + topics.provenanceLog.name, 7, 60_000);
    expect(logTopic.map((m) => m.key)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    const entries = logTopic.map((m) => parseEntry(m.value));
    expect(entries.map((e) => [e.record.id, e.classification, e.reason.code]).slice(5)).toEqual([
      [oversizedId, 'rejected', 'record-too-large'],
      [afterId, 'official', 'ncb-own-country'],
    ]);
    const rejected = entries[5]!;
    expect(rejected).not.toHaveProperty('recordData');
    expect(rejected.evidence).toBeNull();
    expect(rejected.reason.text).toContain(createHash('sha256').update(oversized.value).digest('hex'));
    expect(entries.slice(0, 5).map((e) => [e.reason.code, (e.recordData?.padding as string).length])).toEqual(Array(5).fill(['record-malformed', 900_000]));
  }, 90_000);

  it('serves entries in pages of at most 4 MiB of leaf bytes, each saying where the next starts', async () => {
    const pages: { sequences: number[]; bytes: number; next: number }[] = [];
    for (let start = 0; start < 7; ) {
      const response = await world.as(cast.auditor).get(`/v1/log/entries?start=${start}&end=7`);
      const body = (await response.json()) as { entries: { sequence: number; leafBytes: string }[]; next: number };
      const bytes = body.entries.reduce((sum, e) => sum + Buffer.from(e.leafBytes, 'base64').length, 0);
      pages.push({ sequences: body.entries.map((e) => e.sequence), bytes, next: body.next });
      start = body.next;
    }
    expect(pages.map((p) => [p.sequences, p.next])).toEqual([
      [[0, 1, 2, 3], 4],
      [[4, 5, 6], 7],
    ]);
    for (const page of pages) expect(page.bytes).toBeLessThanOrEqual(PAGE_LEAF_BYTES);
  });

  it('is read whole and verified by the auditor from the API, short pages, record-too-large entry and all', async () => {
    const signedFetch = createSignedFetch({ baseUrl: world.url, key: { keyId: cast.auditor.keyId, privateKey: cast.auditor.privateKey }, signReads: true });
    const report = await auditLog({ source: apiSource(world.url, signedFetch), trustRoots: trustRootsOf(cast), state: EMPTY_AUDIT_STATE });
    expect(report).toMatchObject({ ok: true, checkpoint: { size: 7 }, counts: { official: 1, rejected: 6 } });
  }, 60_000);
});
