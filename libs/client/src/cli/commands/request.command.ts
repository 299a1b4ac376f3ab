import { STATUS_CODES } from 'node:http';
import { isRedirect } from '../../sdk/api-transport.js';
import { problemOf, WildlifeApiError } from '../../sdk/wildlife-api-error.js';
import { RedirectIsNotFollowed } from '../../sdk/wildlife-call.errors.js';
import { failureLine, type CliIo } from '../cli-io.js';
import { ServiceCannotBeReached, reasonOf } from '../command.errors.js';
import { readRequestToSign, signatureFieldsFor } from '../signed-request-line.js';

const ACCEPT = 'application/json, application/problem+json;q=0.9, */*;q=0.5';

/**
 * `wildlife request <METHOD> <URL> --key <file> [--body <file>|-] [--header name:value]...`: signs
 * and sends the request, then prints the status line and the answer (JSON pretty-printed) on stdout.
 * Returns 1 for an answer outside 2xx, after one line on stderr describing the problem it carries.
 * A redirect is such an answer: following it would resend the signature and its nonce elsewhere.
 */
export async function request(args: readonly string[], io: CliIo): Promise<number> {
  const toSend = await readRequestToSign('request', args, io);
  const headers = { accept: ACCEPT, ...toSend.headers, ...signatureFieldsFor(toSend) };
  let response: Response;
  let text: string;
  try {
    response = await io.fetch(toSend.url, { method: toSend.method, headers, body: toSend.body, redirect: 'manual' });
    text = await response.text();
  } catch (error) {
    throw new ServiceCannotBeReached(toSend.url, reasonOf(error));
  }

  // HTTP/2 and some servers send no reason phrase; the standard one reads better than none.
  const statusText = response.statusText || STATUS_CODES[response.status] || '';
  io.stdout(`${response.status} ${statusText}\n${printable(text, response.headers.get('content-type'))}`);
  if (response.ok) return 0;
  const failure = isRedirect(response)
    ? new RedirectIsNotFollowed(toSend.url, response.status, response.headers.get('location') ?? undefined)
    : new WildlifeApiError(problemOf(response.status, statusText, text));
  io.stderr(failureLine(failure.message));
  return 1;
}

function printable(text: string, contentType: string | null): string {
  if (text === '') return '';
  if (/[/+]json\b/i.test(contentType ?? '')) {
    try {
      return `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
    } catch {
      // Not the JSON it claims to be: show it as sent.
    }
  }
  return text.endsWith('\n') ? text : `${text}\n`;
}
