import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { exportPublicKey, generateSigningKeyPair } from '@wildlife/signatures';
import type { CliIo } from '../cli-io.js';
import { parsedCommandLine, positionalsOf, requiredOption } from '../command-line.js';
import { CommandLineIsInvalid, KeyFileCannotBeWritten, KeyFileWouldBeOverwritten, reasonOf } from '../command.errors.js';
import { KEY_ID_PATTERN, publicKeyLine } from '../signing-key.js';

/**
 * `wildlife keygen --principal <id> [--key-id <id>] --out <file>`: a fresh Ed25519 key pair, written
 * to a new file readable by its owner only; prints the public key line on stdout. Without `--key-id`
 * the key id is the principal id and 8 random hex digits, so a rotated key never reuses an id.
 */
export async function keygen(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parsedCommandLine('keygen', () =>
    parseArgs({
      args: [...args],
      options: { principal: { type: 'string' }, 'key-id': { type: 'string' }, out: { type: 'string', short: 'o' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  positionalsOf('keygen', positionals, []);
  const principalId = requiredOption('keygen', values.principal, '--principal <id>');
  const out = requiredOption('keygen', values.out, '--out <file>');
  const keyId = values['key-id'] ?? `${principalId}-${randomBytes(4).toString('hex')}`;
  if (!KEY_ID_PATTERN.test(keyId)) {
    throw new CommandLineIsInvalid(`keygen: key id "${keyId}" may hold only letters, digits, ".", "_", ":" and "-" (give --key-id)`);
  }

  const { privateKey } = generateSigningKeyPair();
  try {
    await io.writeKeyFile(out, { keyId, principalId, privateKey });
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'EEXIST') throw new KeyFileWouldBeOverwritten(out);
    throw new KeyFileCannotBeWritten(out, reasonOf(error));
  }
  io.stdout(publicKeyLine({ keyId, publicKey: exportPublicKey(privateKey) }));
  io.stderr(`Wrote the private key to ${out} (mode 0600). Give the public key line above to your NCB.\n`);
  return 0;
}
