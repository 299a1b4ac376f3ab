import type { PrincipalDirectory } from '@wildlife/service-kit';

/**
 * The name the registry holds for an external source, or undefined when `principalId` is not a
 * registered external source. The directory's principal carries `name` when the registry has one
 * (the registry's `Principal` does); a source registered without one is named by its id.
 */
export function registeredSourceNameOf(directory: PrincipalDirectory, principalId: string): string | undefined {
  const found = directory.principal(principalId) as { kind: string; name?: unknown } | undefined;
  if (found?.kind !== 'external-source') return undefined;
  return typeof found.name === 'string' && found.name.length > 0 ? found.name : principalId;
}
