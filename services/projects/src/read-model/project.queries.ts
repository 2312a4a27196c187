import { Injectable } from '@nestjs/common';
import { regionSubtreePrefix, type AuthenticatedUser } from '@sangeyipi/platform';
import { DataSource } from 'typeorm';
import { NotFound } from '../shared/projects.errors';
import { toApi } from '../shared/api-names';
import type { ListProjectsQueryDto } from '../project/dto/project.dto';
import type { PublicListQueryDto } from '../landing-list/dto/landing-list.dto';

interface ProjectRow {
  project_id: string;
  name: string;
  unit_id: string;
  level: string;
  list_region_code: string;
  site_region_code: string;
  industry: string;
  investment_ten_thousand_yuan: string;
  industrial: boolean;
  target: string;
  listing_year: number;
  status: string;
  batch_number: number | null;
  published_on: string | null;
  milestones: { milestone: string; reachedOn: string }[];
  landed_on: string | null;
  exclusion: string | null;
  year_outcome: string | null;
  open_change_request: string | null;
  chain_planned: boolean;
  chain_flagged_on: string | null;
  chain_completed_on: string | null;
}

const PAGE_LIMIT = 200;

/** What the public sees of a listed project: no owner, no internal requests. */
function publicView(row: ProjectRow) {
  return {
    projectId: row.project_id,
    name: row.name,
    level: toApi('ADMINISTRATIVE_LEVEL', row.level),
    listRegionCode: row.list_region_code,
    siteRegionCode: row.site_region_code,
    industry: row.industry,
    investmentTenThousandYuan: Number(row.investment_ten_thousand_yuan),
    industrial: row.industrial,
    target: toApi('LANDING_TARGET', row.target),
    listingYear: row.listing_year,
    status: row.status,
    batchNumber: row.batch_number,
    publishedOn: row.published_on,
    milestones: row.milestones.map((reached) => ({ milestone: toApi('MILESTONE', reached.milestone), reachedOn: reached.reachedOn })),
    landedOn: row.landed_on,
    excluded: row.exclusion === 'approved',
    yearOutcome: row.year_outcome && toApi('YEAR_OUTCOME', row.year_outcome),
  };
}

