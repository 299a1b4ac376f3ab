import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { MAX_ID_LENGTH } from '@wildlife/contracts';
import { answerFrameworkError } from './problem.js';

/**
 * The longest path parameter a route takes; a longer one is a 414 problem. Path parameters are the
 * contracts' ids (`MAX_ID_LENGTH` code points: CloudEvent, record, principal ids), and find-my-way
 * measures a parameter after percent-decoding, in UTF-16 code units: up to two per code point. Its
 * default, 100, refused ids the contracts allow (`GET /v1/log/records/{recordId}` with a 101-character
 * CloudEvent id answered 414).
 */
export const MAX_ROUTE_PARAMETER_LENGTH = 2 * MAX_ID_LENGTH;

/** The media type of every request body a service takes; any other is a 415 problem. */
export const ACCEPTED_BODY_TYPE = 'application/json';

/**
 * The Fastify adapter of a service: body limit, path parameters up to `MAX_ROUTE_PARAMETER_LENGTH`,
 * Fastify's own answers as problems (those before any route, and 503 while closing: HttpClosing), and
 * none of Fastify's body parsers. Fastify's `text/plain` parser kept no raw bytes, so a signed
 * text/plain body reached the handler unchecked by any Content-Digest: `acceptJsonBodiesOnly` puts
 * back the one parser services need, which keeps them.
 */
export function serviceHttpAdapter(bodyLimitBytes: number): FastifyAdapter {
  const adapter = new FastifyAdapter({ bodyLimit: bodyLimitBytes, routerOptions: { maxParamLength: MAX_ROUTE_PARAMETER_LENGTH }, frameworkErrors: answerFrameworkError, return503OnClosing: false });
  adapter.getInstance().removeAllContentTypeParsers();
  return adapter;
}

/**
 * Parses `application/json` bodies and keeps their bytes as `rawBody`, the bytes the signed-request
 * guard checks against Content-Digest and records as signature material. The application must be
 * created with `rawBody: true` and `bodyParser: false` (Nest's defaults would add urlencoded).
 */
export function acceptJsonBodiesOnly(app: NestFastifyApplication): void {
  app.useBodyParser(ACCEPTED_BODY_TYPE);
}
