import { isPlainObject } from './json-value.shape.js';

const MATERIAL_TEXT_FIELDS = ['label', 'keyId', 'signatureInput', 'signature', 'method', 'targetUri', 'bodyBase64', 'nonce'] as const;
const MATERIAL_FIELDS = new Set<string>([...MATERIAL_TEXT_FIELDS, 'coveredComponents', 'componentValues', 'created', 'expires']);

const isUnixSeconds = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;

/**
 * The reason `value` is not `LoggedSignatureMaterial` (exactly its fields, with their JSON types),
 * or undefined. Whether the signature holds is `reverify`'s question, not this one's.
 */
export function loggedMaterialProblem(value: unknown): string | undefined {
  if (!isPlainObject(value)) return 'evidence is not an object';
  const unknownField = Object.keys(value).find((field) => !MATERIAL_FIELDS.has(field));
  if (unknownField !== undefined) return `evidence has an unknown field "${unknownField}"`;
  for (const field of MATERIAL_TEXT_FIELDS) {
    if (typeof value[field] !== 'string') return `evidence.${field} is not a string`;
  }
  if (!isUnixSeconds(value.created)) return 'evidence.created is not Unix seconds';
  if ('expires' in value && !isUnixSeconds(value.expires)) return 'evidence.expires is not Unix seconds';
  const covered = value.coveredComponents;
  if (!Array.isArray(covered) || !covered.every((name) => typeof name === 'string')) {
    return 'evidence.coveredComponents is not a list of strings';
  }
  const values = value.componentValues;
  if (!isPlainObject(values) || !Object.values(values).every((v) => typeof v === 'string')) {
    return 'evidence.componentValues is not an object of strings';
  }
  return undefined;
}
