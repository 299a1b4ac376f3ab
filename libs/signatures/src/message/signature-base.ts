import { Buffer } from 'node:buffer';
import { componentValue } from './covered-components.js';
import type { HttpRequestView } from './http-request.js';

export interface SignatureBase {
  /** The exact bytes that are signed (UTF-8 of the lines below, joined by "\n", no trailing newline). */
  readonly bytes: Buffer;
  readonly text: string;
  /** Component name → the value used for it in the base, in covered order. */
  readonly componentValues: Readonly<Record<string, string>>;
}

/**
 * Builds the RFC 9421 §2.5 signature base: one `"name": value` line per covered component in order,
 * then `"@signature-params": <serialisedParams>`. `serialisedParams` must be the serialisation of the
 * signature's inner list with its parameters. Throws `CoveredComponentIsUnavailable` when a
 * component has no value in this request.
 */
export function buildSignatureBase(
  request: HttpRequestView,
  components: readonly string[],
  serialisedParams: string,
): SignatureBase {
  let url: URL | undefined | null = null;
  const parsedUrl = (): URL | undefined => {
    if (url === null) url = URL.canParse(request.url) ? new URL(request.url) : undefined;
    return url;
  };
  // No prototype: a field named "__proto__" must stay an ordinary entry.
  const componentValues: Record<string, string> = Object.create(null);
  let text = '';
  for (const name of components) {
    const value = componentValue(name, request, parsedUrl);
    componentValues[name] = value;
    text += `"${name}": ${value}\n`;
  }
  text += `"@signature-params": ${serialisedParams}`;
  return { bytes: Buffer.from(text, 'utf8'), text, componentValues };
}
