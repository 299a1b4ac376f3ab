import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Serves the service's OpenAPI 3 document at /openapi.json and a browsable UI at /docs. */
export function serveApiDocs(app: NestFastifyApplication, service: { name: string; description?: string; version?: string }): void {
  const config = new DocumentBuilder()
    .setTitle(service.name)
    .setDescription(service.description ?? `The ${service.name} service.`)
    .setVersion(service.version ?? '1')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
}
