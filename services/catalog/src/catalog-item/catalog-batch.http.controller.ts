import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sangeyipi/platform';
import { CatalogItemCommandHandler, type BatchOutcome } from './catalog-item.command-handler';
import { PublishBatchDto } from './dto/publish-batch.dto';

@ApiTags('catalog batches')
@ApiBearerAuth()
@Controller('batches')
export class CatalogBatchHttpController {
  constructor(private readonly commands: CatalogItemCommandHandler) {}

  @Post()
  @Roles('reform_office')
  @ApiOperation({ summary: 'Publish approved items of one catalog as its next numbered batch ("成熟一批、公布一批")' })
  @ApiCreatedResponse({ description: '{ batchId, batchNumber, itemIds }' })
  publish(@CurrentUser() user: AuthenticatedUser, @Body() body: PublishBatchDto): Promise<BatchOutcome> {
    return this.commands.publishBatch(user, { kind: body.kind, level: body.level, regionCode: body.regionCode }, body.title, body.itemIds);
  }
}
