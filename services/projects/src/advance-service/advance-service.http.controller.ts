import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sangeyipi/platform';
import { AdvanceServiceCommandHandler } from './advance-service.command-handler';
import { ProjectQueries } from '../read-model/project.queries';
import { DeliverAdvanceServiceDto, ListAdvanceServicesQueryDto, RequestAdvanceServiceDto, ScheduleAdvanceServiceDto } from './dto/advance-service.dto';

const READERS = ['applicant', 'clerk', 'reviewer', 'decider', 'unit_admin', 'reform_office', 'supervisor', 'auditor'] as const;
const requestId = () => Param('requestId', new ParseUUIDPipe({ version: '4' }));

/** HTTP only: advance services (提前服务) from request or offer to delivery. */
@ApiTags('advance services')
@ApiBearerAuth()
@Controller('advance-services')
export class AdvanceServiceHttpController {
  constructor(
    private readonly services: AdvanceServiceCommandHandler,
    private readonly queries: ProjectQueries,
  ) {}

  @Post()
  @Roles('applicant', 'clerk', 'unit_admin')
  request(@CurrentUser() user: AuthenticatedUser, @Body() body: RequestAdvanceServiceDto) {
    return this.services.request(user, body);
  }

  @Post(':requestId/schedule')
  @HttpCode(HttpStatus.OK)
  @Roles('clerk', 'unit_admin')
  schedule(@CurrentUser() user: AuthenticatedUser, @requestId() id: string, @Body() body: ScheduleAdvanceServiceDto) {
    return this.services.schedule(user, id, body);
  }

  @Post(':requestId/delivery')
  @HttpCode(HttpStatus.OK)
  @Roles('clerk', 'unit_admin')
  deliver(@CurrentUser() user: AuthenticatedUser, @requestId() id: string, @Body() body: DeliverAdvanceServiceDto) {
    return this.services.deliver(user, id, body);
  }

  @Get()
  @Roles(...READERS)
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListAdvanceServicesQueryDto) {
    return this.queries.advanceServicesFor(user, query.status);
  }

  @Get(':requestId')
  @Roles(...READERS)
  read(@CurrentUser() user: AuthenticatedUser, @requestId() id: string) {
    return this.services.read(user, id);
  }
}
