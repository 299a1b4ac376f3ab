import { CommandLineIsInvalid } from './command.errors.js';

/**
 * Runs a `node:util` `parseArgs` call and turns its refusals (unknown option, missing value, a value
 * that looks like an option) into `CommandLineIsInvalid` with parseArgs's first sentence, prefixed
 * with the command. Sentences end at a period followed by a space or a line break: parseArgs puts
 * its hints on lines of their own.
 */
export function parsedCommandLine<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    // Matched by code, not class: the error may come from another realm (a test VM, a bundler).
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      throw new CommandLineIsInvalid(`${command}: ${String((error as Error).message).split(/\.(?:\s|$)/)[0]}`);
    }
    throw error;
  }
}

/** The positionals, exactly as many as `names`; a missing one is named in the refusal. */
export function positionalsOf(command: string, positionals: readonly string[], names: readonly string[]): string[] {
  if (positionals.length < names.length) throw new CommandLineIsInvalid(`${command} needs ${names.slice(positionals.length).join(' ')}`);
  if (positionals.length > names.length) throw new CommandLineIsInvalid(`${command}: unexpected argument "${positionals[names.length]}"`);
  return [...positionals];
}

export function requiredOption(command: string, value: string | undefined, option: string): string {
  if (value === undefined || value === '') throw new CommandLineIsInvalid(`${command} needs ${option}`);
  return value;
}
