import { fileURLToPath } from 'node:url';
import { integer, readServiceSettings, text } from '@wildlife/config';

export const SERVICE = { name: 'provenance', defaultPort: 3003 } as const;

/**
 * The development default, `.local/provenance/` at the repository root (found from this file's
 * place, src/ or dist/): the log key is generated there on first start if missing, and kept.
 */
export const DEV_LOG_KEY_FILE = fileURLToPath(new URL('../../../.local/provenance/log-note.key', import.meta.url));

/** The one reader of process.env in this service: typed, validated, fails at boot naming the bad setting. */
export function loadProvenanceConfig(env: NodeJS.ProcessEnv = process.env) {
  return readServiceSettings(
    SERVICE,
    {
      // The checkpoints' origin line and the note key's name (C2SP: printable, no spaces or '+').
      PROVENANCE_LOG_ORIGIN: text(/^[!-*,-~]{1,200}$/, 'a note key name: printable ASCII without spaces or "+"', {
        default: 'wildlife.example/provenance-log',
      }),
      // The note signer key (`PRIVATE+KEY+<origin>+…`). Only the development default is generated when missing.
      PROVENANCE_LOG_KEY_FILE: text(/^.+$/, 'a file path', { default: DEV_LOG_KEY_FILE }),
      // How often the log checks that its latest checkpoint covers every entry (the design asks ≤ 5 s).
      PROVENANCE_CHECKPOINT_INTERVAL_MS: integer(100, 5_000, { default: 1_000 }),
      // Most records one log transaction takes.
      PROVENANCE_APPEND_BATCH_SIZE: integer(1, 1_000, { default: 200 }),
    },
    env,
  );
}

export type ProvenanceConfig = ReturnType<typeof loadProvenanceConfig>;
