import type { SignatureMaterial } from './signature-material.js';

const STRING_FIELDS = ['label', 'keyId', 'signatureInput', 'signature', 'method', 'targetUri', 'bodyBase64', 'nonce'] as const;

/**
 * Checks that a value read from storage or an export has the shape of `SignatureMaterial`.
 * Returns the reason it does not, or undefined when it does. Never throws.
 */
export function signatureMaterialShapeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'material is not an object';
  const material = value as Record<string, unknown>;
  for (const field of STRING_FIELDS) {
    if (typeof material[field] !== 'string') return `${field} is not a string`;
  }
  if (!Number.isSafeInteger(material.created)) return 'created is not an integer';
  const covered = material.coveredComponents;
  if (!Array.isArray(covered) || !covered.every((c) => typeof c === 'string')) return 'coveredComponents is not a list of names';
  const values = material.componentValues;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return 'componentValues is not an object';
  if (!Object.values(values).every((v) => typeof v === 'string')) return 'componentValues holds a non-string value';
  return undefined;
}

export function isSignatureMaterial(value: unknown): value is SignatureMaterial {
  return signatureMaterialShapeProblem(value) === undefined;
}
