import type { Projection, StoredEvent } from '@sangeyipi/eventstore';
import type { EntityManager } from 'typeorm';
import { creditClassOf } from '../credit/credit.rules';
import { BAD_GRADES } from '../rating/rating.decider';
import type { SupervisionEvent } from '../supervision.events';

const READ_MODEL_TABLES = [
  'sup_inspection_items',
  'sup_targets',
  'sup_inspectors',
  'sup_conflicts',
  'sup_plans',
  'sup_inspections',
  'sup_findings',
  'sup_verifications',
  'sup_ratings',
  'sup_complaints',
  'sup_window_inspections',
  'sup_credit',
];

/**
 * Supervision's read models, fed from its own event log in commit order; each batch commits with the
 * runner's checkpoint, and the whole model can be rebuilt from position 0. (sup_cases is not here: it
 * is fed by cases events through the watch consumer.)
 */
export class SupervisionReadModelProjection implements Projection {
  readonly name = 'supervision.read-model';

  async reset(manager: EntityManager): Promise<void> {
    await manager.query(`TRUNCATE ${READ_MODEL_TABLES.join(', ')}`);
  }

  async apply(events: readonly StoredEvent[], manager: EntityManager): Promise<void> {
    for (const stored of events) await this.applyOne({ type: stored.type, data: stored.data } as SupervisionEvent, stored, manager);
  }

