import { DocumentBuilder, getSchemaPath, SwaggerModule, type OpenAPIObject, type OperationObject, type ParameterObject, type ResponseObject } from '@nestjs/swagger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HEADERS_COVERED_WHEN_PRESENT } from '@wildlife/signatures';
import { ACCEPTED_BODY_TYPE, MAX_ROUTE_PARAMETER_LENGTH } from './http-adapter.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';
import { FieldProblemResponse, ProblemResponse } from './problem.response.js';

/**
 * The OpenAPI extension `@PublicRoute()` puts on each operation it marks: the route answers without a
 * signature. Every other operation is behind the signed-request guard (`withKitResponses`).
 */
export const PUBLIC_ROUTE_EXTENSION = 'x-public-route';

/**
 * Serves the service's OpenAPI 3 document at /openapi.json and /openapi.yaml, and a browsable UI of
 * it at /docs. `bodyLimitBytes` is the service's body limit (its 413).
 */
export function serveApiDocs(app: NestFastifyApplication, service: { name: string; description?: string; version?: string; bodyLimitBytes: number }): void {
  const config = new DocumentBuilder()
    .setTitle(service.name)
    .setDescription(service.description ?? `The ${service.name} service.`)
    .setVersion(service.version ?? '1')
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemResponse, FieldProblemResponse] });
  withProblemResponses(withKitResponses(document, { bodyLimitBytes: service.bodyLimitBytes }));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const METHODS_WITH_BODY = new Set<string>(['put', 'post', 'patch']);

/** `262144` as `256 KiB (262,144 bytes)`. */
export function bodyLimitText(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-GB')} bytes`;
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB (${exact})`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB (${exact})`;
  return exact;
}

/** The RFC 9421 headers of a signed request, as every signed route documents them. */
export function signedRequestHeaders(options: { withBody: boolean }): ParameterObject[] {
  const coveredWhenSent = HEADERS_COVERED_WHEN_PRESENT.map((name) => `\`${name}\``).join(' and ');
  return [
    {
      name: 'Signature-Input',
      in: 'header',
      required: true,
      schema: { type: 'string' },
      description:
        `RFC 9421: covers at least @method, @target-uri${options.withBody ? ', content-digest' : ''}, and ${coveredWhenSent} whenever the request sends them ` +
        '(a request that sends one its signature does not cover is refused with 401); with created, keyid, alg="ed25519" and a nonce',
    },
    { name: 'Signature', in: 'header', required: true, schema: { type: 'string' }, description: 'RFC 9421 Ed25519 signature by a key registered to the caller' },
    ...(options.withBody
      ? [{ name: 'Content-Digest', in: 'header' as const, required: true, schema: { type: 'string' }, description: 'RFC 9530 sha-256 digest of the body' }]
      : []),
  ];
}

const SIGNATURE_HEADERS = new Set(['signature-input', 'signature', 'content-digest']);

/**
 * What the kit answers on a route before or around its handler, by what the route has:
 * - signed (no `@PublicRoute()`): the RFC 9421 headers (`signedRequestHeaders`); 401 for a signature
 *   missing or refused (unless the route says more); 400 for a Host field or request target the
 *   signed target URI cannot be built from (`host-invalid`, `request-target-invalid`, see
 *   `verifiedTargetUriOf`) and for signature material no record could keep (`signature-material-unrecordable`);
 *   421 for a Host none of PUBLIC_ORIGINS has, when they are set;
 * - a body (a request body, or POST/PUT/PATCH): 413 over `bodyLimitBytes`, 415 for a body that is
 *   not application/json;
 * - path parameters: 414 for one over `MAX_ROUTE_PARAMETER_LENGTH` UTF-16 code units.
 * A status the route documents already keeps its text, the kit's added after it. One place, so no
 * route can leave them out.
 */
export function withKitResponses(document: OpenAPIObject, options: { bodyLimitBytes: number }): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = path[method] as (OperationObject & Record<string, unknown>) | undefined;
      if (operation === undefined) continue;
      const signed = operation[PUBLIC_ROUTE_EXTENSION] !== true;
      const withBody = operation.requestBody !== undefined || METHODS_WITH_BODY.has(method);
      const parameters = (operation.parameters ?? []) as ParameterObject[];
      const withPathParameters = parameters.some((parameter) => parameter.in === 'path');
      if (signed) {
        operation.parameters = [
          ...signedRequestHeaders({ withBody }),
          ...parameters.filter((parameter) => !(parameter.in === 'header' && SIGNATURE_HEADERS.has(parameter.name.toLowerCase()))),
        ];
        addResponse(
          operation,
          400,
          'before the route: a Host field that is not host[:port] (`host-invalid`) or a request target that is not a path with an optional query (`request-target-invalid`), ' +
            'which the signed target URI is built from; or signature material a record cannot keep as its provenance (`signature-material-unrecordable`: e.g. a query string, label or covered header too long; `errors` says where)',
        );
        addResponse(operation, 421, 'A Host that none of the origins the service is configured to answer for (`PUBLIC_ORIGINS`, when set) has (`misdirected-request`): a request signed for another deployment');
        if (operation.responses['401'] === undefined) {
          addResponse(operation, 401, 'The signature was missing or refused (unknown, revoked or rotated-out key, stale, expired or expiring before it was created (`expires_before_created`), replayed nonce, digest mismatch, a sent If-Match or Idempotency-Key it does not cover); `check` names the failed check');
        }
      }
      if (withBody) {
        addResponse(operation, 413, `A body over ${bodyLimitText(options.bodyLimitBytes)} (\`payload-too-large\`)`);
        addResponse(operation, 415, `A body that is not ${ACCEPTED_BODY_TYPE} (\`unsupported-media-type\`)${signed ? ': the bytes a signature’s Content-Digest is checked against' : ''}`);
      }
      if (withPathParameters) {
        addResponse(operation, 414, `A path parameter over ${MAX_ROUTE_PARAMETER_LENGTH} UTF-16 code units once percent-decoded (\`uri-too-long\`)`);
      }
    }
  }
  return document;
}

function addResponse(operation: OperationObject, status: number, description: string): void {
  const own = operation.responses[String(status)];
  if (own === undefined) {
    operation.responses[String(status)] = { description: description[0]!.toUpperCase() + description.slice(1) };
  } else if (!('$ref' in own)) {
    (own as ResponseObject).description = `${own.description}; or ${description[0]!.toLowerCase() + description.slice(1)}`;
  }
}

/**
 * Documents every error response (4xx, 5xx) as what `ProblemFilter` sends: `application/problem+json`.
 * A route that named a schema for it (`type:` on `@ApiResponse`, e.g. a subclass of ProblemResponse
 * with the route's own extension members) keeps that schema under the problem media type; any other
 * gets `ProblemResponse`. One place, so no route can document an error as plain JSON or leave it
 * without a schema.
 */
export function withProblemResponses(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      for (const [status, response] of Object.entries(path[method]?.responses ?? {})) {
        if (response === undefined || !/^[45]/.test(status) || '$ref' in response) continue;
        const named = response.content && Object.values(response.content).find((media) => media.schema !== undefined)?.schema;
        response.content = { [PROBLEM_CONTENT_TYPE]: { schema: named ?? { $ref: getSchemaPath(ProblemResponse) } } };
      }
    }
  }
  return document;
}
