import { readServiceSettings, text } from '@wildlife/config';

export const SERVICE = { name: 'ncb-endorsement', defaultPort: 3002 } as const;

/** The one reader of process.env in this service: typed, validated, fails at boot naming the bad setting. */
export function loadNcbEndorsementConfig(env: NodeJS.ProcessEnv = process.env) {
  return readServiceSettings(
    SERVICE,
    {
      // The GS team an endorsement opens direct contact with (notification 1.1): its principal id.
      DIRECT_CONTACT_GS_TEAM: text(/^[a-z0-9][a-z0-9-]{0,199}$/, 'a registered principal id (lower-case letters, digits, dashes)', {
        default: 'gs',
      }),
    },
    env,
  );
}

export type NcbEndorsementConfig = ReturnType<typeof loadNcbEndorsementConfig>;
