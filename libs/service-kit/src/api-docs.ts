import { DocumentBuilder, getSchemaPath, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PROBLEM_CONTENT_TYPE } from './problem.js';
import { FieldProblemResponse, ProblemResponse } from './problem.response.js';

/** Serves the service's OpenAPI 3 document at /openapi.json and a browsable UI at /docs. */
export function serveApiDocs(app: NestFastifyApplication, service: { name: string; description?: string; version?: string }): void {
  const config = new DocumentBuilder()
    .setTitle(service.name)
    .setDescription(service.description ?? `The ${service.name} service.`)
    .setVersion(service.version ?? '1')
    .build();
  const document = withProblemResponses(SwaggerModule.createDocument(app, config, { extraModels: [ProblemResponse, FieldProblemResponse] }));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

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
