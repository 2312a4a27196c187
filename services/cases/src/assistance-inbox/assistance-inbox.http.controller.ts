import { Controller, Get, Query } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sangeyipi/platform';
import { IsIn, IsOptional } from 'class-validator';
import { requireUnitStaff } from '../case/case.permissions';
import { ASSISTANCE_STATES, AssistanceInboxQueries, type AssistanceState } from './assistance-inbox.queries';

class AssistanceInboxQuery {
  /** pending (the default), answered or all. */
  @IsOptional()
  @IsIn(ASSISTANCE_STATES)
  status?: AssistanceState;
}

/** HTTP only: the requests for administrative assistance (行政协助) the caller's unit was asked. */
@Controller('assistance-requests')
export class AssistanceInboxHttpController {
  constructor(private readonly queries: AssistanceInboxQueries) {}

  /** Pending ones by default, due first; each is answered at /cases/:caseId/assistance-requests/:requestId/answer. */
  @Get()
  @Roles('clerk', 'reviewer', 'decider', 'unit_admin')
  list(@Query() query: AssistanceInboxQuery, @CurrentUser() user: AuthenticatedUser) {
    return this.queries.askedOf(requireUnitStaff(user, 'see the assistance it was asked'), query.status ?? 'pending');
  }
}
