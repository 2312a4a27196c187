import { Body, Controller, ForbiddenException, Get, Inject, NotFoundException, Param, Put } from '@nestjs/common';
import { CLOCK, CurrentUser, Roles, type AuthenticatedUser, type Clock } from '@sangeyipi/platform';
import { IsOptional, IsString, IsUrl } from 'class-validator';
import type { UnitContacts } from '../notification/notification.types';
import { DirectoryRepository } from './directory.repository';

class UnitContactsBody {
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  webhookUrl?: string;

  @IsOptional()
  @IsString()
  handlerId?: string;

  /** AB角: the handler's named backup. */
  @IsOptional()
  @IsString()
  backupId?: string;

  @IsOptional()
  @IsString()
  supervisorId?: string;
}

/** Who hears about a unit's cases: its webhook, handler, backup (AB角) and supervisor. */
@Controller('units/:unitId/contacts')
@Roles('unit_admin', 'operations_admin')
export class UnitContactsHttpController {
  constructor(
    private readonly directory: DirectoryRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  async get(@CurrentUser() user: AuthenticatedUser, @Param('unitId') unitId: string): Promise<UnitContacts> {
    assertMayManage(user, unitId);
    const contacts = await this.directory.unit(unitId);
    if (!contacts) throw new NotFoundException(`unit ${unitId} has no contacts`);
    return contacts;
  }

  @Put()
  async put(@CurrentUser() user: AuthenticatedUser, @Param('unitId') unitId: string, @Body() body: UnitContactsBody): Promise<UnitContacts> {
    assertMayManage(user, unitId);
    const contacts: UnitContacts = { unitId, ...body };
    await this.directory.saveUnit(contacts, this.clock.now());
    return contacts;
  }
}

/** A unit admin manages only their own unit; operations admins manage every unit. */
function assertMayManage(user: AuthenticatedUser, unitId: string): void {
  if (!user.roles.includes('operations_admin') && user.unitId !== unitId) throw new ForbiddenException(`you may manage only unit ${user.unitId ?? '(none)'}`);
}
