import { IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '@sangeyipi/platform';

/** The handler an AB角 route is about: `/units/:unitId/handlers/:userId`. */
export class HandlerParams {
  /** The unit, as staff tokens carry it. */
  @IsString()
  @IsNotBlank()
  @MaxLength(64)
  unitId!: string;

  /** The handler's user id (A角). */
  @IsString()
  @IsNotBlank()
  @MaxLength(64)
  userId!: string;
}
