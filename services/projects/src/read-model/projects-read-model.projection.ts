import type { Projection, StoredEvent } from '@sangeyipi/eventstore';
import type { EntityManager } from 'typeorm';
import type { AdvanceServiceEvent } from '../advance-service/advance-service.events';
import type { LandingListEvent } from '../landing-list/landing-list.decider';
import type { LandingTarget, Milestone, ProjectEvent } from '../project/project.events';
import { landedOn } from '../project/project.rules';
import { insertAdvanceServiceLookup, writeApprovalSlots } from '../shared/link-lookups';

type ContextEvent = ProjectEvent | LandingListEvent | AdvanceServiceEvent;

/**
 * Keeps the read model of the projects context (see the CreateProjectsReadModels migration) in step with
 * the service's event log: the projects and their public status, the published list batches, the approval
 * slots the cases consumer looks received cases up by, and the advance services. The runner applies each
 * event once, with its checkpoint in the same transaction; `reset` + replay lands on the same model.
 */
export class ProjectsReadModelProjection implements Projection {
  readonly name = 'projects-read-model';

  async apply(events: readonly StoredEvent[], manager: EntityManager): Promise<void> {
    for (const stored of events) await this.applyOne({ type: stored.type, data: stored.data } as ContextEvent, stored.recordedAt, manager);
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query(`TRUNCATE projects_projects, projects_list_batches, projects_approval_slots, projects_advance_services`);
  }

