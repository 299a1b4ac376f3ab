/**
 * The `@target-uri` (RFC 9421 §2.2.2) of a request sent to `url`, which is the URL to send it to as
 * well: scheme, then host and port as the Host field carries them, then path and query as the
 * request line carries them. Never a fragment: no client sends one, and the target URI has none
 * (RFC 9110 §7.1). Never an empty query: fetch (undici) sends `pathname + search`, which drops a
 * lone `?`, while curl keeps it; without one, both send what was signed. A signer that signs
 * `url.href` instead signs a URL it does not send, and the service refuses it.
 *
 * Throws `TypeError` for a URL with user info, which no request carries in its target (fetch
 * refuses such a URL too).
 */
export function targetUriToSend(url: URL): string {
  if (url.username !== '' || url.password !== '') throw new TypeError(`${url.protocol}//…@${url.host} carries user info, which a request target never does`);
  return `${url.protocol}//${url.host}${url.pathname}${url.search}`;
}
