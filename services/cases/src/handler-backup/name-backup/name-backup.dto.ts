import { IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '@sangeyipi/platform';

/** NameBackup: the unit names who handles a staff member's cases when they are away (AB角). */
export class NameBackupDto {
  /** User id of the backup (B角), a staff member of the same unit. */
  @IsString()
  @IsNotBlank()
  @MaxLength(64)
  backupUserId!: string;
}
