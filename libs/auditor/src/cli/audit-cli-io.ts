/** What the CLI touches outside itself, so `main` runs in-process in tests and on the real process in `bin/audit.mjs`. */
export interface AuditCliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly fetch: typeof globalThis.fetch;
  /** Default state file when --state is not given. */
  readonly defaultStatePath: string;
}
