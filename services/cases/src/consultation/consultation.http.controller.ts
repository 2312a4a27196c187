import { Body, Controller, Get, Post } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sangeyipi/platform';
import { ConsultationQueries } from './consultation.queries';
import { RecordConsultationDto } from './record-consultation/record-consultation.dto';
import { consultationUnitOf, RecordConsultationHandler } from './record-consultation/record-consultation.handler';

/** HTTP only: consultations (咨询) answered by a unit's staff. */
@Controller('consultations')
export class ConsultationHttpController {
  constructor(
    private readonly recordConsultation: RecordConsultationHandler,
    private readonly queries: ConsultationQueries,
  ) {}

  @Post()
  @Roles('clerk', 'reviewer', 'decider', 'unit_admin')
  record(@Body() dto: RecordConsultationDto, @CurrentUser() user: AuthenticatedUser) {
    return this.recordConsultation.execute(dto, user);
  }

  /** The caller's unit's consultations. */
  @Get()
  @Roles('clerk', 'reviewer', 'decider', 'unit_admin')
  list(@CurrentUser() user: AuthenticatedUser) {
    return this.queries.forUnit(consultationUnitOf(user));
  }
}
