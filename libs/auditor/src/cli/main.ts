import { LogSourceFailed } from '../sources/log-source.js';
import { AuditStateIsUnreadable } from '../state/audit-state.js';
import { AuditStateIsLocked, defaultAuditStatePath } from '../state/audit-state.io.js';
import type { AuditCliIo } from './audit-cli-io.js';
import { CommandLineIsInvalid } from './command-line.errors.js';
import { exportLog } from './export.command.js';
import { AuditorKeyIsUnreadable } from './source-options.js';
import { USAGE } from './usage.js';
import { StateMovedDuringAudit, verify } from './verify.command.js';

export type { AuditCliIo } from './audit-cli-io.js';

const COMMANDS: Readonly<Record<string, (args: readonly string[], io: AuditCliIo) => Promise<number>>> = { verify, export: exportLog };

/**
 * The `audit` CLI. Resolves to the exit status: 0 verified or exported; 1 the log failed the audit;
 * 2 invalid command line; 3 the audit could not run (unreadable source, trust roots, key or state
 * file). Writes one line on stdout (success) or stderr (anything else). Never rejects.
 */
export async function main(argv: readonly string[], io: AuditCliIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h' || args.includes('--help')) {
    (command === undefined ? io.stderr : io.stdout)(USAGE);
    return command === undefined ? 2 : 0;
  }
  try {
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (run === undefined) throw new CommandLineIsInvalid(`unknown command "${command}"`);
    return await run(args, io);
  } catch (error) {
    if (error instanceof CommandLineIsInvalid) {
      io.stderr(`audit: ${error.message} (see audit --help)\n`);
      return 2;
    }
    io.stderr(`audit: cannot ${command === 'export' ? 'export' : 'audit'}: ${reasonOf(error)}\n`);
    return 3;
  }
}

/** The errors whose message says all (what could not be read, and where); others keep their name. */
const SELF_EXPLAINING: readonly (abstract new (...args: never[]) => Error)[] = [
  LogSourceFailed,
  AuditStateIsUnreadable,
  AuditStateIsLocked,
  StateMovedDuringAudit,
  AuditorKeyIsUnreadable,
];

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return SELF_EXPLAINING.some((type) => error instanceof type) ? error.message : `${error.name}: ${error.message}`;
}

/** The CLI's I/O on the running process. */
export function processIo(): AuditCliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    fetch: (input, init) => globalThis.fetch(input, init),
    defaultStatePath: defaultAuditStatePath(),
  };
}
