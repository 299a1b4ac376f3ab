import { describe, expect, it } from '@jest/globals';
import { inMemoryCliIo } from '../../test/support/in-memory-cli-io.js';
import { main } from './main.js';

describe('the wildlife command line', () => {
  it('prints its usage on --help and succeeds', async () => {
    const io = inMemoryCliIo();

    const status = await main(['--help'], io);

    expect(status).toBe(0);
    expect(io.out()).toContain('Usage: wildlife <command>');
    for (const command of ['keygen', 'pubkey', 'sign', 'request']) expect(io.out()).toContain(`  ${command} `);
    expect(io.err()).toBe('');
  });

  it('prints its usage for a command given --help, without running it', async () => {
    const io = inMemoryCliIo();

    const status = await main(['keygen', '--principal', 'agency-tz', '--out', 'k.json', '--help'], io);

    expect(status).toBe(0);
    expect(io.out()).toContain('Usage: wildlife');
    expect(io.files.size).toBe(0);
  });

  it('refuses to run without a command, with exit status 2', async () => {
    const io = inMemoryCliIo();

    expect(await main([], io)).toBe(2);
    expect(io.err()).toContain('Usage: wildlife');
    expect(io.out()).toBe('');
  });

  it('refuses an unknown command in one line, with exit status 2', async () => {
    const io = inMemoryCliIo();

    expect(await main(['endorse', 'r-1'], io)).toBe(2);
    expect(io.err()).toBe('wildlife: unknown command "endorse" (see wildlife --help)\n');
  });

  it('refuses an unknown option in one line, with exit status 2', async () => {
    const io = inMemoryCliIo();

    expect(await main(['pubkey', 'agency.key.json', '--verbose'], io)).toBe(2);
    expect(io.err()).toBe("wildlife: pubkey: Unknown option '--verbose' (see wildlife --help)\n");
  });

  it('refuses an option whose value looks like another option in one line, with exit status 2', async () => {
    const io = inMemoryCliIo();

    expect(await main(['sign', 'GET', 'http://x.example/', '--key', '--body', 'b'], io)).toBe(2);
    expect(io.err()).toBe("wildlife: sign: Option '--key' argument is ambiguous (see wildlife --help)\n");
  });

  it('refuses an option that lacks its value, with exit status 2', async () => {
    const io = inMemoryCliIo();

    expect(await main(['keygen', '--principal', 'agency-tz', '--out'], io)).toBe(2);
    expect(io.err()).toMatch(/^wildlife: keygen: Option '-o, --out <value>' argument missing \(see wildlife --help\)\n$/);
  });
});
