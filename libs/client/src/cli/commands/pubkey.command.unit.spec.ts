import { describe, expect, it } from '@jest/globals';
import { exportPublicKey, generateSigningKeyPair, serialiseKeyFile } from '@wildlife/signatures';
import { inMemoryCliIo } from '../../../test/support/in-memory-cli-io.js';
import { main } from '../main.js';

describe('wildlife pubkey', () => {
  it('prints the key id and the base64url raw public key of a key file', async () => {
    const { privateKey } = generateSigningKeyPair();
    const io = inMemoryCliIo({ files: { 'ncb.key.json': serialiseKeyFile({ keyId: 'ncb-tz-1', principalId: 'ncb-tz', privateKey }) } });

    const status = await main(['pubkey', 'ncb.key.json'], io);

    expect(status).toBe(0);
    expect(JSON.parse(io.out())).toEqual({ keyId: 'ncb-tz-1', publicKey: exportPublicKey(privateKey) });
    expect(Buffer.from(JSON.parse(io.out()).publicKey, 'base64url')).toHaveLength(32);
    expect(io.out().trim().split('\n')).toHaveLength(1);
  });

  it('fails in one line when the key file does not exist', async () => {
    const io = inMemoryCliIo();

    expect(await main(['pubkey', 'missing.json'], io)).toBe(1);
    expect(io.err()).toBe('wildlife: cannot use key file missing.json: no such file\n');
  });

  it('fails in one line when the file is not a valid key file', async () => {
    const io = inMemoryCliIo({ files: { 'notes.txt': 'not a key' } });

    expect(await main(['pubkey', 'notes.txt'], io)).toBe(1);
    expect(io.err()).toBe('wildlife: cannot use key file notes.txt: not JSON\n');
  });

  it('refuses a command line without a key file', async () => {
    const io = inMemoryCliIo();

    expect(await main(['pubkey'], io)).toBe(2);
    expect(io.err()).toBe('wildlife: pubkey needs <keyfile> (see wildlife --help)\n');
  });
});
