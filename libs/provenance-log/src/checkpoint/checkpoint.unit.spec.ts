import { describe, expect, it } from '@jest/globals';
import { CheckpointIsMalformed } from './checkpoint.errors.js';
import { formatCheckpoint, parseCheckpoint } from './checkpoint.js';

// The example checkpoint body of the C2SP tlog-checkpoint specification.
const SPEC_EXAMPLE = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
const ROOT = Buffer.from('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=', 'base64');

describe('formatting a checkpoint', () => {
  it('writes origin, decimal size and base64 root, each line ending in a newline', () => {
    const checkpoint = { origin: 'example.com/behind-the-sofa', size: 20852163, rootHash: ROOT };
    expect(formatCheckpoint(checkpoint)).toBe(SPEC_EXAMPLE);
  });

  it('appends extension lines after the root', () => {
    const text = formatCheckpoint({ origin: 'log', size: 0, rootHash: ROOT, extensions: ['one', 'two'] });
    expect(text).toBe(`log\n0\n${ROOT.toString('base64')}\none\ntwo\n`);
  });

  it.each([
    ['an empty origin', { origin: '', size: 1, rootHash: ROOT }],
    ['an origin holding a newline', { origin: 'a\n5', size: 1, rootHash: ROOT }],
    ['a negative size', { origin: 'log', size: -1, rootHash: ROOT }],
    ['a fractional size', { origin: 'log', size: 1.5, rootHash: ROOT }],
    ['a root that is not 32 bytes', { origin: 'log', size: 1, rootHash: ROOT.subarray(1) }],
    ['an empty extension line', { origin: 'log', size: 1, rootHash: ROOT, extensions: [''] }],
    ['an extension line holding a newline', { origin: 'log', size: 1, rootHash: ROOT, extensions: ['x\ny'] }],
  ])('refuses %s', (_what, checkpoint) => {
    expect(() => formatCheckpoint(checkpoint)).toThrow(CheckpointIsMalformed);
  });
});

describe('parsing a checkpoint', () => {
  it('reads the specification example', () => {
    const checkpoint = parseCheckpoint(SPEC_EXAMPLE);
    expect(checkpoint.origin).toBe('example.com/behind-the-sofa');
    expect(checkpoint.size).toBe(20852163);
    expect(Buffer.from(checkpoint.rootHash).equals(ROOT)).toBe(true);
    expect(checkpoint.extensions).toEqual([]);
  });

  it('reads back what it formatted, extensions included', () => {
    const checkpoint = { origin: 'wildlife.example/log', size: 2 ** 53 - 1, rootHash: ROOT, extensions: ['ext'] };
    const parsed = parseCheckpoint(formatCheckpoint(checkpoint));
    expect({ ...parsed, rootHash: Buffer.from(parsed.rootHash) }).toEqual(checkpoint);
  });

  const root = ROOT.toString('base64');
  it.each([
    ['no final newline', `log\n1\n${root}`],
    ['only two lines', 'log\n1\n'],
    ['an empty origin', `\n1\n${root}\n`],
    ['a size with a leading zero', `log\n01\n${root}\n`],
    ['a signed size', `log\n+1\n${root}\n`],
    ['a size with a space', `log\n 1\n${root}\n`],
    ['a size in exponent form', `log\n1e3\n${root}\n`],
    ['a size beyond 2^53 - 1', `log\n9007199254740992\n${root}\n`],
    ['a root of 31 bytes', `log\n1\n${ROOT.subarray(1).toString('base64')}\n`],
    ['a root without padding', `log\n1\n${root.replace('=', '')}\n`],
    ['a root in base64url', `log\n1\n${ROOT.toString('base64url')}=\n`],
    ['an empty extension line', `log\n1\n${root}\n\next\n`],
    ['a control character', `lo\tg\n1\n${root}\n`],
  ])('refuses %s', (_what, text) => {
    expect(() => parseCheckpoint(text)).toThrow(CheckpointIsMalformed);
  });
});
