import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { KeyNameIsInvalid, SignerKeyIsMalformed, VerifierKeyIsMalformed } from './note.errors.js';
import {
  formatVerifierKey,
  generateNoteKeyPair,
  noteKeyId,
  parseSignerKey,
  parseVerifierKey,
  publicKeyOf,
} from './note-keys.js';
import { openSignedNote, signNote } from './signed-note.js';

// The example key of golang.org/x/mod/sumdb/note (its package documentation and tests).
const PETER_VERIFIER = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PETER_SIGNER = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';

function refusals(parse: (key: string) => unknown, keys: string[]): string[] {
  return keys.filter((key) => {
    try {
      parse(key);
      return true;
    } catch {
      return false;
    }
  });
}

function manglings(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i <= key.length; i++) {
    for (let j = i + 1; j <= key.length; j++) if (i !== 0 || j !== key.length) out.push(key.slice(i, j));
  }
  for (let i = 0; i < key.length; i++) {
    out.push(key.slice(0, i) + String.fromCharCode(key.charCodeAt(i) + 1) + key.slice(i + 1));
  }
  return out;
}

describe('verifier keys', () => {
  it('parses the reference example key', () => {
    const key = parseVerifierKey(PETER_VERIFIER);
    expect(key.name).toBe('PeterNeumann');
    expect(key.keyId).toBe(0xc74f20a3);
    expect(formatVerifierKey(key.name, key.publicKey)).toBe(PETER_VERIFIER);
  });

  it('derives the key ID as SHA-256(name || 0x0A || 0x01 || public key)[:4]', () => {
    const { publicKey } = parseVerifierKey(PETER_VERIFIER);
    const digest = createHash('sha256').update('PeterNeumann\n\x01').update(publicKey).digest();
    expect(noteKeyId('PeterNeumann', publicKey)).toBe(digest.readUInt32BE(0));
  });

  it('refuses every truncation and every one-character change of a valid key', () => {
    expect(refusals(parseVerifierKey, manglings(PETER_VERIFIER))).toEqual([]);
  });

  it('refuses a wrong-length key or an unknown algorithm even with a matching key ID', () => {
    const wrongLength = 'PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==';
    const unknownAlgorithm = 'PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
    expect(() => parseVerifierKey(wrongLength)).toThrow(VerifierKeyIsMalformed);
    expect(() => parseVerifierKey(unknownAlgorithm)).toThrow(VerifierKeyIsMalformed);
  });

  it('refuses to format a key under a name with a space or a plus', () => {
    const { publicKey } = parseVerifierKey(PETER_VERIFIER);
    expect(() => formatVerifierKey('Peter Neumann', publicKey)).toThrow(KeyNameIsInvalid);
    expect(() => formatVerifierKey('Peter+Neumann', publicKey)).toThrow(KeyNameIsInvalid);
  });
});

describe('signer keys', () => {
  it('parses the reference example key, whose public half is the example verifier key', () => {
    const signer = parseSignerKey(PETER_SIGNER);
    expect(signer.keyId).toBe(0xc74f20a3);
    expect(formatVerifierKey(signer.name, publicKeyOf(signer.privateKey))).toBe(PETER_VERIFIER);
  });

  it('refuses every truncation and every one-character change of a valid key', () => {
    expect(refusals(parseSignerKey, manglings(PETER_SIGNER))).toEqual([]);
  });

  it('never quotes the key material when refusing', () => {
    const mangled = PETER_SIGNER.replace('+c74f20a3+', '+c74f20a4+');
    expect(() => parseSignerKey(mangled)).toThrow(SignerKeyIsMalformed);
    try {
      parseSignerKey(mangled);
    } catch (e) {
      expect((e as Error).message).not.toContain('AYEKFALV');
    }
  });
});

describe('generating a note key pair', () => {
  it('gives a signer key whose notes open with the verifier key', () => {
    const { signerKey, verifierKey } = generateNoteKeyPair('wildlife.example/provenance');
    expect(verifierKey).toMatch(/^wildlife\.example\/provenance\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/);
    expect(signerKey.startsWith(`PRIVATE+KEY+${verifierKey.split('+').slice(0, 2).join('+')}+`)).toBe(true);
    const note = signNote('hello\n', signerKey);
    expect(openSignedNote(note, verifierKey).text).toBe('hello\n');
  });

  it('gives a different key every time', () => {
    expect(generateNoteKeyPair('a').verifierKey).not.toBe(generateNoteKeyPair('a').verifierKey);
  });

  it('refuses an invalid name', () => {
    expect(() => generateNoteKeyPair('')).toThrow(KeyNameIsInvalid);
  });
});
