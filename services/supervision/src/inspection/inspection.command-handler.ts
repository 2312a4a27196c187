import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, levelOfRegion, regionSubtreePrefix, WorkingDayCalendar, type AuthenticatedUser, type Clock } from '@sangeyipi/platform';
import { DataSource } from 'typeorm';
import { requireSupervisorOf } from '../access/supervision-access.policy';
import { todayIn } from '../clock.util';
import { SupervisionConfig } from '../config/supervision-config.schema';
import { creditAppend } from '../credit/credit.ledger';
import { creditClassOf, isPoorCredit } from '../credit/credit.rules';
import { isListSafeId, type FrozenInspector, type FrozenTarget } from '../draw/verifiable-draw';
import { SupervisionRecordNotFound, violation } from '../supervision.errors';
import type { AdministrativeLevel, FindingCategory, InspectionItemListed, InspectionMethod, InspectionOutcome, TargetKind } from '../supervision.events';
import { metadataFor, streamIds, SupervisionStreams, type StreamAppend } from '../supervision-streams.repository';
import { drawInspection, evolvePlan, initialPlanState, planInspection } from './inspection-plan.decider';
import { publishResult } from './inspection-result.decider';

const LEVELS: Record<string, AdministrativeLevel> = {
  city: 'ADMINISTRATIVE_LEVEL_CITY',
  district: 'ADMINISTRATIVE_LEVEL_DISTRICT',
  town: 'ADMINISTRATIVE_LEVEL_TOWN',
  village: 'ADMINISTRATIVE_LEVEL_VILLAGE',
};

export interface NewTarget {
  targetId: string;
  kind: TargetKind;
  name: string;
  affiliatedUnitId: string;
  regionCode: string;
}

export interface NewPlan {
  title: string;
  regionCode: string;
  inspectionItemId: string;
  elevatedProportionBasisPoints?: number;
  inspectorsPerTarget: number;
  seedCommitment: string;
  drawOn: string;
  witnessSource?: string;
}

export interface NewResult {
  outcome: InspectionOutcome;
  summary: string;
  inspectedOn: string;
  findings: { category: FindingCategory; description: string }[];
}

/**
 * Runs the 双随机 commands: the inspection item list, the target and inspector registries, plans
 * (lists frozen from the registries), draws and result publication. Supervisors act in their region.
 */
