import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@sangeyipi/platform';
import { PublicListQueryDto } from '../landing-list/dto/landing-list.dto';
import { ProjectQueries } from './project.queries';

/** Public (no token): the published same-year landing lists, their projects' status and the landing rates. */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicLandingHttpController {
  constructor(private readonly queries: ProjectQueries) {}

  @Get('landing-lists')
  lists(@Query() query: PublicListQueryDto) {
    return this.queries.publicLists(query);
  }

  @Get('projects/:projectId')
  project(@Param('projectId', new ParseUUIDPipe({ version: '4' })) projectId: string) {
    return this.queries.publicProject(projectId);
  }

  @Get('landing-rates')
  rates(@Query() query: PublicListQueryDto) {
    return this.queries.landingRates(query);
  }
}
