import { parseKeyFile, serialiseKeyFile } from '@wildlife/signatures';
import type { CliIo } from '../../src/cli/cli-io.js';

export interface InMemoryCliIo extends CliIo {
  /** Files by path, as text. */
  readonly files: Map<string, string>;
  readonly out: () => string;
  readonly err: () => string;
  /** Each call the CLI made to fetch, with its body as text. */
  readonly sent: { url: string; method: string; headers: Record<string, string>; body?: string }[];
}

function fileNotFound(path: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT', path });
}

/**
 * The CLI's I/O held in memory: files in a map (key files through the real serialiser and parser),
 * stdout/stderr captured, stdin given, and fetch answered by `answer`.
 */
export function inMemoryCliIo(
  options: { stdin?: string; files?: Record<string, string>; answer?: (request: Request) => Response | Promise<Response> } = {},
): InMemoryCliIo {
  const files = new Map(Object.entries(options.files ?? {}));
  let out = '';
  let err = '';
  const sent: InMemoryCliIo['sent'] = [];
  const read = (path: string) => {
    const text = files.get(path);
    if (text === undefined) throw fileNotFound(path);
    return text;
  };
  return {
    files,
    sent,
    out: () => out,
    err: () => err,
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    readStdin: async () => new TextEncoder().encode(options.stdin ?? ''),
    readFile: async (path) => new TextEncoder().encode(read(path)),
    readKeyFile: async (path) => parseKeyFile(read(path)),
    writeKeyFile: async (path, key) => {
      if (files.has(path)) throw Object.assign(new Error(`EEXIST: file already exists, open '${path}'`), { code: 'EEXIST', path });
      files.set(path, serialiseKeyFile(key));
    },
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const body = request.body === null ? undefined : await request.clone().text();
      sent.push({ url: request.url, method: request.method, headers: Object.fromEntries(request.headers), body });
      if (options.answer === undefined) throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
      return options.answer(request);
    },
  };
}
