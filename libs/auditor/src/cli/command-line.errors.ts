/** The command line asks for something the CLI does not offer, or leaves out what it needs (exit 2). */
export class CommandLineIsInvalid extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandLineIsInvalid';
  }
}

/** Runs a `node:util` `parseArgs` call, turning its refusals into `CommandLineIsInvalid`. */
export function parsedCommandLine<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      throw new CommandLineIsInvalid(`${command}: ${String((error as Error).message).split('. ')[0]}`);
    }
    throw error;
  }
}

export function required(command: string, value: string | undefined, option: string): string {
  if (value === undefined || value === '') throw new CommandLineIsInvalid(`${command} needs ${option}`);
  return value;
}
