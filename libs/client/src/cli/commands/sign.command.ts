import type { CliIo } from '../cli-io.js';
import { readRequestToSign, signatureFieldsFor } from '../signed-request-line.js';

/**
 * `wildlife sign <METHOD> <URL> --key <file> [--body <file>|-] [--header name:value]...`: prints the
 * header fields to add to the request, one `name: value` per line (for `curl -H`). The request must
 * then be sent with exactly this method, URL, body and content-type, within the services' time window.
 * A URL not in its normalised form (an upper-case host, a character fetch would percent-encode) is
 * refused, naming that form: another tool sends it as typed, which would not verify.
 */
export async function sign(args: readonly string[], io: CliIo): Promise<number> {
  const request = await readRequestToSign('sign', args, io, { urlAsSigned: true });
  const { 'content-digest': digest, 'signature-input': input, signature } = signatureFieldsFor(request);
  const fields: [string, string | undefined][] = [
    ...Object.entries(request.addedHeaders),
    ['content-digest', digest],
    ['signature-input', input],
    ['signature', signature],
  ];
  io.stdout(fields.map(([name, value]) => (value === undefined ? '' : `${name}: ${value}\n`)).join(''));
  return 0;
}
