import { isIPv6 } from 'node:net';
import type { PublicOrigin } from '@wildlife/config';
import type { FastifyRequest } from 'fastify';
import { ProblemError } from '../problem.js';

// RFC 3986 §3.2.2: host = IP-literal / IPv4address / reg-name (IPv4address is a reg-name too), then
// an optional port (§3.2.3). No userinfo: HTTP has none in Host (RFC 9110 §7.2).
const REG_NAME = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})+$/;
const IP_FUTURE = /^v[0-9A-Fa-f]+\.[A-Za-z0-9\-._~!$&'()*+,;=:]+$/i;
const PORT = /^[0-9]*$/;

/**
 * True for a Host field value that is `host[:port]` as RFC 3986 writes it: a non-empty reg-name or
 * IPv4 address, or an IPv6 / IPvFuture literal in brackets; a port of digits only. Nothing else:
 * none of `/ ? # @ \`, no whitespace, so the value cannot end the authority early and carry a path.
 */
export function isHostAndPort(value: string): boolean {
  const literal = value.startsWith('[');
  const hostEnd = literal ? value.indexOf(']') + 1 : portColonOf(value);
  if (hostEnd <= 0) return false;
  const port = value.slice(hostEnd);
  if (port !== '' && !(port.startsWith(':') && PORT.test(port.slice(1)))) return false;
  const host = value.slice(0, hostEnd);
  if (!literal) return REG_NAME.test(host);
  const inside = host.slice(1, -1);
  return isIPv6(inside) || IP_FUTURE.test(inside);
}

/** Where the port of a host that is not a literal begins: its last colon, or the end. */
function portColonOf(value: string): number {
  const colon = value.lastIndexOf(':');
  return colon < 0 ? value.length : colon;
}

/**
 * The absolute target URI a signed request is verified against: its scheme, its Host field, then its
 * request target verbatim, which is what Fastify routes (path) and parses (query). It holds the
 * routed path and query exactly, and nothing else can be read as them, because both parts are
 * checked first: a Host field that is not `host[:port]` (`isHostAndPort`), or absent, is a 400
 * `host-invalid`; a request target that is not origin-form (`/path?query`, RFC 9112 §3.2.1: no
 * fragment, not absolute-form, not `*`) is a 400 `request-target-invalid`. Without the Host check,
 * `Host: h/v1/echo?next=` moved a request signed for `http://h/v1/echo?next=/v1/echo/other` to the
 * route `/v1/echo/other` (found by review).
 *
 * With `publicOrigins` (PUBLIC_ORIGINS), the Host must be one of theirs (compared as URL compares
 * hosts: case-insensitive, a default port the same as none), else 421 `misdirected-request`: a
 * request signed for another deployment that trusts the same keys (a staging service) is not
 * verified here with its own Host. The scheme is then the origin's, so a service behind a
 * TLS-terminating proxy verifies the `https:` URI its clients signed; when a host has both schemes,
 * the connection's own is taken. Without them, any well-formed Host, with the connection's scheme.
 */
export function verifiedTargetUriOf(request: FastifyRequest, publicOrigins?: readonly PublicOrigin[]): string {
  const host = request.headers.host;
  if (host === undefined || !isHostAndPort(host)) {
    throw new ProblemError(400, 'host-invalid', 'Bad Request', 'The Host field must be host[:port] (RFC 3986): the signed target URI is built from it.');
  }
  if (!request.url.startsWith('/') || request.url.includes('#')) {
    throw new ProblemError(400, 'request-target-invalid', 'Bad Request', 'The request target must be a path with an optional query, as its signature covers it.');
  }
  return `${schemeFor(request, host, publicOrigins)}//${host}${request.url}`;
}

function schemeFor(request: FastifyRequest, host: string, publicOrigins: readonly PublicOrigin[] | undefined): string {
  const connection = `${request.protocol}:`;
  if (publicOrigins === undefined) return connection;
  const served = publicOrigins.filter((origin) => sameHost(origin, host));
  if (served.length === 0) {
    throw new ProblemError(421, 'misdirected-request', 'Misdirected Request', `This service answers signed requests for ${publicOrigins.map((o) => `${o.protocol}//${o.host}`).join(', ')} only, not for the Host "${host}".`);
  }
  return (served.find((origin) => origin.protocol === connection) ?? served[0]!).protocol;
}

function sameHost(origin: PublicOrigin, host: string): boolean {
  try {
    return new URL(`${origin.protocol}//${host}`).host === origin.host;
  } catch {
    return false;
  }
}
