import { describe, expect, it } from '@jest/globals';
import { leafHash } from '../merkle/hashing.js';
import { verifyInclusion } from '../merkle/inclusion-verification.js';
import { MerkleTree } from '../merkle/merkle-tree.js';
import { NoteIsMalformed, NoteIsNotSignedByAKnownKey, NoteSignatureIsInvalid } from '../note/note.errors.js';
import { generateNoteKeyPair } from '../note/note-keys.js';
import { signNote } from '../note/signed-note.js';
import { CheckpointIsFromAnotherLog, CheckpointIsMalformed } from './checkpoint.errors.js';
import { formatCheckpoint } from './checkpoint.js';
import { openCheckpoint, signCheckpoint } from './signed-checkpoint.js';

const ORIGIN = 'wildlife.example/provenance';
const { signerKey, verifierKey } = generateNoteKeyPair(ORIGIN);
const entries = ['a', 'b', 'c', 'd', 'e'].map((e) => Buffer.from(`{"record":"${e}"}`));
const tree = MerkleTree.fromLeafHashes(entries.map(leafHash));
const checkpoint = { origin: ORIGIN, size: tree.size, rootHash: tree.rootHash() };

describe('signing and opening a checkpoint', () => {
  it('opens what it signed, and the root proves an entry included', () => {
    const signed = signCheckpoint(checkpoint, signerKey);
    const rootLine = '[A-Za-z0-9+/]{43}=';
    const signatureLine = `\u2014 ${ORIGIN} [A-Za-z0-9+/]{91}=`;
    expect(signed).toMatch(new RegExp(`^${ORIGIN}\\n5\\n${rootLine}\\n\\n${signatureLine}\\n$`));
    const opened = openCheckpoint(signed, verifierKey);
    expect(opened.checkpoint.size).toBe(5);
    const proof = tree.inclusionProof(2);
    const { rootHash } = opened.checkpoint;
    verifyInclusion({ leafIndex: 2, treeSize: 5, leafHash: leafHash(entries[2]!), proof, rootHash });
  });

  it('refuses a checkpoint whose size or root was changed', () => {
    const signed = signCheckpoint(checkpoint, signerKey);
    const smaller = signed.replace(`${ORIGIN}\n5\n`, `${ORIGIN}\n4\n`);
    expect(() => openCheckpoint(smaller, verifierKey)).toThrow(NoteSignatureIsInvalid);
    const otherRoot = Buffer.from(tree.rootHash(4)).toString('base64');
    const rootLine = Buffer.from(tree.rootHash()).toString('base64');
    expect(() => openCheckpoint(signed.replace(rootLine, otherRoot), verifierKey)).toThrow(NoteSignatureIsInvalid);
  });

  it('refuses a checkpoint signed by another key under the same name', () => {
    const impostor = generateNoteKeyPair(ORIGIN);
    expect(() => openCheckpoint(signCheckpoint(checkpoint, impostor.signerKey), verifierKey)).toThrow(
      NoteIsNotSignedByAKnownKey,
    );
  });

  it('ignores a cosignature from an unknown witness', () => {
    const witness = generateNoteKeyPair('witness.example');
    const witnessLine = signNote(formatCheckpoint(checkpoint), witness.signerKey).split('\n\n')[1];
    const cosigned = signCheckpoint(checkpoint, signerKey) + witnessLine;
    expect(openCheckpoint(cosigned, verifierKey).note.unverified.map((s) => s.keyName)).toEqual(['witness.example']);
  });

  it('refuses a checkpoint of another log', () => {
    const signed = signCheckpoint(checkpoint, signerKey);
    expect(() => openCheckpoint(signed, verifierKey, 'other.example/log')).toThrow(CheckpointIsFromAnotherLog);
  });

  it('refuses to sign a checkpoint under a key named for another log', () => {
    const foreign = { ...checkpoint, origin: 'other.example/log' };
    expect(() => signCheckpoint(foreign, signerKey)).toThrow(CheckpointIsFromAnotherLog);
  });

  it('refuses a validly signed note whose text is not a checkpoint', () => {
    const signedNonsense = signNote(`${ORIGIN}\nfive\nroot\n`, signerKey);
    expect(() => openCheckpoint(signedNonsense, verifierKey)).toThrow(CheckpointIsMalformed);
  });

  it('refuses a checkpoint stripped of its signature', () => {
    const unsigned = `${ORIGIN}\n5\n${Buffer.from(tree.rootHash()).toString('base64')}\n`;
    expect(() => openCheckpoint(unsigned, verifierKey)).toThrow(NoteIsMalformed);
  });
});
