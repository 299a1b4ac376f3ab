// The project's patch of kafkajs (patches/kafkajs+2.2.4.patch, applied by `npm ci`): its CRC-32C
// computed eight bytes at a time, and its encoder's buffers taken with Buffer.allocUnsafe. Tested
// through kafkajs's own record-batch encoder and decoder, the code every produce request runs.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, jest } from '@jest/globals';

const require = createRequire(import.meta.url);

interface KafkaRecord {
  readonly key: Buffer;
  readonly value: Buffer;
  readonly headers: Record<string, Buffer>;
}
interface EncodedBuffer {
  readonly buffer: Buffer;
}
const crc32C = require('kafkajs/src/protocol/recordBatch/crc32C/index.js') as (bytes: Buffer) => number;
const encodeRecord = require('kafkajs/src/protocol/recordBatch/record/v0/index.js') as (record: KafkaRecord & { offsetDelta: number }) => EncodedBuffer;
const { RecordBatch: encodeRecordBatch } = require('kafkajs/src/protocol/recordBatch/v0/index.js') as {
  RecordBatch: (batch: { firstTimestamp: number; maxTimestamp: number; lastOffsetDelta: number; records: EncodedBuffer[] }) => Promise<EncodedBuffer>;
};
const decodeRecordBatch = require('kafkajs/src/protocol/recordBatch/v0/decoder.js') as (decoder: unknown) => Promise<{ records: KafkaRecord[] }>;
const Decoder = require('kafkajs/src/protocol/decoder.js') as new (bytes: Buffer) => unknown;

/** CRC-32C by its definition, one bit at a time (reflected polynomial 0x82F63B78). */
function crc32CBitwise(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe("kafkajs's CRC-32C, as patched", () => {
  it('gives the published check values (RFC 3720 B.4, and "123456789")', () => {
    expect(crc32C(Buffer.alloc(32, 0x00))).toBe(0x8a9136aa);
    expect(crc32C(Buffer.alloc(32, 0xff))).toBe(0x62a8ab43);
    expect(crc32C(Buffer.from(Array.from({ length: 32 }, (_, i) => i)))).toBe(0x46dd794e);
    expect(crc32C(Buffer.from(Array.from({ length: 32 }, (_, i) => 31 - i)))).toBe(0x113fdb5c);
    expect(crc32C(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(crc32C(Buffer.alloc(0))).toBe(0);
  });

  it('agrees with the definition for every length up to 300 bytes and every offset of a view', () => {
    const bytes = randomBytes(320);
    for (let length = 0; length <= 300; length++) {
      const view = bytes.subarray(length % 17, (length % 17) + length);
      expect([length, crc32C(view)]).toEqual([length, crc32CBitwise(view)]);
    }
  });
});

describe("kafkajs's record batch encoder, with buffers from Buffer.allocUnsafe", () => {
  const records: KafkaRecord[] = [
    { key: Buffer.from('case-1'), value: Buffer.from(JSON.stringify({ summary: 'é'.repeat(700) })), headers: { ce_id: Buffer.from('1'), ce_type: Buffer.from('t') } },
    { key: Buffer.from('case-2'), value: randomBytes(3_000), headers: {} },
    { key: Buffer.from('case-3'), value: Buffer.from('{}'), headers: Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`ce_h${i}`, Buffer.from(`value ${i}`)])) },
  ];
  const realAllocUnsafe = Buffer.allocUnsafe.bind(Buffer);

  afterEach(() => {
    jest.restoreAllMocks();
  });

  /** The batch encoded while every buffer kafkajs takes from allocUnsafe starts filled with `fill`. */
  async function encodeWith(fill: number): Promise<{ bytes: Buffer; allocations: number }> {
    const allocUnsafe = jest.spyOn(Buffer, 'allocUnsafe').mockImplementation((size: number) => realAllocUnsafe(size).fill(fill));
    const batch = await encodeRecordBatch({
      firstTimestamp: 1_700_000_000_000,
      maxTimestamp: 1_700_000_000_000,
      lastOffsetDelta: records.length - 1,
      records: records.map((record, offsetDelta) => encodeRecord({ ...record, offsetDelta })),
    });
    const allocations = allocUnsafe.mock.calls.length;
    allocUnsafe.mockRestore();
    return { bytes: Buffer.from(batch.buffer), allocations };
  }

  it('writes every byte it sends: the same batch from zeroed and from dirty memory', async () => {
    const fromZeroes = await encodeWith(0x00);
    const fromDirt = await encodeWith(0xa5);

    // The patch is applied: the encoder's buffers come from allocUnsafe.
    expect(fromZeroes.allocations).toBeGreaterThan(records.length);
    expect(fromDirt.bytes.equals(fromZeroes.bytes)).toBe(true);
  });

  it('writes the CRC the broker checks, and decodes back to the records', async () => {
    const { bytes } = await encodeWith(0xa5);

    // FirstOffset (8) Length (4) PartitionLeaderEpoch (4) Magic (1) CRC (4), then what the CRC covers.
    expect(bytes.readUInt32BE(17)).toBe(crc32CBitwise(bytes.subarray(21)));
    const decoded = await decodeRecordBatch(new Decoder(bytes));
    expect(decoded.records.map(({ key, value, headers }) => ({ key, value, headers }))).toEqual(records);
  });
});
