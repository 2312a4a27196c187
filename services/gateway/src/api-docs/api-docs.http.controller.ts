import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@sangeyipi/platform';
import { ApiDocsAggregator } from './api-docs.aggregator';
import type { OpenApiDocument } from './openapi-merge';

/** The whole platform's OpenAPI document at `/api/docs-json`. */
@ApiExcludeController()
@Public()
@Controller('api')
export class ApiDocsHttpController {
  constructor(private readonly aggregator: ApiDocsAggregator) {}

  @Get('docs-json')
  document(): Promise<OpenApiDocument> {
    return this.aggregator.document();
  }
}
