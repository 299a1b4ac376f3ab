import { readServiceSettings } from '@wildlife/config';

export const SERVICE = { name: 'ncb-endorsement', defaultPort: 3002 } as const;

/** The one reader of process.env in this service: typed, validated, fails at boot naming the bad setting. */
export function loadNcbEndorsementConfig(env: NodeJS.ProcessEnv = process.env) {
  return readServiceSettings(SERVICE, {}, env);
}

export type NcbEndorsementConfig = ReturnType<typeof loadNcbEndorsementConfig>;
