/** The command line asks for something the CLI does not offer, or leaves out what a command needs (exit 2). */
export class CommandLineIsInvalid extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandLineIsInvalid';
  }
}

/** A key file is missing, unreadable, or not a valid Ed25519 key file. */
export class KeyFileCannotBeRead extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`cannot use key file ${path}: ${reason}`);
    this.name = 'KeyFileCannotBeRead';
  }
}

/** keygen never replaces a key file: losing a registered private key locks its principal out. */
export class KeyFileWouldBeOverwritten extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists; a key file is never overwritten (choose another --out)`);
    this.name = 'KeyFileWouldBeOverwritten';
  }
}

export class KeyFileCannotBeWritten extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`cannot write key file ${path}: ${reason}`);
    this.name = 'KeyFileCannotBeWritten';
  }
}

export class BodyCannotBeRead extends Error {
  constructor(readonly source: string, readonly reason: string) {
    super(`cannot read the body from ${source}: ${reason}`);
    this.name = 'BodyCannotBeRead';
  }
}

/** The request never got an answer: connection refused, DNS failure, TLS error. */
export class ServiceCannotBeReached extends Error {
  constructor(readonly url: string, readonly reason: string) {
    super(`cannot reach ${url}: ${reason}`);
    this.name = 'ServiceCannotBeReached';
  }
}

/**
 * A short reason for a failed I/O call: the errno code for file-system and socket errors (also when
 * wrapped as fetch's `cause`), else the error's message.
 */
export function reasonOf(error: unknown): string {
  const cause = (error as { cause?: unknown } | null)?.cause;
  const code = (error as { code?: unknown } | null)?.code ?? (cause as { code?: unknown } | null)?.code;
  const known: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EISDIR: 'is a directory',
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
  };
  if (typeof code === 'string') return known[code] ?? code;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}
