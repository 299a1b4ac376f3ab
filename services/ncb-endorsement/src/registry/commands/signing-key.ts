import { resolveKey, type RegistryState } from '@wildlife/registry';
import { keyRefusalProblem, type SignedRequestContext } from '@wildlife/service-kit';

/**
 * Returns when the key that signed a registry command is, in the registry the command is decided on,
 * the signer's own and valid at `at` (the decision's time); throws the guard's 401 for that key
 * refusal otherwise (`key_rotated_out`, `key_revoked`, …). The guard checked the key against this
 * service's copy of the registry, fed from Kafka, which learns of a rotation or revocation only once
 * its fact has gone round through the topic: until then a key just rotated out, or revoked (even as
 * compromised), still passes there. The `registry` stream is the authority, so the key is checked
 * again on it at every decision.
 */
export function assertSigningKeyStands(state: RegistryState, { principal, material }: SignedRequestContext, at: string): void {
  const resolved = resolveKey(state, material.keyId, at);
  if ('refused' in resolved) throw keyRefusalProblem(resolved.refused);
  if (resolved.principal.id !== principal.id) throw keyRefusalProblem('key_unknown');
}
