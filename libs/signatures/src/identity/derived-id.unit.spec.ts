import { describe, expect, it } from '@jest/globals';
import { derivedId, permitIdOf, recordIdOf, signatureDerivedId } from './derived-id.js';

const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const signature = { keyId: 'fr-ofb-2025', created: 1_742_000_000, nonce: 'n-1' };

describe('ids derived from a signature', () => {
  // Worked out apart (Python: hashlib.sha256 over json.dumps(..., separators=(',', ':'))), so an
  // auditor in another language re-derives the same ids from ENTRY-FORMAT.md's description.
  it('are the documented UUIDv8 of SHA-256 over the canonical JSON array', () => {
    expect(signatureDerivedId('request', signature)).toBe('6e2cf209-0487-8db5-a0de-3bfa42b4d34b');
    expect(recordIdOf('request-intake.SupportRequestSubmitted.v1', signature)).toBe('cc3a89aa-db65-889a-8834-06d82b304b46');
    expect(permitIdOf('6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04', '0d8e5c3b-2a61-4f9e-b7d4-6c1a9e2f3b85')).toBe('f696af34-66e4-8ddc-9b5c-7e8bd127488b');
  });

  it('are RFC 9562 version-8 variant-10 UUIDs, the same for the same signature and label', () => {
    for (const label of ['request', 'external-information', 'accreditation', 'record:x']) {
      expect(signatureDerivedId(label, signature)).toMatch(UUID_V8);
      expect(signatureDerivedId(label, { ...signature })).toBe(signatureDerivedId(label, signature));
    }
  });

  it('differ with the label, the key id, the created time and the nonce', () => {
    const ids = new Set([
      signatureDerivedId('request', signature),
      signatureDerivedId('external-information', signature),
      signatureDerivedId('request', { ...signature, keyId: 'fr-ofb-2026' }),
      signatureDerivedId('request', { ...signature, created: signature.created + 1 }),
      signatureDerivedId('request', { ...signature, nonce: 'n-2' }),
      recordIdOf('ncb-endorsement.RequestAcknowledged.v1', signature),
      recordIdOf('ncb-endorsement.RequestEndorsed.v1', signature),
    ]);
    expect(ids.size).toBe(7);
  });

  it('read their parts unambiguously: no two splits of the same characters give the same id', () => {
    expect(derivedId('a', ['b,c'])).not.toBe(derivedId('a', ['b', 'c']));
    expect(derivedId('a', ['1'])).not.toBe(derivedId('a', [1]));
    expect(derivedId('a","b', [])).not.toBe(derivedId('a', ['b']));
    expect(signatureDerivedId('request', { keyId: 'k', created: 1, nonce: '"x' })).not.toBe(signatureDerivedId('request', { keyId: 'k",1,"', created: 1, nonce: 'x' }));
  });

  it('refuses a number that is not a safe integer', () => {
    expect(() => derivedId('a', [1.5])).toThrow(RangeError);
    expect(() => signatureDerivedId('a', { ...signature, created: Number.NaN })).toThrow(RangeError);
  });
});
