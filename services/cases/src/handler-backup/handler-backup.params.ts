import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The handler an AB角 route is about: `/units/:unitId/handlers/:userId`. */
export class HandlerParams {
  /** The unit, as staff tokens carry it. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  unitId!: string;

  /** The handler's user id (A角). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  userId!: string;
}
