import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sangeyipi/platform';
import { AcceptAtWindowDto, AmendOnlineDto, PreReviewDto, SubmitOnlineDto } from './online-application.dto';
import { OnlineApplicationHandler } from './online-application.handler';

const UUID = new ParseUUIDPipe({ version: '4' });

/** HTTP only: online applications, from the applicant's submission to acceptance at the window. */
@Controller('online-applications')
export class OnlineApplicationHttpController {
  constructor(private readonly online: OnlineApplicationHandler) {}

  @Post()
  @Roles('applicant')
  submit(@Body() dto: SubmitOnlineDto, @CurrentUser() user: AuthenticatedUser) {
    return this.online.submit(dto, user);
  }

  @Post(':caseId/amendments')
  @Roles('applicant')
  amend(@Param('caseId', UUID) caseId: string, @Body() dto: AmendOnlineDto, @CurrentUser() user: AuthenticatedUser) {
    return this.online.amend(caseId, dto, user);
  }

  @Post(':caseId/pre-review')
  @HttpCode(200)
  @Roles('clerk')
  preReview(@Param('caseId', UUID) caseId: string, @Body() dto: PreReviewDto, @CurrentUser() user: AuthenticatedUser) {
    return this.online.preReview(caseId, dto, user);
  }

  @Post(':caseId/window-acceptance')
  @Roles('clerk')
  acceptAtWindow(@Param('caseId', UUID) caseId: string, @Body() dto: AcceptAtWindowDto, @CurrentUser() user: AuthenticatedUser) {
    return this.online.acceptAtWindow(caseId, dto, user);
  }
}
