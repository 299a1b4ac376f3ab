import type { KeyObject } from 'node:crypto';
import { importPublicKey } from '@wildlife/signatures';

const importedKeys = new Map<string, KeyObject>();

/** The registry's key, imported once per registry form (per thread). Throws when the form cannot be imported. */
export function publicKeyObject(registryForm: string): KeyObject {
  let key = importedKeys.get(registryForm);
  if (key === undefined) {
    key = importPublicKey(registryForm);
    importedKeys.set(registryForm, key);
  }
  return key;
}
