import { Injectable } from '@nestjs/common';
import type { TypedEvent } from '@sangeyipi/contracts';
import type { EventSubscriber, IntegrationEvent } from '@sangeyipi/messaging';
import type { EntityManager } from 'typeorm';
import { ContextCopiesRepository } from '../context-copies/context-copies.repository';
import { DirectoryRepository } from '../directory/directory.repository';
import { planProjectMessages } from '../notification/project-messages.plan';
import { MessageOutboxWriter } from './message-outbox.writer';

/**
 * Turns the projects context's events into deliveries: advance services (提前服务) and the projects a
 * unit follows. Keeps each advance-service request's applicant and unit, and each project's name and
 * unit, since later events name only the request or the project.
 */
@Injectable()
export class ProjectEventsConsumer implements EventSubscriber {
  readonly purpose = 'project-messages';
  readonly contexts = ['projects'] as const;

  constructor(
    private readonly directory: DirectoryRepository,
    private readonly copies: ContextCopiesRepository,
    private readonly writer: MessageOutboxWriter,
  ) {}

  readonly handle = async (event: IntegrationEvent, manager: EntityManager): Promise<void> => {
    const typed = { type: event.type, data: event.data } as TypedEvent;
    await this.keepCopies(typed, manager);
    const request =
      typed.type === 'projects.AdvanceServiceScheduled' || typed.type === 'projects.AdvanceServiceCompleted'
        ? await this.copies.advanceServiceRequest(typed.data.requestId, manager)
        : undefined;
    const project = PROJECT_MESSAGES.has(typed.type) && 'projectId' in typed.data ? await this.copies.project(typed.data.projectId, manager) : undefined;
    const unitId = typed.type === 'projects.AdvanceServiceRequested' ? typed.data.unitId : project?.unitId;
    const unit = unitId ? await this.directory.unit(unitId, manager) : undefined;

    await this.writer.write(event, planProjectMessages(typed, { request, project, unit }), manager, { units: [unit] });
  };

  private async keepCopies(event: TypedEvent, manager: EntityManager): Promise<void> {
    switch (event.type) {
      case 'projects.AdvanceServiceRequested': {
        const { requestId, applicant, unitId, subject } = event.data;
        return this.copies.saveAdvanceServiceRequest({ requestId, applicantId: applicant?.applicantId ?? '', unitId, subject }, manager);
      }
      case 'projects.ProjectRegistered':
      case 'projects.ProjectListed':
        return this.copies.saveProject({ projectId: event.data.projectId, name: event.data.name, unitId: event.data.unitId }, manager);
    }
  }
}

/** The events that name only a project and call for a message to the unit following it. */
const PROJECT_MESSAGES: ReadonlySet<string> = new Set(['projects.IndustrialApprovalAtRisk', 'projects.ProjectChangeRejected', 'projects.ProjectExclusionRejected']);
