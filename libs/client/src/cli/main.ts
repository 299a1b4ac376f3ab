import { failureLine, type CliIo } from './cli-io.js';
import { CommandLineIsInvalid } from './command.errors.js';
import { keygen } from './commands/keygen.command.js';
import { pubkey } from './commands/pubkey.command.js';
import { request } from './commands/request.command.js';
import { sign } from './commands/sign.command.js';
import { USAGE } from './usage.js';

export type { CliIo } from './cli-io.js';
export { processIo } from './process-io.js';

const COMMANDS: Readonly<Record<string, (args: readonly string[], io: CliIo) => Promise<number>>> = { keygen, pubkey, sign, request };

/**
 * The `wildlife` CLI. Resolves to the exit status: 0 done, 1 failed (one line on stderr; for
 * `request`, also an answer outside 2xx), 2 invalid command line (one line on stderr). Never rejects.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined) {
    io.stderr(USAGE);
    return 2;
  }
  const options = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (command === 'help' || command === '--help' || command === '-h' || options.includes('--help') || options.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  try {
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (run === undefined) throw new CommandLineIsInvalid(`unknown command "${command}"`);
    return await run(args, io);
  } catch (error) {
    if (error instanceof CommandLineIsInvalid) {
      io.stderr(failureLine(`${error.message} (see wildlife --help)`));
      return 2;
    }
    io.stderr(failureLine(error instanceof Error ? error.message : String(error)));
    return 1;
  }
}
