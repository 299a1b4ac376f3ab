import { REGISTRY_COMMAND_NAMES, type RegistryCommand } from '../commands/registry-commands.js';

/** A registry command still to be issued through the API, signed by `signerPrincipalId`'s key. */
export type SeedCommand = { readonly signerPrincipalId: string } & RegistryCommand;

/** A seed file that is not a list of `{ signerPrincipalId, command, body }`, naming the first bad field. */
export class RegistrySeedIsInvalid extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`Invalid registry seed: ${field === '' ? 'the document' : field} ${reason}`);
    this.name = 'RegistrySeedIsInvalid';
  }
}

/**
 * Reads a registry seed (JSON text, or the value JSON.parse gave). Checks the envelope of each entry
 * only — signer, known command name, body an object; the bodies themselves are `decide`'s to judge
 * when the commands are issued. Throws only `RegistrySeedIsInvalid`.
 */
export function parseRegistrySeed(json: unknown): SeedCommand[] {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch {
      throw new RegistrySeedIsInvalid('', 'is not JSON');
    }
  }
  if (!Array.isArray(value)) throw new RegistrySeedIsInvalid('', 'must be an array');
  return value.map((entry: unknown, index) => {
    const field = `[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new RegistrySeedIsInvalid(field, 'must be an object');
    const { signerPrincipalId, command, body } = entry as Record<string, unknown>;
    if (typeof signerPrincipalId !== 'string' || signerPrincipalId === '') {
      throw new RegistrySeedIsInvalid(`${field}.signerPrincipalId`, 'must be a principal id');
    }
    if (!(REGISTRY_COMMAND_NAMES as readonly unknown[]).includes(command)) {
      throw new RegistrySeedIsInvalid(`${field}.command`, `must be one of ${REGISTRY_COMMAND_NAMES.join(', ')}`);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new RegistrySeedIsInvalid(`${field}.body`, 'must be an object');
    return { signerPrincipalId, command, body } as SeedCommand;
  });
}
