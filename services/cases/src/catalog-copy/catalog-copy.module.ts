import { Global, Module } from '@nestjs/common';
import { CatalogCopyQueries } from './catalog-copy.queries';

/**
 * The replica's one reader of the local catalog copy, global so that the catalog events consumer
 * (instantiated by the event backbone's module) drops the terms it keeps when the copy changes.
 */
@Global()
@Module({ providers: [CatalogCopyQueries], exports: [CatalogCopyQueries] })
export class CatalogCopyModule {}
