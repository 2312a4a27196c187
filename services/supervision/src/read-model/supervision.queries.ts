import { Injectable } from '@nestjs/common';
import { regionSubtreePrefix } from '@sangeyipi/platform';
import { DataSource } from 'typeorm';
import { GOOD_GRADES, BAD_GRADES } from '../rating/rating.decider';
import { SupervisionRecordNotFound } from '../supervision.errors';
import { RATING_GRADES, type InspectionDrawn, type InspectionListsFrozen, type InspectionPlanned } from '../supervision.events';
import { streamIds, SupervisionStreams } from '../supervision-streams.repository';
import { DRAW_ALGORITHM } from '../draw/verifiable-draw';

/** What a caller may list: everything, a region subtree (by code prefix) or one unit. */
export interface ListingScope {
  regionPrefix?: string;
  unitId?: string;
}

/** Listings answer at most this many rows, newest first. */
const PAGE = 200;

/** The WHERE clause of a scope; a table without a unit column shows nothing to a unit-scoped caller. */
function scoped(scope: ListingScope, params: unknown[], unitColumn?: string): string {
  if (scope.regionPrefix !== undefined) {
    params.push(scope.regionPrefix);
    return `region_code LIKE $${params.length} || '%'`;
  }
  if (scope.unitId !== undefined) {
    if (!unitColumn) return 'false';
    params.push(scope.unitId);
    return `${unitColumn} = $${params.length}`;
  }
  return 'true';
}

