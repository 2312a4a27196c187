import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sangeyipi/platform';
import { CatalogActionForbidden, CatalogItemNotFound } from '../catalog.errors';
import { CatalogStreams } from '../catalog-streams.repository';
import { seesItemWorkflow } from './catalog-access.policy';
import { CatalogItemCommandHandler, type ItemOutcome } from './catalog-item.command-handler';
import type { ExistingItemState } from './catalog-item.decider';
import { CatalogItemDefinitionDto, toDefinition } from './dto/catalog-item-definition.dto';
import { ApproveChangeDto, RequestChangeDto } from './dto/change-request.dto';
import { ApproveItemDto, RejectDto } from './dto/review-decision.dto';

const itemId = () => Param('itemId', new ParseUUIDPipe());
const changeRequestId = () => Param('changeRequestId', new ParseUUIDPipe());

/** The lifecycle of a catalog item: units draft and submit, the reform office approves, changes go through requests. */
@ApiTags('catalog items')
@ApiBearerAuth()
@Controller('items')
export class CatalogItemHttpController {
  constructor(
    private readonly commands: CatalogItemCommandHandler,
    private readonly streams: CatalogStreams,
  ) {}

  @Post()
  @Roles('unit_admin')
  @ApiOperation({ summary: "Draft an item for the caller's unit; a breach of a catalog rule is a 400 naming field and rule" })
  @ApiCreatedResponse({ description: 'The draft: { itemId, status }' })
  draft(@CurrentUser() user: AuthenticatedUser, @Body() body: CatalogItemDefinitionDto): Promise<ItemOutcome> {
    return this.commands.draft(user, toDefinition(body));
  }

  @Put(':itemId/draft')
  @Roles('unit_admin')
  @ApiOperation({ summary: 'Replace the content of a draft or rejected item' })
  @ApiConflictResponse({ description: 'The item is published: the edit is refused and recorded (CatalogItemUnauthorizedChangeAttempted); use a change request' })
  amend(@CurrentUser() user: AuthenticatedUser, @itemId() id: string, @Body() body: CatalogItemDefinitionDto): Promise<ItemOutcome> {
    return this.commands.amend(user, id, toDefinition(body));
  }

  @Post(':itemId/submission')
  @HttpCode(HttpStatus.OK)
  @Roles('unit_admin')
  @ApiOperation({ summary: 'Submit a draft to the reform office' })
  submit(@CurrentUser() user: AuthenticatedUser, @itemId() id: string): Promise<ItemOutcome> {
    return this.commands.submit(user, id);
  }

  @Post(':itemId/approval')
  @HttpCode(HttpStatus.OK)
  @Roles('reform_office')
  @ApiOperation({ summary: 'Approve a submitted item (reform office of its region or above); it waits for the next batch' })
  approve(@CurrentUser() user: AuthenticatedUser, @itemId() id: string, @Body() body: ApproveItemDto): Promise<ItemOutcome> {
    return this.commands.approve(user, id, body.note ?? '');
  }

  @Post(':itemId/rejection')
  @HttpCode(HttpStatus.OK)
  @Roles('reform_office')
  @ApiOperation({ summary: 'Send a submitted item back to its unit' })
  reject(@CurrentUser() user: AuthenticatedUser, @itemId() id: string, @Body() body: RejectDto): Promise<ItemOutcome> {
    return this.commands.reject(user, id, body.reason);
  }

  @Post(':itemId/change-requests')
  @Roles('unit_admin')
  @ApiOperation({ summary: 'Ask to revise or withdraw a published item' })
  @ApiCreatedResponse({ description: '{ itemId, status, changeRequestId }' })
  requestChange(@CurrentUser() user: AuthenticatedUser, @itemId() id: string, @Body() body: RequestChangeDto) {
    const proposal =
      body.change === 'revision' && body.definition
        ? { change: 'revision' as const, definition: toDefinition(body.definition) }
        : { change: 'withdrawal' as const, definition: null };
    return this.commands.requestChange(user, id, { ...proposal, reason: body.reason });
  }

  @Post(':itemId/change-requests/:changeRequestId/approval')
  @HttpCode(HttpStatus.OK)
  @Roles('reform_office')
  @ApiOperation({ summary: 'Approve the open change request: the item is revised or withdrawn' })
  approveChange(@CurrentUser() user: AuthenticatedUser, @itemId() id: string, @changeRequestId() requestId: string, @Body() body: ApproveChangeDto): Promise<ItemOutcome> {
    return this.commands.approveChange(user, id, requestId, body.approvalReference, body.effectiveOn);
  }

  @Post(':itemId/change-requests/:changeRequestId/rejection')
  @HttpCode(HttpStatus.OK)
  @Roles('reform_office')
  @ApiOperation({ summary: 'Refuse the open change request: the published item stays as it is' })
  rejectChange(@CurrentUser() user: AuthenticatedUser, @itemId() id: string, @changeRequestId() requestId: string, @Body() body: RejectDto): Promise<ItemOutcome> {
    return this.commands.rejectChange(user, id, requestId, body.reason);
  }

  @Get(':itemId')
  @Roles('unit_admin', 'reform_office', 'supervisor', 'auditor')
  @ApiOperation({ summary: 'Where an item stands: its draft, its published version and any open change request' })
  @ApiOkResponse({ description: 'The item as its event stream has it' })
  @ApiForbiddenResponse({ description: 'The item is outside your unit or region' })
  async workflow(@CurrentUser() user: AuthenticatedUser, @itemId() id: string): Promise<ExistingItemState> {
    const { state } = await this.streams.loadItem(id);
    if (state.status === 'none') throw new CatalogItemNotFound(id);
    if (!seesItemWorkflow(user, state.owner)) throw new CatalogActionForbidden(`catalog item ${id} is outside your unit and region`);
    return state;
  }
}
