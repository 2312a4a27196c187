import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sangeyipi/platform';
import { RegisterUnitDto } from './dto/register-unit.dto';
import { ServiceUnitCommandHandler } from './service-unit.command-handler';
import type { ServiceUnit } from './service-unit.decider';

@ApiTags('service units')
@ApiBearerAuth()
@Controller('units')
export class ServiceUnitHttpController {
  constructor(private readonly commands: ServiceUnitCommandHandler) {}

  @Post()
  @Roles('operations_admin')
  @ApiOperation({ summary: 'Register a service unit (办事部门) at a level, in a region of that level' })
  @ApiCreatedResponse({ description: 'The registered unit' })
  register(@CurrentUser() user: AuthenticatedUser, @Body() body: RegisterUnitDto): Promise<ServiceUnit> {
    return this.commands.register(user, { unitId: body.unitId, name: body.name, kind: body.kind, level: body.level, regionCode: body.regionCode });
  }
}
