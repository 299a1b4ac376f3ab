import { describe, expect, it } from '@jest/globals';
import {
  NoteIsMalformed,
  NoteIsNotSignedByAKnownKey,
  NoteSignatureIsInvalid,
  NoteTextCannotBeSigned,
  VerifierKeysAreAmbiguous,
} from './note.errors.js';
import { generateNoteKeyPair, parseVerifierKey } from './note-keys.js';
import { openSignedNote, signNote } from './signed-note.js';

// The example note of golang.org/x/mod/sumdb/note, signed by PeterNeumann and cosigned by EnochRoot.
const PETER_VERIFIER = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PETER_SIGNER = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const ENOCH_VERIFIER = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_B64 = 'x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=';
const ENOCH_B64 = 'rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=';
const PETER_SIG = `\u2014 PeterNeumann ${PETER_B64}\n`;
const ENOCH_SIG = `\u2014 EnochRoot ${ENOCH_B64}\n`;
const peter = { keyName: 'PeterNeumann', keyId: 0xc74f20a3, base64: PETER_B64 };
const enoch = { keyName: 'EnochRoot', keyId: 0xaf0cfe78, base64: ENOCH_B64 };
const insertAbcd = (line: string): string => `${line.slice(0, 60)}ABCD${line.slice(60)}`;

describe('signing a note', () => {
  it('reproduces the reference example byte for byte', () => {
    expect(signNote(TEXT, PETER_SIGNER)).toBe(`${TEXT}\n${PETER_SIG}`);
  });

  it('refuses text without a final newline or with a control character', () => {
    expect(() => signNote('abc', PETER_SIGNER)).toThrow(NoteTextCannotBeSigned);
    expect(() => signNote('a\tb\n', PETER_SIGNER)).toThrow(NoteTextCannotBeSigned);
    expect(() => signNote('a\rb\n', PETER_SIGNER)).toThrow(NoteTextCannotBeSigned);
  });
});

describe('opening a signed note', () => {
  it('opens the reference example with its verifier key, from a string or from bytes', () => {
    const note = `${TEXT}\n${PETER_SIG}`;
    expect(openSignedNote(note, PETER_VERIFIER)).toEqual({ text: TEXT, verified: [peter], unverified: [] });
    expect(openSignedNote(Buffer.from(note, 'utf8'), PETER_VERIFIER).text).toBe(TEXT);
  });

  it('verifies every known signature and sets aside those of unknown keys', () => {
    const note = `${TEXT}\n${PETER_SIG}${ENOCH_SIG}`;
    expect(openSignedNote(note, [PETER_VERIFIER])).toEqual({ text: TEXT, verified: [peter], unverified: [enoch] });
    const both = openSignedNote(note, [PETER_VERIFIER, ENOCH_VERIFIER]);
    expect(both).toEqual({ text: TEXT, verified: [peter, enoch], unverified: [] });
  });

  it('keeps one entry for repeated signatures', () => {
    const note = `${TEXT}\n${PETER_SIG}${PETER_SIG}${ENOCH_SIG}${ENOCH_SIG}${insertAbcd(ENOCH_SIG)}`;
    const opened = openSignedNote(note, PETER_VERIFIER);
    expect(opened.verified).toEqual([peter]);
    expect(opened.unverified.map((s) => s.keyName)).toEqual(['EnochRoot', 'EnochRoot']);
  });

  it('refuses a note no known key signed', () => {
    expect(() => openSignedNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [])).toThrow(NoteIsNotSignedByAKnownKey);
  });

  it('refuses a note whose text was tampered with', () => {
    const tampered = `${TEXT.replace('cryptography', 'cryptographY')}\n${PETER_SIG}`;
    expect(() => openSignedNote(tampered, PETER_VERIFIER)).toThrow(NoteSignatureIsInvalid);
  });

  it('refuses a note whose known signature was altered, even beside a valid one', () => {
    expect(() => openSignedNote(`${TEXT}\n${insertAbcd(PETER_SIG)}`, PETER_VERIFIER)).toThrow(NoteSignatureIsInvalid);
    const both = `${TEXT}\n${ENOCH_SIG}${insertAbcd(PETER_SIG)}`;
    expect(() => openSignedNote(both, [PETER_VERIFIER, ENOCH_VERIFIER])).toThrow(NoteSignatureIsInvalid);
  });

  it('does not open a note with another key of the same name', () => {
    const other = generateNoteKeyPair('PeterNeumann').verifierKey;
    expect(() => openSignedNote(`${TEXT}\n${PETER_SIG}`, other)).toThrow(NoteIsNotSignedByAKnownKey);
  });

  it('rejects the whole note when a key with the same name and ID does not verify it', () => {
    const impostor = { ...parseVerifierKey(generateNoteKeyPair('PeterNeumann').verifierKey), keyId: 0xc74f20a3 };
    expect(() => openSignedNote(`${TEXT}\n${PETER_SIG}`, impostor)).toThrow(NoteSignatureIsInvalid);
  });

  it('refuses to choose between two different keys with the same name and ID', () => {
    const impostor = { ...parseVerifierKey(generateNoteKeyPair('PeterNeumann').verifierKey), keyId: 0xc74f20a3 };
    expect(() => openSignedNote(`${TEXT}\n${PETER_SIG}`, [PETER_VERIFIER, impostor])).toThrow(VerifierKeysAreAmbiguous);
  });

  it.each([
    ['text alone', TEXT],
    ['no signature after the blank line', `${TEXT}\n`],
    ['no final newline', `${TEXT}\n${PETER_SIG.slice(0, -1)}`],
    ['a control character', `\x01${TEXT}\n${PETER_SIG}`],
    ['a carriage return', `${TEXT.replace('\n', '\r\n')}\n${PETER_SIG}`],
    ['a key name with a space', `${TEXT}\n\u2014 Bad Name ${PETER_B64}\n`],
    ['a key name with a no-break space', `${TEXT}\n\u2014 Bad\u00a0Name ${PETER_B64}\n`],
    ['a line after the signatures', `${TEXT}\n${PETER_SIG}Unexpected line.\n`],
    ['a hyphen for the em dash', `${TEXT}\n- PeterNeumann ${PETER_B64}\n`],
    ['base64 without its padding', `${TEXT}\n${PETER_SIG.replace('=\n', '\n')}`],
    ['a signature shorter than a key ID and one byte', `${TEXT}\n\u2014 PeterNeumann AAAAAA==\n`],
    ['a name without signature', `${TEXT}\n\u2014 PeterNeumann\n`],
    ['101 signatures', `${TEXT}\n${PETER_SIG.repeat(101)}`],
    ['a lone surrogate', `\ud800${TEXT}\n${PETER_SIG}`],
  ])('refuses a malformed note: %s', (_what, note) => {
    expect(() => openSignedNote(note, PETER_VERIFIER)).toThrow(NoteIsMalformed);
  });

  it('refuses bytes that are not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from([0xff]), Buffer.from(`${TEXT}\n${PETER_SIG}`)]);
    expect(() => openSignedNote(bytes, PETER_VERIFIER)).toThrow(NoteIsMalformed);
  });

  it('accepts 100 signatures', () => {
    expect(openSignedNote(`${TEXT}\n${PETER_SIG.repeat(100)}`, PETER_VERIFIER).verified).toEqual([peter]);
  });
});
