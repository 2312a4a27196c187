import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@sangeyipi/platform';
import { BatchesQueryDto, PublishedItemsQueryDto, RegionScopeQueryDto } from './dto/catalog-queries.dto';
import { CatalogBatchView, PublicItemDetail, PublishedItemPage, ServiceUnitView } from './dto/catalog-responses.dto';
import { PublicCatalogQueries } from './public-catalog.queries';

/** The published catalogs, open to everyone ("向社会公布，接受社会监督和评价"). */
@ApiTags('public catalog')
@Public()
@Controller('public')
export class PublicCatalogHttpController {
  constructor(private readonly queries: PublicCatalogQueries) {}

  @Get('items')
  @ApiOperation({ summary: 'Browse and search the published items' })
  @ApiOkResponse({ type: PublishedItemPage })
  items(@Query() query: PublishedItemsQueryDto): Promise<PublishedItemPage> {
    return this.queries.searchItems(query);
  }

  @Get('items/:itemId')
  @ApiOperation({ summary: 'A published item with every version it has had' })
  @ApiOkResponse({ type: PublicItemDetail })
  @ApiNotFoundResponse({ description: 'No item of that id was ever published' })
  async item(@Param('itemId', new ParseUUIDPipe()) itemId: string): Promise<PublicItemDetail> {
    const item = await this.queries.item(itemId);
    if (!item) throw new NotFoundException(`no published catalog item ${itemId}`);
    return item;
  }

  @Get('batches')
  @ApiOperation({ summary: 'The published batches of the catalogs of a level and region' })
  @ApiOkResponse({ type: [CatalogBatchView] })
  batches(@Query() query: BatchesQueryDto): Promise<CatalogBatchView[]> {
    return this.queries.batches(query);
  }

  @Get('units')
  @ApiOperation({ summary: 'The registered service units' })
  @ApiOkResponse({ type: [ServiceUnitView] })
  units(@Query() query: RegionScopeQueryDto): Promise<ServiceUnitView[]> {
    return this.queries.units(query);
  }
}
