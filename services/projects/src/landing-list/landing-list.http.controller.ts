import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sangeyipi/platform';
import { LandingListCommandHandler } from './landing-list.command-handler';
import { LandingListRefDto, PublishLandingBatchDto } from './dto/landing-list.dto';

/** HTTP only: the reform office publishes the batches of a same-year landing list and closes its year. */
@ApiTags('landing lists')
@ApiBearerAuth()
@Controller('landing-lists')
export class LandingListHttpController {
  constructor(private readonly lists: LandingListCommandHandler) {}

  @Post('batches')
  @Roles('reform_office')
  publishBatch(@CurrentUser() user: AuthenticatedUser, @Body() body: PublishLandingBatchDto) {
    return this.lists.publishBatch(user, body);
  }

  @Post('closing')
  @HttpCode(HttpStatus.OK)
  @Roles('reform_office')
  closeYear(@CurrentUser() user: AuthenticatedUser, @Body() body: LandingListRefDto) {
    return this.lists.closeYear(user, body);
  }
}
