import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REGION_LEVELS } from '@sangeyipi/platform';
import { CATALOG_KINDS, COMPLETION_MODES, type AdministrativeLevel, type CatalogItemDefinition, type CatalogKind, type CompletionMode } from '../../catalog-item/catalog-item.definition';
import { CatalogItemDefinitionDto } from '../../catalog-item/dto/catalog-item-definition.dto';
import { SERVICE_UNIT_KINDS, type ServiceUnitKind } from '../../service-unit/service-unit.decider';

// What the catalog's read endpoints answer, described for the API docs.

export class PublishedItemSummary {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ example: '食品经营许可（仅销售预包装食品）' }) name!: string;
  @ApiProperty({ enum: CATALOG_KINDS }) kind!: CatalogKind;
  @ApiPropertyOptional({ enum: COMPLETION_MODES, nullable: true }) completionMode!: CompletionMode | null;
  @ApiProperty({ enum: REGION_LEVELS }) level!: AdministrativeLevel;
  @ApiProperty({ example: '310101' }) regionCode!: string;
  @ApiProperty({ example: '黄浦区' }) regionName!: string;
  @ApiProperty({ example: 'unit-310101-scjgj' }) unitId!: string;
  @ApiProperty({ example: '黄浦区市场监督管理局' }) unitName!: string;
  @ApiPropertyOptional({ nullable: true, description: 'Working days; null when the law sets none' }) statutoryLimitDays!: number | null;
  @ApiPropertyOptional({ nullable: true, description: 'Working days; 0 = the same day' }) committedLimitDays!: number | null;
  @ApiProperty({ description: 'The published revision: 1, then one more with every approved change' }) revision!: number;
  @ApiProperty({ description: 'Number of the batch that published it (第N批)' }) batchNumber!: number;
  @ApiProperty({ example: '2017-09-29' }) publishedOn!: string;
  @ApiProperty({ example: '2017-11-01', description: 'Date from which the current revision applies' }) effectiveOn!: string;
}

export class PublishedItemPage {
  @ApiProperty({ description: 'Items matching the query, on all pages' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ type: [PublishedItemSummary] }) items!: PublishedItemSummary[];
}

export class ItemVersion {
  @ApiProperty({ enum: ['published', 'revised', 'withdrawn'] }) change!: 'published' | 'revised' | 'withdrawn';
  @ApiProperty() revision!: number;
  @ApiProperty({ type: CatalogItemDefinitionDto }) definition!: CatalogItemDefinition;
  @ApiProperty({ example: '2017-10-20', description: 'Date of the publication or of the approval' }) decidedOn!: string;
  @ApiProperty({ example: '2017-11-01' }) effectiveOn!: string;
  @ApiPropertyOptional({ nullable: true }) batchNumber!: number | null;
  @ApiPropertyOptional({ nullable: true, example: '黄审改办〔2017〕12号' }) approvalReference!: string | null;
  @ApiPropertyOptional({ nullable: true }) reason!: string | null;
}

export class PublicItemDetail {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ enum: ['published', 'withdrawn'] }) status!: 'published' | 'withdrawn';
  @ApiProperty() unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: REGION_LEVELS }) level!: AdministrativeLevel;
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty({ type: ItemVersion, description: 'The version in force, or the last one for a withdrawn item' }) current!: ItemVersion;
  @ApiProperty({ type: [ItemVersion], description: 'Every version, oldest first' }) versions!: ItemVersion[];
}

export class BatchItem {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ description: 'Name as published in the batch' }) name!: string;
}

export class CatalogBatchView {
  @ApiProperty({ format: 'uuid' }) batchId!: string;
  @ApiProperty({ enum: CATALOG_KINDS }) kind!: CatalogKind;
  @ApiProperty({ enum: REGION_LEVELS }) level!: AdministrativeLevel;
  @ApiProperty() regionCode!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ description: '第N批 within its catalog and year' }) batchNumber!: number;
  @ApiProperty({ example: '黄浦区第一批当场办结事项目录' }) title!: string;
  @ApiProperty() publishedOn!: string;
  @ApiProperty({ type: [BatchItem] }) items!: BatchItem[];
}

export class ServiceUnitView {
  @ApiProperty() unitId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: SERVICE_UNIT_KINDS }) kind!: ServiceUnitKind;
  @ApiProperty({ enum: REGION_LEVELS }) level!: AdministrativeLevel;
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
}

export class WorkflowItem {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CATALOG_KINDS }) kind!: CatalogKind;
  @ApiProperty() unitId!: string;
  @ApiProperty({ enum: REGION_LEVELS }) level!: AdministrativeLevel;
  @ApiProperty() regionCode!: string;
  @ApiProperty({ enum: ['draft', 'submitted', 'approved', 'rejected', 'published', 'withdrawn'] }) status!: string;
  @ApiPropertyOptional({ nullable: true }) rejectionReason!: string | null;
  @ApiPropertyOptional({ nullable: true, format: 'uuid' }) pendingChangeRequestId!: string | null;
  @ApiPropertyOptional({ nullable: true, enum: ['revision', 'withdrawal'] }) pendingChange!: string | null;
  @ApiProperty({ description: 'Direct edits of the published item that were refused and recorded' }) unauthorizedAttempts!: number;
  @ApiProperty() updatedAt!: string;
}

export class WorkflowPage {
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ type: [WorkflowItem] }) items!: WorkflowItem[];
}

export class CompressionTotalsView {
  @ApiProperty({ description: 'Items with both a statutory and a committed limit' }) itemsCounted!: number;
  @ApiProperty() statutoryDays!: number;
  @ApiProperty() committedDays!: number;
  @ApiPropertyOptional({ nullable: true, description: '(Σstatutory − Σcommitted) / Σstatutory' }) ratio!: number | null;
}

export class UnitCompressionView {
  @ApiProperty() unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: REGION_LEVELS }) level!: AdministrativeLevel;
  @ApiProperty({ type: CompressionTotalsView, description: '承诺时限压缩比 over all published items' }) overall!: CompressionTotalsView;
  @ApiProperty({ type: CompressionTotalsView, description: 'The same over early-completion items' }) early!: CompressionTotalsView;
  @ApiProperty({ description: 'Its early items together cut less than 30%' }) flagged!: boolean;
}

export class CompressionReport {
  @ApiProperty({ type: [UnitCompressionView] }) units!: UnitCompressionView[];
  @ApiProperty() flaggedUnits!: number;
}
