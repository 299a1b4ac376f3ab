import { readServiceSettings } from '@wildlife/config';

export const SERVICE = { name: 'intelligence-dissemination', defaultPort: 3004 } as const;

/** The one reader of process.env in this service: typed, validated, fails at boot naming the bad setting. */
export function loadIntelligenceDisseminationConfig(env: NodeJS.ProcessEnv = process.env) {
  return readServiceSettings(SERVICE, {}, env);
}

export type IntelligenceDisseminationConfig = ReturnType<typeof loadIntelligenceDisseminationConfig>;
