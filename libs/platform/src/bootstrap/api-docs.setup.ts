import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI: the JSON document at `/docs-json` and Swagger UI at `/docs`. */
export function setUpApiDocs(app: INestApplication, service: string): void {
  const document = SwaggerModule.createDocument(app, new DocumentBuilder().setTitle(`${service} service`).build());
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