  private async applyOne(event: SupervisionEvent, stored: StoredEvent, manager: EntityManager): Promise<void> {
    const region = stored.metadata.regionCode ?? '';
    const q = (sql: string, params: unknown[]) => manager.query(sql, params);
    switch (event.type) {
      case 'supervision.InspectionItemListed': {
        const d = event.data;
        await q(
          `INSERT INTO sup_inspection_items VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (inspection_item_id) DO NOTHING`,
          [d.inspectionItemId, d.name, d.legalBasis, d.inspectingUnitId, d.targetKind, d.proportionBasisPoints, d.frequency, d.method, d.inspectorQualification ?? '', d.regionCode],
        );
        return;
      }
      case 'supervision.InspectionTargetRegistered': {
        const d = event.data;
        await q(
          `INSERT INTO sup_targets VALUES ($1, $2, $3, $4, $5) ON CONFLICT (target_id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name,
             affiliated_unit_id = EXCLUDED.affiliated_unit_id, region_code = EXCLUDED.region_code`,
          [d.targetId, d.kind, d.name, d.affiliatedUnitId, d.regionCode],
        );
        return;
      }
      case 'supervision.InspectorRegistered': {
        const d = event.data;
        await q(
          `INSERT INTO sup_inspectors VALUES ($1, $2, $3, $4) ON CONFLICT (inspector_id) DO UPDATE SET unit_id = EXCLUDED.unit_id,
             qualifications = EXCLUDED.qualifications, region_code = EXCLUDED.region_code`,
          [d.inspectorId, d.unitId, d.qualifications ?? [], d.regionCode],
        );
        return;
      }
      case 'supervision.InspectorConflictDeclared':
        await q(`INSERT INTO sup_conflicts VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [event.data.inspectorId, event.data.targetId, event.data.reason]);
        return;
      case 'supervision.InspectionPlanned': {
        const d = event.data;
        await q(
          `INSERT INTO sup_plans (plan_id, title, region_code, status, seed_commitment, target_count, draw_on) VALUES ($1, $2, $3, 'planned', $4, $5, $6)
             ON CONFLICT (plan_id) DO NOTHING`,
          [d.planId, d.title, d.regionCode, d.seedCommitment, d.targetCount ?? 0, d.drawOn],
        );
        return;
      }
      case 'supervision.InspectionListsFrozen':
        await q(`UPDATE sup_plans SET lists_digest = $2, inspection_item_id = $3 WHERE plan_id = $1`, [event.data.planId, event.data.listsDigest, event.data.inspectionItemId]);
        return;
      case 'supervision.InspectionDrawn': {
        const d = event.data;
        await q(`UPDATE sup_plans SET status = 'drawn', drawn_on = $2 WHERE plan_id = $1`, [d.planId, d.drawnOn]);
        if (d.inspections.length) {
          await q(
            `INSERT INTO sup_inspections (inspection_id, plan_id, target_id, inspector_ids, region_code, drawn_on)
             SELECT i.inspection_id, $1, i.target_id, ARRAY(SELECT jsonb_array_elements_text(i.inspector_ids)), $2, $3
               FROM jsonb_to_recordset($4::jsonb) AS i(inspection_id text, target_id text, inspector_ids jsonb)
             ON CONFLICT (inspection_id) DO NOTHING`,
            [d.planId, region, d.drawnOn, JSON.stringify(d.inspections.map((i) => ({ inspection_id: i.inspectionId, target_id: i.targetId, inspector_ids: i.inspectorIds })))],
          );
        }
        return;
      }
      case 'supervision.InspectionResultPublished': {
        const d = event.data;
        await q(`UPDATE sup_inspections SET outcome = $2, summary = $3, inspected_on = $4, published_on = $5 WHERE inspection_id = $1`, [
          d.inspectionId,
          d.outcome,
          d.summary,
          d.inspectedOn,
          d.publishedOn,
        ]);
        return;
      }
      case 'supervision.InspectionPublicationLate':
        await q(`UPDATE sup_inspections SET late = true, due_on = $2 WHERE inspection_id = $1`, [event.data.inspectionId, event.data.dueOn]);
        return;
      case 'supervision.FindingRaised': {
        const d = event.data;
        await q(
          `INSERT INTO sup_findings (finding_id, source, source_id, category, unit_id, case_id, region_code, description, status, raised_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'raised', $9) ON CONFLICT (finding_id) DO NOTHING`,
          [d.findingId, d.source, d.sourceId ?? '', d.category, d.unitId, d.caseId ?? '', region, d.description ?? '', stored.recordedAt],
        );
        return;
      }
      case 'supervision.RectificationOrdered':
        await q(`UPDATE sup_findings SET status = 'ordered', due_on = $2, overdue = false WHERE finding_id = $1`, [event.data.findingId, event.data.dueOn]);
        return;
      case 'supervision.RectificationAnswered':
        await q(`UPDATE sup_findings SET status = 'answered', answered_late = answered_late OR $2 WHERE finding_id = $1`, [event.data.findingId, event.data.late ?? false]);
        return;
      case 'supervision.RectificationChecked':
        if (!event.data.accepted) await q(`UPDATE sup_findings SET status = 'ordered', due_on = $2, overdue = false WHERE finding_id = $1`, [event.data.findingId, event.data.newDueOn]);
        return;
      case 'supervision.RectificationClosed':
        await q(`UPDATE sup_findings SET status = 'closed' WHERE finding_id = $1`, [event.data.findingId]);
        return;
      case 'supervision.RectificationEscalated':
        await q(`UPDATE sup_findings SET status = 'escalated' WHERE finding_id = $1`, [event.data.findingId]);
        return;
      case 'supervision.RectificationOverdue':
        await q(`UPDATE sup_findings SET overdue = true WHERE finding_id = $1`, [event.data.findingId]);
        return;
      case 'supervision.CommitmentVerificationOpened': {
        const d = event.data;
        await q(
          `INSERT INTO sup_verifications (verification_id, case_id, unit_id, item_id, region_code, decided_on, due_on, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'open') ON CONFLICT (verification_id) DO NOTHING`,
          [d.verificationId, d.caseId, d.unitId, d.itemId, region, d.decidedOn, d.dueOn],
        );
        return;
      }
      case 'supervision.CommitmentVerificationConcluded':
        await q(`UPDATE sup_verifications SET status = 'concluded', outcome = $2, concluded_on = $3 WHERE verification_id = $1`, [
          event.data.verificationId,
          event.data.outcome,
          event.data.concludedOn,
        ]);
        return;
      case 'supervision.CommitmentVerificationOverdue':
        await q(`UPDATE sup_verifications SET overdue = true WHERE verification_id = $1`, [event.data.verificationId]);
        return;
      case 'supervision.CaseRated': {
        const d = event.data;
        await q(
          `INSERT INTO sup_ratings (rating_id, case_id, unit_id, item_id, region_code, grade, bad, status, rated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'rated', $8) ON CONFLICT (rating_id) DO NOTHING`,
          [d.ratingId, d.caseId, d.unitId, d.itemId, region, d.grade, BAD_GRADES.includes(d.grade), stored.recordedAt],
        );
        return;
      }
      case 'supervision.BadRatingReferred':
        await q(`UPDATE sup_ratings SET status = 'referred', answer_due_on = $2 WHERE rating_id = $1`, [event.data.ratingId, event.data.answerDueOn]);
        return;
      case 'supervision.BadRatingAnswered':
        await q(`UPDATE sup_ratings SET status = 'answered', answered_on = $2, answered_late = $3 WHERE rating_id = $1`, [
          event.data.ratingId,
          event.data.answeredOn,
          event.data.late ?? false,
        ]);
        return;
      case 'supervision.BadRatingAnswerOverdue':
        await q(`UPDATE sup_ratings SET overdue = true WHERE rating_id = $1`, [event.data.ratingId]);
        return;
      case 'supervision.ComplaintLodged': {
        const d = event.data;
        await q(
          `INSERT INTO sup_complaints (complaint_id, subject_id, case_id, region_code, description, status, lodged_on)
           VALUES ($1, $2, $3, $4, $5, 'lodged', $6) ON CONFLICT (complaint_id) DO NOTHING`,
          [d.complaintId, d.subjectId, d.caseId ?? '', region, d.description, d.lodgedOn],
        );
        return;
      }
      case 'supervision.ComplaintResolved':
        await q(`UPDATE sup_complaints SET status = $2, substantiated = $3 WHERE complaint_id = $1`, [
          event.data.complaintId,
          event.data.substantiated ? 'substantiated' : 'dismissed',
          event.data.substantiated ?? false,
        ]);
        return;
      case 'supervision.WindowInspectionRecorded': {
        const d = event.data;
        await q(`INSERT INTO sup_window_inspections VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`, [
          d.windowInspectionId,
          d.unitId,
          region,
          d.method,
          d.visitedOn,
          JSON.stringify(d.checks),
          d.checks.filter((c) => !c.passed).length,
        ]);
        return;
      }
      case 'supervision.CreditRecorded': {
        const d = event.data;
        await q(
          `INSERT INTO sup_credit VALUES ($1, $2, $3, $4, 1) ON CONFLICT (subject_id) DO UPDATE SET score = EXCLUDED.score,
             credit_class = EXCLUDED.credit_class, records = sup_credit.records + 1`,
          [d.subjectId, d.subjectKind, d.scoreAfter ?? 0, creditClassOf(d.scoreAfter ?? 0)],
        );
        return;
      }
      default:
        return;
    }
  }
}
