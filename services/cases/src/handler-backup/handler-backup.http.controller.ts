import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sangeyipi/platform';
import { HandlerParams } from './handler-backup.params';
import { MarkAbsentHandler } from './mark-absent/mark-absent.handler';
import { NameBackupDto } from './name-backup/name-backup.dto';
import { NameBackupHandler } from './name-backup/name-backup.handler';

/** HTTP only: AB角 — naming backups and marking handlers absent. Unit admins of the unit only. */
@Controller('units/:unitId/handlers/:userId')
export class HandlerBackupHttpController {
  constructor(
    private readonly nameBackup: NameBackupHandler,
    private readonly markAbsent: MarkAbsentHandler,
  ) {}

  @Put('backup')
  @Roles('unit_admin')
  name(@Param() { unitId, userId }: HandlerParams, @Body() dto: NameBackupDto, @CurrentUser() user: AuthenticatedUser) {
    return this.nameBackup.execute(unitId, userId, dto, user);
  }

  @Post('absence')
  @HttpCode(200)
  @Roles('unit_admin')
  absent(@Param() { unitId, userId }: HandlerParams, @CurrentUser() user: AuthenticatedUser) {
    return this.markAbsent.execute(unitId, userId, user);
  }
}
