import { Injectable } from '@nestjs/common';
import type { TypedEvent } from '@sangeyipi/contracts';
import type { EventSubscriber, IntegrationEvent } from '@sangeyipi/messaging';
import type { EntityManager } from 'typeorm';
import { ContextCopiesRepository } from '../context-copies/context-copies.repository';
import { DirectoryRepository } from '../directory/directory.repository';
import { concernedUnitId, partiesFromReceipt, planCaseMessages } from '../notification/case-messages.plan';
import { MessageOutboxWriter } from './message-outbox.writer';

/**
 * Turns the cases context's events into deliveries in the outbox, in the same transaction that
 * records the event as processed (so a redelivered event adds nothing). Keeps what later events
 * need but do not carry: each case's parties from its receipt, handlers' named backups (AB角) and
 * assistance requests.
 */
@Injectable()
export class CaseEventsConsumer implements EventSubscriber {
  readonly purpose = 'case-messages';
  readonly contexts = ['cases'] as const;

  constructor(
    private readonly directory: DirectoryRepository,
    private readonly copies: ContextCopiesRepository,
    private readonly writer: MessageOutboxWriter,
  ) {}

  readonly handle = async (event: IntegrationEvent, manager: EntityManager): Promise<void> => {
    const typed = { type: event.type, data: event.data } as TypedEvent;
    await this.keepCopies(typed, manager);
    const caseId = 'caseId' in typed.data ? typed.data.caseId : undefined;
    const parties = caseId ? await this.directory.caseParties(caseId, manager) : undefined;
    const assistance = typed.type === 'cases.AssistanceAnswered' ? await this.copies.assistanceRequest(typed.data.caseId, typed.data.requestId, manager) : undefined;
    const unitId = concernedUnitId(typed, parties, assistance);
    const unit = unitId ? await this.directory.unit(unitId, manager) : undefined;
    const previousHandlersBackupId =
      typed.type === 'cases.CaseReassigned' && parties ? await this.copies.backupOf(parties.unitId, typed.data.fromUserId, manager) : undefined;

    const intents = planCaseMessages(typed, { parties, unit, assistance, previousHandlersBackupId });
    await this.writer.write(event, intents, manager, { caseId, units: [unit] });
  };

  private async keepCopies(event: TypedEvent, manager: EntityManager): Promise<void> {
    switch (event.type) {
      case 'cases.CaseReceived':
        return this.directory.saveCaseParties(partiesFromReceipt(event.data), manager);
      case 'cases.HandlerBackupNamed':
        return this.copies.saveHandlerBackup(
          { unitId: event.data.unitId, handlerUserId: event.data.handlerUserId, backupUserId: event.data.backupUserId },
          manager,
        );
      case 'cases.AssistanceRequested':
        return this.copies.saveAssistanceRequest(
          { caseId: event.data.caseId, requestId: event.data.requestId, fromUnitId: event.data.fromUnitId, toUnitId: event.data.toUnitId, question: event.data.question },
          manager,
        );
    }
  }
}
