import { Injectable } from '@nestjs/common';
import { regionSubtreePrefix, type AuthenticatedUser } from '@sangeyipi/platform';
import { DataSource } from 'typeorm';
import { compressionByUnit, type CompressionInput } from '../catalog-item/compression-report';
import type { RegionScopeQueryDto, WorkflowQueryDto } from './dto/catalog-queries.dto';
import type { CompressionReport, WorkflowItem, WorkflowPage } from './dto/catalog-responses.dto';
import { regionSubtreePattern, SqlFilter } from './sql-filter';

/**
 * The part of the catalog each staff member oversees: a unit admin their unit; the reform office and
 * supervisors their region subtree; auditors everything. A filter on a region outside it finds nothing.
 */
function scopeAlternatives(user: AuthenticatedUser): Array<readonly [string, unknown]> | 'everything' {
  if (user.roles.includes('auditor')) return 'everything';
  const alternatives: Array<readonly [string, unknown]> = [];
  if (user.roles.includes('unit_admin') && user.unitId) alternatives.push(['unit_id = ?', user.unitId]);
  const regionPrefix = user.regionCode ? regionSubtreePrefix(user.regionCode) : undefined;
  if ((user.roles.includes('reform_office') || user.roles.includes('supervisor')) && regionPrefix) alternatives.push(['region_code LIKE ?', `${regionPrefix}%`]);
  return alternatives;
}

function scopedFilter(user: AuthenticatedUser, query: RegionScopeQueryDto): SqlFilter {
  const filter = new SqlFilter().where('level = ?', query.level).where('region_code LIKE ?', regionSubtreePattern(query.regionCode));
  const scope = scopeAlternatives(user);
  return scope === 'everything' ? filter : filter.whereAny(scope);
}

/** Staff views of the catalog: where items stand in their workflow, and how far units cut their time limits. */
@Injectable()
export class CatalogOversightQueries {
  constructor(private readonly dataSource: DataSource) {}

  async workflow(user: AuthenticatedUser, query: WorkflowQueryDto): Promise<WorkflowPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const filter = scopedFilter(user, query).where('status = ?', query.status);
    // One statement, so that the count and the page come from the same snapshot.
    const [{ total, items }] = (await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM catalog_item_workflow ${filter.sql}) AS total,
              coalesce((SELECT json_agg(found ORDER BY found."updatedAt" DESC, found."itemId") FROM (
                SELECT item_id AS "itemId", name, kind, unit_id AS "unitId", level, region_code AS "regionCode", status,
                       rejection_reason AS "rejectionReason", pending_change_request_id AS "pendingChangeRequestId",
                       pending_change AS "pendingChange", unauthorized_attempts AS "unauthorizedAttempts", updated_at AS "updatedAt"
                  FROM catalog_item_workflow ${filter.sql}
                 ORDER BY updated_at DESC, item_id LIMIT ${filter.param(pageSize)} OFFSET ${filter.param((page - 1) * pageSize)}
              ) AS found), '[]'::json) AS items`,
      filter.params,
    )) as Array<{ total: number; items: WorkflowItem[] }>;
    return { total, page, pageSize, items };
  }

  /** 承诺时限压缩比 of every unit in scope, flagging those whose early items cut less than 30% together. */
  async compression(user: AuthenticatedUser, query: RegionScopeQueryDto): Promise<CompressionReport> {
    const filter = scopedFilter(user, query);
    const rows = (await this.dataSource.query(
      `SELECT unit_id AS "unitId", unit_name AS "unitName", level, completion_mode AS "completionMode",
              statutory_limit_days AS "statutoryLimitDays", committed_limit_days AS "committedLimitDays"
         FROM catalog_published_items ${filter.sql}`,
      filter.params,
    )) as Array<CompressionInput & { unitName: string }>;
    const unitNames = new Map(rows.map((row) => [row.unitId, row.unitName]));
    const units = compressionByUnit(rows).map((report) => ({ ...report, unitName: unitNames.get(report.unitId) ?? report.unitId }));
    return { units, flaggedUnits: units.filter((unit) => unit.flagged).length };
  }
}
