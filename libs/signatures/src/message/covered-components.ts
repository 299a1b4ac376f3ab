import { fieldValue, type HttpRequestView } from './http-request.js';

/** Derived components (RFC 9421 §2.2) this library evaluates; others are refused as unsupported. */
export const DERIVED_COMPONENTS = ['@method', '@target-uri', '@authority', '@scheme', '@path', '@query', '@request-target'] as const;

const DERIVED = new Set<string>(DERIVED_COMPONENTS);
const LOWER_CASE_FIELD_NAME = /^[a-z0-9!#$%&'*+\-.^_`|~]+$/;

/** A covered component whose value the request cannot provide, so no signature base exists for it. */
export class CoveredComponentIsUnavailable extends Error {
  constructor(
    readonly component: string,
    readonly reason: string,
  ) {
    super(`Covered component "${component}" is unavailable: ${reason}`);
    this.name = 'CoveredComponentIsUnavailable';
  }
}

/** True for a supported derived component or a lower-case field name. */
export function isSupportedComponentName(name: string): boolean {
  return DERIVED.has(name) || LOWER_CASE_FIELD_NAME.test(name);
}

/**
 * The value of one covered component for this request, as it goes into the signature base.
 * Throws `CoveredComponentIsUnavailable` for an absent field, an unparsable URL, an unsupported
 * name, or a value holding a line break (which could forge extra lines of the base).
 */
export function componentValue(name: string, request: HttpRequestView, parsedUrl: () => URL | undefined): string {
  const value = rawComponentValue(name, request, parsedUrl);
  if (/[\r\n]/.test(value)) throw new CoveredComponentIsUnavailable(name, 'the value holds a line break');
  return value;
}

function rawComponentValue(name: string, request: HttpRequestView, parsedUrl: () => URL | undefined): string {
  if (name === '@method') return request.method;
  if (name === '@target-uri') {
    // Verbatim: what the signer sent, not a normalised form; but only an absolute URL is a target URI.
    if (!URL.canParse(request.url)) throw new CoveredComponentIsUnavailable(name, 'the request URL is not an absolute URL');
    return request.url;
  }
  if (!name.startsWith('@')) {
    if (!LOWER_CASE_FIELD_NAME.test(name)) throw new CoveredComponentIsUnavailable(name, 'not a lower-case field name');
    const value = fieldValue(request.headers, name);
    if (value === undefined) throw new CoveredComponentIsUnavailable(name, 'the request has no such header field');
    return value;
  }
  const url = parsedUrl();
  if (url === undefined) throw new CoveredComponentIsUnavailable(name, 'the request URL is not an absolute URL');
  switch (name) {
    case '@authority':
      return url.host;
    case '@scheme':
      return url.protocol.slice(0, -1);
    case '@path':
      return url.pathname || '/';
    case '@query':
      return url.search || '?';
    case '@request-target':
      return (url.pathname || '/') + url.search;
    default:
      throw new CoveredComponentIsUnavailable(name, 'unsupported derived component');
  }
}
