import { readServiceSettings } from '@wildlife/config';

export const SERVICE = { name: 'request-intake', defaultPort: 3001 } as const;

/** The one reader of process.env in this service: typed, validated, fails at boot naming the bad setting. */
export function loadRequestIntakeConfig(env: NodeJS.ProcessEnv = process.env) {
  return readServiceSettings(SERVICE, {}, env);
}

export type RequestIntakeConfig = ReturnType<typeof loadRequestIntakeConfig>;