/** Reads of supervision's read model, and the public record of each draw from the plan's events. */
@Injectable()
export class SupervisionQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly streams: SupervisionStreams,
  ) {}

  private async list(table: string, columns: string, scope: ListingScope, order: string, unitColumn?: string, extra?: { sql: string; value?: unknown }) {
    const params: unknown[] = [];
    let where = scoped(scope, params, unitColumn);
    if (extra?.value !== undefined) where += ` AND ${extra.sql.replace('?', `$${params.push(extra.value)}`)}`;
    else if (extra) where += ` AND ${extra.sql}`;
    return this.dataSource.query(`SELECT ${columns} FROM ${table} WHERE ${where} ORDER BY ${order} LIMIT ${PAGE}`, params);
  }

  inspectionItems() {
    return this.dataSource.query(
      `SELECT inspection_item_id AS "inspectionItemId", name, legal_basis AS "legalBasis", inspecting_unit_id AS "inspectingUnitId", target_kind AS "targetKind",
              proportion_basis_points AS "proportionBasisPoints", frequency, method, inspector_qualification AS "inspectorQualification", region_code AS "regionCode"
         FROM sup_inspection_items ORDER BY region_code, name LIMIT ${PAGE * 5}`,
    );
  }

  targets(scope: ListingScope) {
    return this.list('sup_targets', `target_id AS "targetId", kind, name, affiliated_unit_id AS "affiliatedUnitId", region_code AS "regionCode"`, scope, 'target_id', 'affiliated_unit_id');
  }

  plans(regionCode?: string) {
    const prefix = regionCode ? regionSubtreePrefix(regionCode) ?? regionCode : undefined;
    return this.list(
      'sup_plans',
      `plan_id AS "planId", title, region_code AS "regionCode", inspection_item_id AS "inspectionItemId", status, seed_commitment AS "seedCommitment",
       lists_digest AS "listsDigest", target_count AS "targetCount", draw_on AS "drawOn", drawn_on AS "drawnOn"`,
      prefix ? { regionPrefix: prefix } : {},
      'draw_on DESC, plan_id',
    );
  }

  /**
   * Everything needed to re-run a draw, straight from the plan's events: the commitment, the frozen
   * lists and parameters with their digests, and (once drawn) the revealed seed, witness and selection.
   */
  async drawRecord(planId: string) {
    const events = await this.streams.readEvents(streamIds.plan(planId));
    const planned = events.find((e): e is InspectionPlanned => e.type === 'supervision.InspectionPlanned');
    const frozen = events.find((e): e is InspectionListsFrozen => e.type === 'supervision.InspectionListsFrozen');
    const drawn = events.find((e): e is InspectionDrawn => e.type === 'supervision.InspectionDrawn');
    if (!planned || !frozen) throw new SupervisionRecordNotFound('plan', planId);
    return {
      algorithm: DRAW_ALGORITHM,
      planId,
      title: planned.data.title,
      regionCode: planned.data.regionCode,
      seedCommitment: planned.data.seedCommitment,
      drawOn: planned.data.drawOn,
      witnessSource: planned.data.witnessSource ?? '',
      lists: frozen.data,
      draw: drawn
        ? {
            seed: drawn.data.seed,
            witness: drawn.data.witness ?? '',
            drawnOn: drawn.data.drawnOn,
            listsDigest: drawn.data.listsDigest,
            selection: drawn.data.inspections.map(({ targetId, inspectorIds }) => ({ targetId, inspectorIds })),
          }
        : null,
    };
  }

  inspections(scope: ListingScope, planId?: string) {
    return this.list(
      'sup_inspections',
      `inspection_id AS "inspectionId", plan_id AS "planId", target_id AS "targetId", inspector_ids AS "inspectorIds", region_code AS "regionCode", drawn_on AS "drawnOn",
       outcome, summary, inspected_on AS "inspectedOn", published_on AS "publishedOn", late, due_on AS "dueOn"`,
      scope,
      'drawn_on DESC, inspection_id',
      'target_id',
      planId ? { sql: 'plan_id = ?', value: planId } : undefined,
    );
  }

  /** Public (结果公示): published results; a late publication shows as such. */
  publishedResults(regionCode?: string) {
    const prefix = regionCode ? regionSubtreePrefix(regionCode) ?? regionCode : undefined;
    return this.list(
      'sup_inspections',
      `inspection_id AS "inspectionId", plan_id AS "planId", target_id AS "targetId", region_code AS "regionCode", outcome, summary,
       inspected_on AS "inspectedOn", published_on AS "publishedOn", late`,
      prefix ? { regionPrefix: prefix } : {},
      'published_on DESC, inspection_id',
      undefined,
      { sql: 'published_on IS NOT NULL' },
    );
  }

  findings(scope: ListingScope, status?: string) {
    return this.list(
      'sup_findings',
      `finding_id AS "findingId", source, source_id AS "sourceId", category, unit_id AS "unitId", case_id AS "caseId", region_code AS "regionCode",
       description, status, due_on AS "dueOn", answered_late AS "answeredLate", overdue, raised_at AS "raisedAt"`,
      scope,
      'raised_at DESC, finding_id',
      'unit_id',
      status ? { sql: 'status = ?', value: status } : undefined,
    );
  }

  async finding(findingId: string): Promise<{ findingId: string; unitId: string; regionCode: string; status: string } & Record<string, unknown>> {
    const [row] = await this.dataSource.query(
      `SELECT finding_id AS "findingId", source, source_id AS "sourceId", category, unit_id AS "unitId", case_id AS "caseId", region_code AS "regionCode",
              description, status, due_on AS "dueOn", answered_late AS "answeredLate", overdue, raised_at AS "raisedAt"
         FROM sup_findings WHERE finding_id = $1`,
      [findingId],
    );
    if (!row) throw new SupervisionRecordNotFound('finding', findingId);
    return row;
  }

  verifications(scope: ListingScope, status?: string) {
    return this.list(
      'sup_verifications',
      `verification_id AS "verificationId", case_id AS "caseId", unit_id AS "unitId", item_id AS "itemId", region_code AS "regionCode",
       decided_on AS "decidedOn", due_on AS "dueOn", status, outcome, concluded_on AS "concludedOn", overdue`,
      scope,
      'due_on, verification_id',
      'unit_id',
      status ? { sql: 'status = ?', value: status } : undefined,
    );
  }

  async verificationRegion(verificationId: string): Promise<string> {
    const [row] = (await this.dataSource.query(`SELECT region_code FROM sup_verifications WHERE verification_id = $1`, [verificationId])) as { region_code: string }[];
    if (!row) throw new SupervisionRecordNotFound('verification', verificationId);
    return row.region_code;
  }

  /** Public: outcomes of concluded verifications of published commitments; no personal data. */
  concludedVerifications(unitId?: string) {
    return this.list(
      'sup_verifications',
      `verification_id AS "verificationId", case_id AS "caseId", unit_id AS "unitId", item_id AS "itemId", decided_on AS "decidedOn",
       outcome, concluded_on AS "concludedOn"`,
      {},
      'concluded_on DESC, verification_id',
      undefined,
      unitId ? { sql: `status = 'concluded' AND unit_id = ?`, value: unitId } : { sql: `status = 'concluded'` },
    );
  }

  ratings(scope: ListingScope) {
    return this.list(
      'sup_ratings',
      `rating_id AS "ratingId", case_id AS "caseId", unit_id AS "unitId", item_id AS "itemId", region_code AS "regionCode", grade, bad, status,
       answer_due_on AS "answerDueOn", answered_on AS "answeredOn", answered_late AS "answeredLate", overdue`,
      scope,
      'rated_at DESC, rating_id',
      'unit_id',
    );
  }

  /**
   * Public rating statistics (好差评) of a unit or a region subtree: count per grade, 好评率 (satisfied
   * or better / all) and 差评整改率 (bad ratings answered / bad ratings), one grouped query.
   */
  async ratingStatistics(filter: { unitId?: string; regionCode?: string }) {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.unitId) where.push(`unit_id = $${params.push(filter.unitId)}`);
    if (filter.regionCode) where.push(`region_code LIKE $${params.push(regionSubtreePrefix(filter.regionCode) ?? filter.regionCode)} || '%'`);
    const rows = (await this.dataSource.query(
      `SELECT grade, count(*)::int AS ratings, count(*) FILTER (WHERE status = 'answered')::int AS answered
         FROM sup_ratings ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY grade`,
      params,
    )) as { grade: string; ratings: number; answered: number }[];
    const byGrade = Object.fromEntries(RATING_GRADES.map((grade) => [grade, rows.find((r) => r.grade === grade)?.ratings ?? 0]));
    const total = rows.reduce((sum, r) => sum + r.ratings, 0);
    const good = rows.filter((r) => (GOOD_GRADES as readonly string[]).includes(r.grade)).reduce((sum, r) => sum + r.ratings, 0);
    const bad = rows.filter((r) => (BAD_GRADES as readonly string[]).includes(r.grade));
    const badTotal = bad.reduce((sum, r) => sum + r.ratings, 0);
    const badAnswered = bad.reduce((sum, r) => sum + r.answered, 0);
    return {
      ...filter,
      total,
      byGrade,
      goodRate: total ? good / total : null,
      badRatings: badTotal,
      badRatingsAnswered: badAnswered,
      badAnswerRate: badTotal ? badAnswered / badTotal : null,
    };
  }

  complaints(scope: ListingScope) {
    return this.list(
      'sup_complaints',
      `complaint_id AS "complaintId", subject_id AS "subjectId", case_id AS "caseId", region_code AS "regionCode", description, status, substantiated, lodged_on AS "lodgedOn"`,
      scope,
      'lodged_on DESC, complaint_id',
      'subject_id',
    );
  }

  windowInspections(scope: ListingScope) {
    return this.list(
      'sup_window_inspections',
      `window_inspection_id AS "windowInspectionId", unit_id AS "unitId", region_code AS "regionCode", method, visited_on AS "visitedOn", checks, failed_checks AS "failedChecks"`,
      scope,
      'visited_on DESC, window_inspection_id',
      'unit_id',
    );
  }

  async credit(subjectId: string) {
    const [row] = await this.dataSource.query(
      `SELECT subject_id AS "subjectId", subject_kind AS "subjectKind", score, credit_class AS "creditClass", records FROM sup_credit WHERE subject_id = $1`,
      [subjectId],
    );
    return row ?? { subjectId, subjectKind: null, score: 100, creditClass: 'CREDIT_CLASS_A', records: 0 };
  }
}
