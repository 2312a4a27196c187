import { Injectable } from '@nestjs/common';
import type { TypedEvent } from '@sangeyipi/contracts';
import type { EventSubscriber, IntegrationEvent } from '@sangeyipi/messaging';
import type { EntityManager } from 'typeorm';
import { ContextCopiesRepository } from '../context-copies/context-copies.repository';
import { DirectoryRepository } from '../directory/directory.repository';
import { planProjectMessages } from '../notification/project-messages.plan';
import { MessageOutboxWriter } from './message-outbox.writer';

/**
 * Turns the projects context's advance-service events (提前服务) into deliveries; keeps each request's
 * applicant and unit, since its appointment and completion name only the request.
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
    if (typed.type === 'projects.AdvanceServiceRequested') {
      const { requestId, applicant, unitId, subject } = typed.data;
      await this.copies.saveAdvanceServiceRequest({ requestId, applicantId: applicant?.applicantId ?? '', unitId, subject }, manager);
    }
    const request =
      typed.type === 'projects.AdvanceServiceScheduled' || typed.type === 'projects.AdvanceServiceCompleted'
        ? await this.copies.advanceServiceRequest(typed.data.requestId, manager)
        : undefined;
    const unitId = typed.type === 'projects.AdvanceServiceRequested' ? typed.data.unitId : undefined;
    const unit = unitId ? await this.directory.unit(unitId, manager) : undefined;

    await this.writer.write(event, planProjectMessages(typed, { request, unit }), manager, { units: [unit] });
  };
}
