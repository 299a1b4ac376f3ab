import { parseArgs } from 'node:util';
import type { CliIo } from '../cli-io.js';
import { parsedCommandLine, positionalsOf } from '../command-line.js';
import { loadSigningKey, publicKeyLine } from '../signing-key.js';

/** `wildlife pubkey <keyfile>`: prints `{"keyId","publicKey"}`, the form the registry takes. */
export async function pubkey(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals } = parsedCommandLine('pubkey', () => parseArgs({ args: [...args], options: {}, allowPositionals: true, strict: true }));
  const [path] = positionalsOf('pubkey', positionals, ['<keyfile>']);
  const key = await loadSigningKey(io, path!);
  io.stdout(publicKeyLine({ keyId: key.keyId, publicKey: key.publicKeyRaw }));
  return 0;
}
