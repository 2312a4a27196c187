import { randomUUID } from 'node:crypto';
import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { EventBackboneService } from '@sangeyipi/messaging';
import { ExpectedVersion, PostgresEventStore } from '@sangeyipi/eventstore';
import { CLOCK, CorrelationContext, toShanghaiDate, type AuthenticatedUser, type Clock, type Role } from '@sangeyipi/platform';
import { consultationStreamId, type ConsultationRecorded } from '../consultation.events';
import type { RecordConsultationDto } from './record-consultation.dto';
import { currentCommandTransaction } from '../../idempotency/command-transaction';

/** Staff roles that answer consultations for their unit. */
export const CONSULTATION_ROLES: readonly Role[] = ['clerk', 'reviewer', 'decider', 'unit_admin'];

/** A staff member of a unit records a consultation they answered; one new stream per consultation. */
@Injectable()
export class RecordConsultationHandler {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly backbone: EventBackboneService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(dto: RecordConsultationDto, user: AuthenticatedUser): Promise<ConsultationRecorded['data']> {
    const unitId = requireUnitStaff(user);
    const event: ConsultationRecorded = {
      type: 'cases.ConsultationRecorded',
      data: {
        consultationId: randomUUID(),
        unitId,
        itemId: dto.itemId ?? '',
        topic: dto.topic,
        answer: dto.answer,
        applicantRef: dto.applicantRef ?? '',
        answeredByUserId: user.userId,
        recordedOn: toShanghaiDate(this.clock.now()),
      },
    };
    await this.store.append(consultationStreamId(event.data.consultationId), ExpectedVersion.NoStream, [event], {
      metadata: {
        correlationId: CorrelationContext.current() ?? CorrelationContext.accept(undefined),
        actor: { id: user.userId, role: user.roles.find((role) => CONSULTATION_ROLES.includes(role)) ?? 'clerk' },
        unitId,
        regionCode: user.regionCode ?? '',
      },
      manager: currentCommandTransaction(),
    });
    this.backbone.notifyAppended();
    return event.data;
  }
}

/** Only staff of a unit answer (and list) its consultations; answers their unit. */
export function requireUnitStaff(user: AuthenticatedUser): string {
  if (!user.unitId || !user.roles.some((role) => CONSULTATION_ROLES.includes(role))) {
    throw new ForbiddenException('only staff of a unit record and list its consultations');
  }
  return user.unitId;
}
