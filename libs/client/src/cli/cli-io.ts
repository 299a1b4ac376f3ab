import type { LoadedSigningKey, SigningKeyToStore } from '@wildlife/signatures';

/**
 * The one line on stderr the CLI promises for a failure: `wildlife: <message>`, any line break in the
 * message (a service's problem detail, an HTML error page) folded into a space.
 */
export function failureLine(message: string): string {
  return `wildlife: ${message.replace(/\s*[\r\n]+\s*/g, ' ').trim()}\n`;
}

/**
 * Everything the CLI touches outside itself, so `main` runs in-process in tests and against the real
 * process in `bin/wildlife.mjs`.
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<Uint8Array>;
  readonly readFile: (path: string) => Promise<Uint8Array>;
  readonly readKeyFile: (path: string) => Promise<LoadedSigningKey>;
  /** Must refuse to replace an existing file and leave the new one readable by its owner only. */
  readonly writeKeyFile: (path: string, key: SigningKeyToStore) => Promise<void>;
  readonly fetch: typeof globalThis.fetch;
}
