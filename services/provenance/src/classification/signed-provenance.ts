import { PRINCIPAL_KINDS } from '@wildlife/contracts';
import type { LoggedPrincipal, LoggedSignatureMaterial } from '@wildlife/provenance-log';
import { signatureMaterialShapeProblem } from '@wildlife/signatures';

const MATERIAL_FIELDS = ['label', 'keyId', 'signatureInput', 'signature', 'coveredComponents', 'componentValues', 'method', 'targetUri', 'bodyBase64', 'created', 'nonce'] as const;
const COUNTRY = /^[A-Z]{2}$/;

export interface SignedProvenance {
  readonly source: LoggedPrincipal | null;
  readonly evidence: LoggedSignatureMaterial | null;
  /** Why the provenance cannot be checked, when it cannot. */
  readonly problem?: string;
}

/**
 * Splits a record's `provenance` into the principal it names and the signature material, keeping
 * exactly the material's fields (and `expires` when present) so the logged evidence is what
 * `reverify` reads. Whatever part is readable is kept even when another part is not. Never throws.
 */
export function signedProvenanceOf(provenance: unknown): SignedProvenance {
  if (typeof provenance !== 'object' || provenance === null || Array.isArray(provenance)) {
    return { source: null, evidence: null, problem: 'the provenance is not an object' };
  }
  const { principal, ...material } = provenance as Record<string, unknown>;
  const source = principalOf(principal);
  const materialProblem = signatureMaterialShapeProblem(material);
  const expiresProblem = 'expires' in material && !Number.isSafeInteger(material.expires) ? 'expires is not an integer' : undefined;
  const problem = materialProblem ?? expiresProblem;
  const evidence = problem === undefined ? pickMaterial(material) : null;
  if (source === null) return { source, evidence, problem: 'the provenance names no well-formed principal' };
  return problem === undefined ? { source, evidence } : { source, evidence, problem: `the signature material is malformed: ${problem}` };
}

function principalOf(value: unknown): LoggedPrincipal | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, kind, country } = value as Record<string, unknown>;
  if (typeof id !== 'string' || id === '' || !(PRINCIPAL_KINDS as readonly unknown[]).includes(kind)) return null;
  if (country !== undefined && (typeof country !== 'string' || !COUNTRY.test(country))) return null;
  return { id, kind: kind as LoggedPrincipal['kind'], ...(country !== undefined && { country: country as string }) };
}

function pickMaterial(material: Record<string, unknown>): LoggedSignatureMaterial {
  const picked: Record<string, unknown> = {};
  for (const field of MATERIAL_FIELDS) picked[field] = material[field];
  if (material.expires !== undefined) picked.expires = material.expires;
  return picked as unknown as LoggedSignatureMaterial;
}