/** Reads of the projects read model: the staff's project lists and the public lists, projects and rates. */
@Injectable()
export class ProjectQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Projects in the caller's scope: their unit (staff), their region subtree (reform office, supervisors), all (auditors). */
  async listForStaff(user: AuthenticatedUser, query: ListProjectsQueryDto) {
    const conditions: string[] = [];
    const values: unknown[] = [];
    const add = (condition: string, value: unknown) => {
      values.push(value);
      conditions.push(condition.replace('?', `$${values.length}`));
    };
    if (!user.roles.includes('auditor')) {
      const region = user.roles.includes('reform_office') || user.roles.includes('supervisor') ? user.regionCode : undefined;
      if (region) add(`list_region_code LIKE ? || '%'`, regionSubtreePrefix(region) ?? region);
      else add(`unit_id = ?`, user.unitId ?? '');
    }
    if (query.year !== undefined) add(`listing_year = ?`, query.year);
    if (query.status) add(`status = ?`, query.status);
    if (query.atRisk === 'true') conditions.push(`chain_flagged_on IS NOT NULL AND chain_completed_on IS NULL`);
    const rows = (await this.dataSource.query(
      `SELECT * FROM projects_projects ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY listing_year DESC, name, project_id LIMIT ${PAGE_LIMIT}`,
      values,
    )) as ProjectRow[];
    return {
      projects: rows.map((row) => ({
        ...publicView(row),
        unitId: row.unit_id,
        openChangeRequest: row.open_change_request,
        exclusion: row.exclusion,
        approvalChain: row.chain_planned ? { flaggedOn: row.chain_flagged_on, completedOn: row.chain_completed_on } : null,
      })),
    };
  }

  /** The published batches of the lists of a year in a region subtree, with their projects' current status. */
  async publicLists(query: PublicListQueryDto) {
    const values: unknown[] = [query.year, regionSubtreePrefix(query.regionCode ?? '310000') ?? query.regionCode];
    let levelCondition = '';
    if (query.level) {
      values.push(`ADMINISTRATIVE_LEVEL_${query.level.toUpperCase()}`);
      levelCondition = `AND level = $3`;
    }
    const batches = (await this.dataSource.query(
      `SELECT * FROM projects_list_batches WHERE listing_year = $1 AND region_code LIKE $2 || '%' ${levelCondition}
       ORDER BY region_code, batch_number`,
      values,
    )) as { batch_id: string; level: string; region_code: string; listing_year: number; batch_number: number; title: string; project_ids: string[]; published_on: string }[];
    const ids = batches.flatMap((batch) => batch.project_ids);
    const rows = ids.length ? ((await this.dataSource.query(`SELECT * FROM projects_projects WHERE project_id = ANY($1)`, [ids])) as ProjectRow[]) : [];
    const byId = new Map(rows.map((row) => [row.project_id, row]));
    return {
      batches: batches.map((batch) => ({
        batchId: batch.batch_id,
        level: toApi('ADMINISTRATIVE_LEVEL', batch.level),
        regionCode: batch.region_code,
        listingYear: batch.listing_year,
        batchNumber: batch.batch_number,
        title: batch.title,
        publishedOn: batch.published_on,
        projects: batch.project_ids.flatMap((id) => {
          const row = byId.get(id);
          return row ? [publicView(row)] : [];
        }),
      })),
    };
  }

  /**
   * Advance services in the caller's scope, oldest request first, so that the serving unit finds what it
   * has to schedule: an applicant's own; staff: their unit's; reform office and supervisors: their region
   * subtree; auditors: all (200 at most).
   */
  async advanceServicesFor(user: AuthenticatedUser, status: string | undefined) {
    const conditions: string[] = [];
    const values: unknown[] = [];
    const add = (condition: string, value: unknown) => {
      values.push(value);
      conditions.push(condition.replace('?', `$${values.length}`));
    };
    if (user.roles.includes('auditor')) {
      // everything
    } else if ((user.roles.includes('reform_office') || user.roles.includes('supervisor')) && user.regionCode) {
      add(`region_code LIKE ? || '%'`, regionSubtreePrefix(user.regionCode) ?? user.regionCode);
    } else if (user.unitId) {
      add(`unit_id = ?`, user.unitId);
    } else {
      add(`applicant_id = ?`, user.userId);
    }
    if (status) add(`status = ?`, status);
    const rows = (await this.dataSource.query(
      `SELECT * FROM projects_advance_services ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY requested_on, request_id LIMIT ${PAGE_LIMIT}`,
      values,
    )) as {
      request_id: string;
      item_id: string;
      unit_id: string;
      region_code: string;
      applicant_id: string;
      approach: string;
      origin: string;
      status: string;
      requested_on: string;
      scheduled_on: string | null;
      delivered_on: string | null;
      linked_cases: number;
    }[];
    return {
      advanceServices: rows.map((row) => ({
        requestId: row.request_id,
        itemId: row.item_id,
        unitId: row.unit_id,
        regionCode: row.region_code,
        applicantId: row.applicant_id,
        approach: toApi('ADVANCE_SERVICE_APPROACH', row.approach),
        origin: toApi('ADVANCE_SERVICE_ORIGIN', row.origin),
        status: row.status,
        requestedOn: row.requested_on,
        scheduledOn: row.scheduled_on,
        deliveredOn: row.delivered_on,
        linkedCases: row.linked_cases,
      })),
    };
  }

  async publicProject(projectId: string) {
    const [row] = (await this.dataSource.query(`SELECT * FROM projects_projects WHERE project_id = $1 AND status <> 'registered'`, [projectId])) as ProjectRow[];
    if (!row) throw new NotFound(`project ${projectId} is not on a published list`);
    return publicView(row);
  }

  /**
   * 当年开工开业率 / 当年竣工验收率 so far: landed / (listed − excluded) per target, over projects still on
   * the lists of the year in a region subtree (delisted ones are not counted).
   */
  async landingRates(query: PublicListQueryDto) {
    const rows = (await this.dataSource.query(
      `SELECT target, count(*)::int AS listed, count(*) FILTER (WHERE exclusion = 'approved')::int AS excluded,
              count(*) FILTER (WHERE landed_on IS NOT NULL AND exclusion IS DISTINCT FROM 'approved')::int AS landed
       FROM projects_projects WHERE status = 'listed' AND listing_year = $1 AND list_region_code LIKE $2 || '%'
       GROUP BY target ORDER BY target`,
      [query.year, regionSubtreePrefix(query.regionCode ?? '310000') ?? query.regionCode],
    )) as { target: string; listed: number; excluded: number; landed: number }[];
    return {
      year: query.year,
      regionCode: query.regionCode ?? '310000',
      targets: rows.map((row) => ({
        target: toApi('LANDING_TARGET', row.target),
        listed: row.listed,
        excluded: row.excluded,
        landed: row.landed,
        rate: row.listed - row.excluded > 0 ? row.landed / (row.listed - row.excluded) : null,
      })),
    };
  }
}
