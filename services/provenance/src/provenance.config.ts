import { readServiceSettings } from '@wildlife/config';

export const SERVICE = { name: 'provenance', defaultPort: 3003 } as const;

/** The one reader of process.env in this service: typed, validated, fails at boot naming the bad setting. */
export function loadProvenanceConfig(env: NodeJS.ProcessEnv = process.env) {
  return readServiceSettings(SERVICE, {}, env);
}

export type ProvenanceConfig = ReturnType<typeof loadProvenanceConfig>;