  private async applyOne(event: ContextEvent, at: Date, manager: EntityManager): Promise<void> {
    switch (event.type) {
      case 'projects.ProjectRegistered': {
        const d = event.data;
        await manager.query(
          `INSERT INTO projects_projects (project_id, name, unit_id, level, list_region_code, site_region_code, owner_id, industry,
             investment_ten_thousand_yuan, industrial, target, listing_year, status, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'registered', $13) ON CONFLICT (project_id) DO NOTHING`,
          [d.projectId, d.name, d.unitId, d.level, d.listRegionCode, d.siteRegionCode, d.owner.applicantId, d.industry, d.investmentTenThousandYuan, d.industrial, d.target, d.listingYear, at],
        );
        return;
      }
      case 'projects.ProjectRegistrationAmended': {
        const d = event.data;
        await manager.query(
          `UPDATE projects_projects SET name = $2, site_region_code = $3, owner_id = $4, industry = $5, investment_ten_thousand_yuan = $6,
             industrial = $7, target = $8, updated_at = $9 WHERE project_id = $1`,
          [d.projectId, d.name, d.siteRegionCode, d.owner.applicantId, d.industry, d.investmentTenThousandYuan, d.industrial, d.target, at],
        );
        await manager.query(`UPDATE projects_approval_slots SET owner_id = $2 WHERE project_id = $1`, [d.projectId, d.owner.applicantId]);
        return;
      }
      case 'projects.ProjectListed':
        await manager.query(`UPDATE projects_projects SET status = 'listed', batch_number = $2, published_on = $3, updated_at = $4 WHERE project_id = $1`, [
          event.data.projectId,
          event.data.batchNumber,
          event.data.publishedOn,
          at,
        ]);
        return;
      case 'projects.MilestoneReached': {
        const { projectId, milestone, reachedOn } = event.data;
        await this.updateLanding(manager, projectId, at, (row) => ({ ...row, milestones: [...row.milestones, { milestone, reachedOn }] }));
        return;
      }
      case 'projects.ProjectTargetChanged':
        await this.updateLanding(manager, event.data.projectId, at, (row) => ({ ...row, target: event.data.target }));
        return;
      case 'projects.ProjectDelisted':
        await this.set(manager, event.data.projectId, at, `status = 'delisted'`);
        return;
      case 'projects.ProjectChangeRequested':
        await this.set(manager, event.data.projectId, at, `open_change_request = $3`, [event.data.changeRequestId]);
        return;
      case 'projects.ProjectChangeApproved':
      case 'projects.ProjectChangeRejected':
        await this.set(manager, event.data.projectId, at, `open_change_request = NULL`);
        return;
      case 'projects.ProjectExclusionRequested':
        await this.set(manager, event.data.projectId, at, `exclusion = 'requested'`);
        return;
      case 'projects.ProjectExclusionRejected':
        await this.set(manager, event.data.projectId, at, `exclusion = 'rejected'`);
        return;
      case 'projects.ProjectExcluded':
        await this.set(manager, event.data.projectId, at, `exclusion = 'approved'`);
        return;
      case 'projects.ProjectYearClosed':
        await this.set(manager, event.data.projectId, at, `year_outcome = $3`, [event.data.outcome]);
        return;
      case 'projects.IndustrialApprovalPlanned': {
        const { projectId, approvals } = event.data;
        await this.set(manager, projectId, at, `chain_planned = true`);
        const [row] = (await manager.query(`SELECT owner_id FROM projects_projects WHERE project_id = $1`, [projectId])) as { owner_id: string }[];
        if (row) await writeApprovalSlots(manager, projectId, row.owner_id, approvals);
        return;
      }
      case 'projects.IndustrialApprovalAtRisk':
        await this.set(manager, event.data.projectId, at, `chain_flagged_on = $3`, [event.data.flaggedOn]);
        return;
      case 'projects.IndustrialApprovalChainCompleted':
        await this.set(manager, event.data.projectId, at, `chain_completed_on = $3`, [event.data.completedOn]);
        return;
      case 'projects.LandingListBatchPublished': {
        const d = event.data;
        await manager.query(
          `INSERT INTO projects_list_batches (batch_id, level, region_code, listing_year, batch_number, title, project_ids, published_on)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (batch_id) DO NOTHING`,
          [d.batchId, d.level, d.regionCode, d.listingYear, d.batchNumber, d.title, JSON.stringify(d.projectIds), d.publishedOn],
        );
        return;
      }
      case 'projects.LandingListYearClosed': {
        const d = event.data;
        await manager.query(`UPDATE projects_list_batches SET closed_on = $4 WHERE level = $1 AND region_code = $2 AND listing_year = $3`, [d.level, d.regionCode, d.listingYear, d.closedOn]);
        return;
      }
      case 'projects.AdvanceServiceRequested':
        await insertAdvanceServiceLookup(manager, event.data);
        return;
      case 'projects.AdvanceServiceScheduled':
        await manager.query(`UPDATE projects_advance_services SET status = 'scheduled', scheduled_on = $2 WHERE request_id = $1`, [event.data.requestId, event.data.scheduledOn]);
        return;
      case 'projects.AdvanceServiceCompleted':
        await manager.query(`UPDATE projects_advance_services SET status = 'delivered', delivered_on = $2 WHERE request_id = $1`, [event.data.requestId, event.data.completedOn]);
        return;
      case 'projects.AdvanceServiceLinkedToCase':
        await manager.query(`UPDATE projects_advance_services SET linked_cases = linked_cases + 1 WHERE request_id = $1`, [event.data.requestId]);
        return;
      default:
        return; // documents, meetings, case links and progress are read from the streams
    }
  }

  private async set(manager: EntityManager, projectId: string, at: Date, assignment: string, values: unknown[] = []): Promise<void> {
    await manager.query(`UPDATE projects_projects SET ${assignment}, updated_at = $2 WHERE project_id = $1`, [projectId, at, ...values]);
  }

  /** Milestones and target decide whether (and when) the project landed within its list year. */
  private async updateLanding(
    manager: EntityManager,
    projectId: string,
    at: Date,
    change: (row: LandingRow) => LandingRow,
  ): Promise<void> {
    const [row] = (await manager.query(`SELECT target, listing_year, milestones FROM projects_projects WHERE project_id = $1`, [projectId])) as {
      target: LandingTarget;
      listing_year: number;
      milestones: LandingRow['milestones'];
    }[];
    if (!row) return;
    const next = change({ target: row.target, milestones: row.milestones });
    await manager.query(`UPDATE projects_projects SET target = $2, milestones = $3, landed_on = $4, updated_at = $5 WHERE project_id = $1`, [
      projectId,
      next.target,
      JSON.stringify(next.milestones),
      landedOn(next.target, row.listing_year, next.milestones),
      at,
    ]);
  }
}

interface LandingRow {
  target: LandingTarget;
  milestones: { milestone: Milestone; reachedOn: string }[];
}
