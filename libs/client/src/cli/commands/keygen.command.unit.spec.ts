import { describe, expect, it } from '@jest/globals';
import { parseKeyFile } from '@wildlife/signatures';
import { inMemoryCliIo } from '../../../test/support/in-memory-cli-io.js';
import { main } from '../main.js';

describe('wildlife keygen', () => {
  it('writes a new key file and prints its public key in the registry form', async () => {
    const io = inMemoryCliIo();

    const status = await main(['keygen', '--principal', 'agency-tz', '--key-id', 'agency-tz-2025', '--out', 'agency.key.json'], io);

    expect(status).toBe(0);
    const stored = parseKeyFile(io.files.get('agency.key.json')!);
    expect(stored).toMatchObject({ keyId: 'agency-tz-2025', principalId: 'agency-tz' });
    expect(io.out()).toBe(`${JSON.stringify({ keyId: 'agency-tz-2025', publicKey: stored.publicKeyRaw })}\n`);
    expect(stored.publicKeyRaw).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(io.err()).toContain('agency.key.json');
  });

  it('names the key after the principal with a random suffix when no key id is given', async () => {
    const io = inMemoryCliIo();

    await main(['keygen', '--principal', 'agency-tz', '--out', 'a.json'], io);
    await main(['keygen', '--principal', 'agency-tz', '--out', 'b.json'], io);

    const first = parseKeyFile(io.files.get('a.json')!).keyId;
    const second = parseKeyFile(io.files.get('b.json')!).keyId;
    expect(first).toMatch(/^agency-tz-[0-9a-f]{8}$/);
    expect(second).toMatch(/^agency-tz-[0-9a-f]{8}$/);
    expect(first).not.toBe(second);
  });

  it('refuses to overwrite an existing key file and leaves it as it was', async () => {
    const io = inMemoryCliIo({ files: { 'agency.key.json': 'the key already registered' } });

    const status = await main(['keygen', '--principal', 'agency-tz', '--out', 'agency.key.json'], io);

    expect(status).toBe(1);
    expect(io.files.get('agency.key.json')).toBe('the key already registered');
    expect(io.err()).toBe('wildlife: agency.key.json already exists; a key file is never overwritten (choose another --out)\n');
    expect(io.out()).toBe('');
  });

  it('refuses a command line without --principal or --out', async () => {
    const withoutPrincipal = inMemoryCliIo();
    const withoutOut = inMemoryCliIo();

    expect(await main(['keygen', '--out', 'k.json'], withoutPrincipal)).toBe(2);
    expect(await main(['keygen', '--principal', 'agency-tz'], withoutOut)).toBe(2);

    expect(withoutPrincipal.err()).toBe('wildlife: keygen needs --principal <id> (see wildlife --help)\n');
    expect(withoutOut.err()).toBe('wildlife: keygen needs --out <file> (see wildlife --help)\n');
    expect(withoutPrincipal.files.size + withoutOut.files.size).toBe(0);
  });

  it('refuses a key id that could not travel in a signature unescaped', async () => {
    const io = inMemoryCliIo();

    expect(await main(['keygen', '--principal', 'agency-tz', '--key-id', 'my key', '--out', 'k.json'], io)).toBe(2);
    expect(io.err()).toMatch(/^wildlife: keygen: key id "my key" may hold only/);
    expect(io.files.size).toBe(0);
  });
});
