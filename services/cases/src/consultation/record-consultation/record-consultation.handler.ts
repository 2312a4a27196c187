import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EventBackboneService } from '@sangeyipi/messaging';
import { ExpectedVersion, PostgresEventStore } from '@sangeyipi/eventstore';
import { CLOCK, CorrelationContext, toShanghaiDate, type AuthenticatedUser, type Clock } from '@sangeyipi/platform';
import { consultationStreamId, type ConsultationRecorded } from '../consultation.events';
import type { RecordConsultationDto } from './record-consultation.dto';
import { currentCommandTransaction } from '../../idempotency/command-transaction';
import { requireUnitStaff, STAFF_ROLES } from '../../case/case.permissions';

/** Only staff of a unit answer (and list) its consultations; answers their unit. */
export const consultationUnitOf = (user: AuthenticatedUser): string => requireUnitStaff(user, 'record and list its consultations');

/** A staff member of a unit records a consultation they answered; one new stream per consultation. */
@Injectable()
export class RecordConsultationHandler {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly backbone: EventBackboneService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(dto: RecordConsultationDto, user: AuthenticatedUser): Promise<ConsultationRecorded['data']> {
    const unitId = consultationUnitOf(user);
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
        actor: { id: user.userId, role: user.roles.find((role) => STAFF_ROLES.includes(role)) ?? 'clerk' },
        unitId,
        regionCode: user.regionCode ?? '',
      },
      manager: currentCommandTransaction(),
    });
    this.backbone.notifyAppended();
    return event.data;
  }
}
