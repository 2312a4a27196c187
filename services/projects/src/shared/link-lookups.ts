import type { EntityManager } from 'typeorm';
import type { AdvanceServiceEvent } from '../advance-service/advance-service.events';

/**
 * The rows the cases consumer finds its candidates by: an industrial project's approval slots (by
 * enterprise and item) and an advance service (by applicant). The command that creates them writes them in
 * the transaction of its append, so a case received the moment after a plan or a request is never missed;
 * the projection writes the same rows again (both statements are idempotent), so a rebuild restores them.
 */
export async function writeApprovalSlots(manager: EntityManager, projectId: string, ownerId: string, approvals: readonly { approvalId: string; itemId: string }[]): Promise<void> {
  await manager.query(`DELETE FROM projects_approval_slots WHERE project_id = $1`, [projectId]);
  await manager.query(
    `INSERT INTO projects_approval_slots (project_id, approval_id, item_id, owner_id)
     SELECT $1, approval_id, item_id, $2 FROM unnest($3::text[], $4::text[]) AS slot (approval_id, item_id)`,
    [projectId, ownerId, approvals.map((approval) => approval.approvalId), approvals.map((approval) => approval.itemId)],
  );
}

export async function insertAdvanceServiceLookup(manager: EntityManager, request: Extract<AdvanceServiceEvent, { type: 'projects.AdvanceServiceRequested' }>['data']): Promise<void> {
  await manager.query(
    `INSERT INTO projects_advance_services (request_id, item_id, unit_id, region_code, applicant_id, approach, origin, status, requested_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'requested', $8) ON CONFLICT (request_id) DO NOTHING`,
    [request.requestId, request.itemId, request.unitId, request.regionCode, request.applicant.applicantId, request.approach, request.origin, request.requestedOn],
  );
}