@Injectable()
export class InspectionCommandHandler {
  constructor(
    private readonly streams: SupervisionStreams,
    private readonly dataSource: DataSource,
    private readonly calendar: WorkingDayCalendar,
    private readonly config: SupervisionConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async listItem(user: AuthenticatedUser, item: Omit<InspectionItemListed['data'], 'inspectionItemId'>): Promise<{ inspectionItemId: string }> {
    requireSupervisorOf(user, item.regionCode);
    const inspectionItemId = randomUUID();
    await this.streams.append(
      [{ streamId: streamIds.inspectionItem(inspectionItemId), expectedVersion: 0, events: [{ type: 'supervision.InspectionItemListed', data: { inspectionItemId, ...item } }] }],
      metadataFor(user, 'supervisor', item.regionCode),
    );
    return { inspectionItemId };
  }

  /** Imports targets into the registry, all in one transaction; an id already registered is a 409. */
  async registerTargets(user: AuthenticatedUser, targets: NewTarget[]): Promise<{ registered: number }> {
    targets.forEach((target, index) => {
      requireSupervisorOf(user, target.regionCode);
      if (!isListSafeId(target.targetId)) throw violation(`targets[${index}].targetId`, 'list-safe-id', 'may not contain tabs, line breaks or commas');
      if (!isListSafeId(target.affiliatedUnitId)) throw violation(`targets[${index}].affiliatedUnitId`, 'list-safe-id', 'may not contain tabs, line breaks or commas');
    });
    const appends: StreamAppend[] = targets.map((target) => ({
      streamId: streamIds.target(target.targetId),
      expectedVersion: 0,
      events: [{ type: 'supervision.InspectionTargetRegistered', data: target }],
    }));
    await this.streams.append(appends, metadataFor(user, 'supervisor', user.regionCode ?? ''));
    return { registered: targets.length };
  }

  async registerInspector(user: AuthenticatedUser, inspector: { inspectorId: string; unitId: string; qualifications: string[]; regionCode: string }): Promise<void> {
    requireSupervisorOf(user, inspector.regionCode);
    if (!isListSafeId(inspector.inspectorId)) throw violation('inspectorId', 'list-safe-id', 'may not contain tabs, line breaks or commas');
    if (!isListSafeId(inspector.unitId)) throw violation('unitId', 'list-safe-id', 'may not contain tabs, line breaks or commas');
    await this.streams.append(
      [{ streamId: streamIds.inspector(inspector.inspectorId), expectedVersion: 0, events: [{ type: 'supervision.InspectorRegistered', data: inspector }] }],
      metadataFor(user, 'supervisor', inspector.regionCode),
    );
  }

  async declareConflict(user: AuthenticatedUser, inspectorId: string, targetId: string, reason: string): Promise<void> {
    if (!isListSafeId(targetId)) throw violation('targetId', 'list-safe-id', 'may not contain tabs, line breaks or commas');
    const [inspector] = (await this.dataSource.query(`SELECT region_code FROM sup_inspectors WHERE inspector_id = $1`, [inspectorId])) as { region_code: string }[];
    if (!inspector) throw new SupervisionRecordNotFound('inspector', inspectorId);
    requireSupervisorOf(user, inspector.region_code);
    const streamId = streamIds.inspector(inspectorId);
    const { version } = await this.streams.load(streamId, null, (s) => s);
    await this.streams.append(
      [{ streamId, expectedVersion: version, events: [{ type: 'supervision.InspectorConflictDeclared', data: { inspectorId, targetId, reason } }] }],
      metadataFor(user, 'supervisor', inspector.region_code),
    );
  }

  /**
   * Plans a draw: freezes the targets of the item's kind in the plan's region (each in the elevated
   * stratum when its credit is poor or it has many complaints) and the qualified inspectors with
   * their declared conflicts, and publishes their digests with the seed commitment.
   */
  async plan(user: AuthenticatedUser, plan: NewPlan): Promise<{ planId: string; listsDigest: string; targetCount: number }> {
    requireSupervisorOf(user, plan.regionCode);
    const level = LEVELS[levelOfRegion(plan.regionCode) ?? ''];
    const prefix = regionSubtreePrefix(plan.regionCode);
    if (!level || !prefix) throw violation('regionCode', 'known-region', `${plan.regionCode} is not a known Shanghai region`);
    const [item] = (await this.dataSource.query(
      `SELECT target_kind, proportion_basis_points, method, inspector_qualification FROM sup_inspection_items WHERE inspection_item_id = $1`,
      [plan.inspectionItemId],
    )) as { target_kind: TargetKind; proportion_basis_points: number; method: InspectionMethod; inspector_qualification: string }[];
    if (!item) throw violation('inspectionItemId', 'listed-item', `inspection item ${plan.inspectionItemId} is not listed`);

    const targets = await this.frozenTargets(item.target_kind, prefix);
    const inspectors = await this.frozenInspectors(prefix, item.inspector_qualification);
    const planId = randomUUID();
    const events = planInspection(
      {
        planId,
        title: plan.title,
        level,
        regionCode: plan.regionCode,
        inspectionItemId: plan.inspectionItemId,
        method: item.method,
        proportionBasisPoints: item.proportion_basis_points,
        elevatedProportionBasisPoints: plan.elevatedProportionBasisPoints ?? Math.min(10_000, item.proportion_basis_points * 2),
        inspectorsPerTarget: plan.inspectorsPerTarget,
        seedCommitment: plan.seedCommitment,
        drawOn: plan.drawOn,
        witnessSource: plan.witnessSource ?? '',
        today: todayIn(this.clock),
        targets,
        inspectors,
      },
      initialPlanState(),
    );
    await this.streams.append([{ streamId: streamIds.plan(planId), expectedVersion: 0, events }], metadataFor(user, 'supervisor', plan.regionCode));
    return { planId, listsDigest: events[1].data.listsDigest, targetCount: events[0].data.targetCount };
  }

  async draw(user: AuthenticatedUser, planId: string, seed: string, witness: string): Promise<{ planId: string; inspections: { inspectionId: string; targetId: string; inspectorIds: string[] }[] }> {
    const { state, version } = await this.streams.load(streamIds.plan(planId), initialPlanState(), evolvePlan);
    if (state.status === 'none') throw new SupervisionRecordNotFound('plan', planId);
    requireSupervisorOf(user, state.regionCode);
    const drawn = drawInspection({ seed, witness, today: todayIn(this.clock), newInspectionId: randomUUID }, state);
    await this.streams.append([{ streamId: streamIds.plan(planId), expectedVersion: version, events: [drawn] }], metadataFor(user, 'supervisor', state.regionCode));
    return { planId, inspections: drawn.data.inspections };
  }

  /**
   * Publishes an inspection's result today (flagged when later than 20 working days after the
   * inspection), with a credit record for the target and a finding per problem for a service unit.
   */
  async publishResult(user: AuthenticatedUser, inspectionId: string, result: NewResult): Promise<{ late: boolean; findingIds: string[] }> {
    const [row] = (await this.dataSource.query(
      `SELECT i.plan_id, i.target_id, i.region_code, i.drawn_on, t.kind FROM sup_inspections i LEFT JOIN sup_targets t ON t.target_id = i.target_id WHERE i.inspection_id = $1`,
      [inspectionId],
    )) as { plan_id: string; target_id: string; region_code: string; drawn_on: string; kind: TargetKind | null }[];
    if (!row) throw new SupervisionRecordNotFound('inspection', inspectionId);
    requireSupervisorOf(user, row.region_code);
    const isUnit = row.kind === 'TARGET_KIND_SERVICE_UNIT';
    if (result.findings.length && (!isUnit || result.outcome !== 'INSPECTION_OUTCOME_NON_COMPLIANT')) {
      throw violation('findings', 'findings-for-non-compliant-units', 'findings are raised only for a non-compliant service unit (an enterprise gets a credit record)');
    }
    const today = todayIn(this.clock);
    const streamId = streamIds.inspection(inspectionId);
    const { version } = await this.streams.load(streamId, null, (s) => s);
    const published = publishResult(
      { outcome: result.outcome, summary: result.summary, inspectedOn: result.inspectedOn, today },
      { inspectionId, planId: row.plan_id, targetId: row.target_id, drawnOn: row.drawn_on, published: version > 0 },
      this.calendar,
    );
    const appends: StreamAppend[] = [{ streamId, expectedVersion: version, events: published }];
    const findingIds = result.findings.map(() => randomUUID());
    result.findings.forEach((finding, index) =>
      appends.push({
        streamId: streamIds.finding(findingIds[index]),
        expectedVersion: 0,
        events: [
          {
            type: 'supervision.FindingRaised',
            data: { findingId: findingIds[index], source: 'FINDING_SOURCE_INSPECTION', sourceId: inspectionId, unitId: row.target_id, caseId: '', category: finding.category, description: finding.description },
          },
        ],
      }),
    );
    if (result.outcome !== 'INSPECTION_OUTCOME_NOT_INSPECTED') {
      appends.push(
        await creditAppend(this.streams, {
          subjectId: row.target_id,
          subjectKind: isUnit ? 'CREDIT_SUBJECT_KIND_SERVICE_UNIT' : 'CREDIT_SUBJECT_KIND_ENTERPRISE',
          reason: result.outcome === 'INSPECTION_OUTCOME_COMPLIANT' ? 'CREDIT_REASON_INSPECTION_COMPLIANT' : 'CREDIT_REASON_INSPECTION_NON_COMPLIANT',
          sourceId: inspectionId,
          recordId: randomUUID(),
          today,
        }),
      );
    }
    await this.streams.append(appends, metadataFor(user, 'supervisor', row.region_code));
    return { late: published.length > 1, findingIds };
  }

  private async frozenTargets(kind: TargetKind, regionPrefix: string): Promise<FrozenTarget[]> {
    const rows = (await this.dataSource.query(
      `SELECT t.target_id, t.affiliated_unit_id, coalesce(c.score, 100) AS score,
              (SELECT count(*)::int FROM sup_complaints k WHERE k.subject_id = t.target_id AND k.status <> 'dismissed') AS complaints
         FROM sup_targets t LEFT JOIN sup_credit c ON c.subject_id = t.target_id
        WHERE t.kind = $1 AND t.region_code LIKE $2 || '%'`,
      [kind, regionPrefix],
    )) as { target_id: string; affiliated_unit_id: string; score: number; complaints: number }[];
    return rows.map((row) => {
      const creditClass = creditClassOf(row.score);
      const elevated = isPoorCredit(creditClass) || row.complaints >= this.config.SUPERVISION_COMPLAINT_THRESHOLD;
      return {
        targetId: row.target_id,
        affiliatedUnitId: row.affiliated_unit_id,
        stratum: elevated ? 'DRAW_STRATUM_ELEVATED' : 'DRAW_STRATUM_REGULAR',
        creditClass,
        complaintCount: row.complaints,
      };
    });
  }

  private async frozenInspectors(regionPrefix: string, qualification: string): Promise<FrozenInspector[]> {
    const rows = (await this.dataSource.query(
      `SELECT i.inspector_id, i.unit_id, coalesce(array_agg(c.target_id) FILTER (WHERE c.target_id IS NOT NULL), '{}') AS conflicts
         FROM sup_inspectors i LEFT JOIN sup_conflicts c ON c.inspector_id = i.inspector_id
        WHERE i.region_code LIKE $1 || '%' AND ($2 = '' OR $2 = ANY (i.qualifications))
        GROUP BY i.inspector_id, i.unit_id`,
      [regionPrefix, qualification],
    )) as { inspector_id: string; unit_id: string; conflicts: string[] }[];
    return rows.map((row) => ({ inspectorId: row.inspector_id, unitId: row.unit_id, conflictingTargetIds: row.conflicts }));
  }
}
