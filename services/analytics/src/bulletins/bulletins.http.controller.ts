import { Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles, type AuthenticatedUser } from '@sangeyipi/platform';
import { DataSource } from 'typeorm';
import { FiguresService } from '../indicators/figures.service';
import { ScopeAndPeriodDto } from '../indicators/figures.dto';
import { BulletinCache } from './bulletin.cache';
import { AnalyticsRefusal } from './bulletin.errors';
import { renderBulletinPage } from './bulletin.page';
import { BulletinService, isBulletinId, type BulletinView, type Recomputation } from './bulletin.service';
import { ListBulletinsDto, PublishBulletinDto } from './bulletins.dto';

/** Statistics bulletins: published ones are public; publishing and recomputing are for supervisors. */
@ApiTags('bulletins')
@Controller('bulletins')
export class BulletinsHttpController {
  constructor(
    private readonly bulletins: BulletinService,
    private readonly figures: FiguresService,
    private readonly dataSource: DataSource,
    private readonly cache: BulletinCache,
  ) {}

  @Post()
  @ApiBearerAuth()
  @Roles('supervisor', 'reform_office')
  @ApiOperation({ summary: 'Publish a bulletin now for a scope and period (on demand); it never changes afterwards' })
  async publish(@CurrentUser() user: AuthenticatedUser, @Body() body: PublishBulletinDto): Promise<BulletinView> {
    const request = this.figures.resolve(body, user);
    const { bulletin } = await this.bulletins.publish(request, 'on-demand', { title: body.title, user });
    return bulletin;
  }

  @Post('recomputation')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('supervisor', 'reform_office', 'auditor')
  @ApiOperation({ summary: 'What a bulletin for the scope and period says as of an instant, recomputed from the history now (nothing is stored)' })
  recompute(@CurrentUser() user: AuthenticatedUser, @Body() body: ScopeAndPeriodDto): Promise<Recomputation> {
    return this.bulletins.recompute(this.figures.resolve(body, user));
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Published bulletins, newest first' })
  list(@Query() query: ListBulletinsDto) {
    return this.bulletins.list(query.limit ?? 50);
  }

  @Get(':bulletinId')
  @Public()
  @ApiOperation({ summary: 'A published bulletin as JSON: canonical content, digest, event ranges, assessment' })
  async get(@Param('bulletinId') bulletinId: string): Promise<BulletinView> {
    return this.found(bulletinId);
  }

  @Get(':bulletinId/page')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'A published bulletin as a printable HTML page with tables and a chart' })
  async page(@Param('bulletinId') bulletinId: string): Promise<string> {
    const bulletin = await this.found(bulletinId);
    const unitIds = [...new Set(bulletin.figures.map((f) => f.unitId).filter(Boolean))];
    const rows: Array<{ unit_id: string; name: string }> = await this.dataSource.query(
      `SELECT fact->>'unitId' AS unit_id, fact->>'name' AS name FROM analytics_facts WHERE kind = 'unit' AND fact->>'unitId' = ANY($1)`,
      [unitIds],
    );
    return renderBulletinPage(bulletin, new Map(rows.map((row) => [row.unit_id, row.name])));
  }

  private async found(bulletinId: string): Promise<BulletinView> {
    const bulletin = isBulletinId(bulletinId) ? await this.cache.read(bulletinId, () => this.bulletins.get(bulletinId)) : undefined;
    if (!bulletin) throw new AnalyticsRefusal('not-found', `no bulletin ${bulletinId}`);
    return bulletin;
  }
}
