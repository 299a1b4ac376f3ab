import { parseArgs } from 'node:util';
import { signRequest, targetUriToSend, type LoadedSigningKey, type SignatureFields } from '@wildlife/signatures';
import type { CliIo } from './cli-io.js';
import { parsedCommandLine, positionalsOf, requiredOption } from './command-line.js';
import { BodyCannotBeRead, CommandLineIsInvalid, reasonOf } from './command.errors.js';
import { loadSigningKey } from './signing-key.js';

/** A request as `sign` and `request` take it from their command line, with the key to sign it. */
export interface RequestToSign {
  readonly method: string;
  readonly url: string;
  /** Lower-case names; includes the content-type defaulted for a body. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Uint8Array;
  /** Header fields the command line did not give but the request must carry. */
  readonly addedHeaders: Readonly<Record<string, string>>;
  readonly key: LoadedSigningKey;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export interface RequestLineRules {
  /**
   * Refuse a URL that is not already in the form the signature covers (`targetUriToSend`: normalised
   * as `new URL(text)` does, without a fragment or an empty query). For `sign`, whose request another
   * tool sends with the URL as typed (the Host and the target as given), so a server verifies against
   * that form, not the normalised one. `request` signs and sends that form itself and needs no such rule.
   */
  readonly urlAsSigned?: boolean;
}

/**
 * Reads `<METHOD> <URL> --key <file> [--body <file>|-] [--header name:value]...`. A body is
 * `application/json` unless a content-type header is given; GET and HEAD take no body. Refusals of
 * the command line throw `CommandLineIsInvalid`; unreadable files throw their own errors.
 */
export async function readRequestToSign(command: string, args: readonly string[], io: CliIo, rules: RequestLineRules = {}): Promise<RequestToSign> {
  const { values, positionals } = parsedCommandLine(command, () =>
    parseArgs({
      args: [...args],
      options: {
        key: { type: 'string', short: 'k' },
        body: { type: 'string', short: 'd' },
        header: { type: 'string', short: 'H', multiple: true },
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  const [methodArgument, urlArgument] = positionalsOf(command, positionals, ['<METHOD>', '<URL>']);
  const method = methodOf(command, methodArgument!);
  const url = absoluteUrlOf(command, urlArgument!, rules);
  const keyPath = requiredOption(command, values.key, '--key <file>');
  const headers = headersOf(command, values.header ?? []);
  if (values.body !== undefined && (method === 'GET' || method === 'HEAD')) {
    throw new CommandLineIsInvalid(`${command}: a ${method} request takes no --body`);
  }

  const key = await loadSigningKey(io, keyPath);
  const body = values.body === undefined ? undefined : await readBody(io, values.body);
  const addedHeaders: Record<string, string> = body !== undefined && headers['content-type'] === undefined ? { 'content-type': 'application/json' } : {};
  return { method, url, headers: { ...headers, ...addedHeaders }, body, addedHeaders, key };
}

/** The fields that sign `request` now (RFC 9421; Content-Digest when it has a body). */
export function signatureFieldsFor(request: RequestToSign): SignatureFields {
  return signRequest({ method: request.method, url: request.url, headers: request.headers, body: request.body }, request.key);
}

function methodOf(command: string, text: string): string {
  if (!/^[A-Za-z]+$/.test(text)) throw new CommandLineIsInvalid(`${command}: "${text}" is not an HTTP method`);
  return text.toUpperCase();
}

function absoluteUrlOf(command: string, text: string, { urlAsSigned = false }: RequestLineRules): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CommandLineIsInvalid(`${command}: "${text}" is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CommandLineIsInvalid(`${command}: "${text}" is not an http(s) URL`);
  if (url.username !== '' || url.password !== '') throw new CommandLineIsInvalid(`${command}: "${text}" carries user info, which a signed request never sends`);
  // The signature covers the URL exactly as it will be sent: normalised, no fragment, no empty query.
  const target = targetUriToSend(url);
  if (urlAsSigned && target !== text) {
    throw new CommandLineIsInvalid(`${command}: the URL would be signed as ${target}, not as given; give it in that form, the one the request must be sent with`);
  }
  return target;
}

function headersOf(command: string, lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, Math.max(colon, 0)).trim().toLowerCase();
    if (colon < 0 || !TOKEN.test(name)) throw new CommandLineIsInvalid(`${command}: --header "${line}" is not "name: value"`);
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return headers;
}

async function readBody(io: CliIo, source: string): Promise<Uint8Array> {
  try {
    return source === '-' ? await io.readStdin() : await io.readFile(source);
  } catch (error) {
    throw new BodyCannotBeRead(source === '-' ? 'standard input' : source, reasonOf(error));
  }
}
