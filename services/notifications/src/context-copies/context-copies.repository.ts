import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AdvanceServiceRequest, AssistanceRequest, ComplaintCopy, HandlerBackup, InspectionPlan, ProjectCopy, RatingCopy } from '../notification/notification.types';

/**
 * The facts of other contexts that a later event needs but does not carry: an inspection plan's
 * title (for the draw), a handler's named backup (for a reassignment), an assistance request (for
 * its answer), an advance-service request (for its appointment and outcome), a rating (for its
 * referral and answer), a complaint (for its outcome). Written and read in the consumer's
 * transaction, so a copy and the messages that depend on it commit together.
 */
@Injectable()
export class ContextCopiesRepository {
  async saveInspectionPlan(plan: InspectionPlan, manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO inspection_plans (plan_id, title, method, draw_on) VALUES ($1, $2, $3, $4) ON CONFLICT (plan_id) DO NOTHING`, [
      plan.planId, plan.title, plan.method, plan.drawOn,
    ]);
  }

  async inspectionPlan(planId: string, manager: EntityManager): Promise<InspectionPlan | undefined> {
    const [row] = await manager.query(`SELECT * FROM inspection_plans WHERE plan_id = $1`, [planId]);
    return row && { planId: row.plan_id, title: row.title, method: row.method, drawOn: row.draw_on };
  }

  /** The latest naming for a handler counts (events of one stream arrive in order). */
  async saveHandlerBackup(backup: HandlerBackup, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO handler_backups (unit_id, handler_user_id, backup_user_id) VALUES ($1, $2, $3)
       ON CONFLICT (unit_id, handler_user_id) DO UPDATE SET backup_user_id = $3`,
      [backup.unitId, backup.handlerUserId, backup.backupUserId],
    );
  }

  async backupOf(unitId: string, handlerUserId: string, manager: EntityManager): Promise<string | undefined> {
    const [row] = await manager.query(`SELECT backup_user_id FROM handler_backups WHERE unit_id = $1 AND handler_user_id = $2`, [unitId, handlerUserId]);
    return row?.backup_user_id;
  }

  async saveAssistanceRequest(request: AssistanceRequest, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO assistance_requests (case_id, request_id, from_unit_id, to_unit_id, question) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (case_id, request_id) DO NOTHING`,
      [request.caseId, request.requestId, request.fromUnitId, request.toUnitId, request.question],
    );
  }

  async assistanceRequest(caseId: string, requestId: string, manager: EntityManager): Promise<AssistanceRequest | undefined> {
    const [row] = await manager.query(`SELECT * FROM assistance_requests WHERE case_id = $1 AND request_id = $2`, [caseId, requestId]);
    return row && { caseId: row.case_id, requestId: row.request_id, fromUnitId: row.from_unit_id, toUnitId: row.to_unit_id, question: row.question };
  }

  async saveAdvanceServiceRequest(request: AdvanceServiceRequest, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO advance_service_requests (request_id, applicant_id, unit_id, subject) VALUES ($1, $2, $3, $4) ON CONFLICT (request_id) DO NOTHING`,
      [request.requestId, request.applicantId, request.unitId, request.subject],
    );
  }

  async advanceServiceRequest(requestId: string, manager: EntityManager): Promise<AdvanceServiceRequest | undefined> {
    const [row] = await manager.query(`SELECT * FROM advance_service_requests WHERE request_id = $1`, [requestId]);
    return row && { requestId: row.request_id, applicantId: row.applicant_id, unitId: row.unit_id, subject: row.subject };
  }

  async saveRating(rating: RatingCopy, manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO ratings (rating_id, case_id, applicant_id, comment) VALUES ($1, $2, $3, $4) ON CONFLICT (rating_id) DO NOTHING`, [
      rating.ratingId, rating.caseId, rating.applicantId, rating.comment,
    ]);
  }

  async rating(ratingId: string, manager: EntityManager): Promise<RatingCopy | undefined> {
    const [row] = await manager.query(`SELECT * FROM ratings WHERE rating_id = $1`, [ratingId]);
    return row && { ratingId: row.rating_id, caseId: row.case_id, applicantId: row.applicant_id, comment: row.comment };
  }

  /** A later registration or listing of the project renames it or moves it to another unit. */
  async saveProject(project: ProjectCopy, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO projects (project_id, name, unit_id) VALUES ($1, $2, $3) ON CONFLICT (project_id) DO UPDATE SET name = $2, unit_id = $3`,
      [project.projectId, project.name, project.unitId],
    );
  }

  async project(projectId: string, manager: EntityManager): Promise<ProjectCopy | undefined> {
    const [row] = await manager.query(`SELECT * FROM projects WHERE project_id = $1`, [projectId]);
    return row && { projectId: row.project_id, name: row.name, unitId: row.unit_id };
  }

  async saveComplaint(complaint: ComplaintCopy, manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO complaints (complaint_id, complainant_id, lodged_on) VALUES ($1, $2, $3) ON CONFLICT (complaint_id) DO NOTHING`, [
      complaint.complaintId, complaint.complainantId, complaint.lodgedOn,
    ]);
  }

  async complaint(complaintId: string, manager: EntityManager): Promise<ComplaintCopy | undefined> {
    const [row] = await manager.query(`SELECT * FROM complaints WHERE complaint_id = $1`, [complaintId]);
    return row && { complaintId: row.complaint_id, complainantId: row.complainant_id, lodgedOn: row.lodged_on };
  }
}
