import { IsInt, IsOptional, Min } from 'class-validator';

/** What every command on an existing case may carry. */
export class CaseCommandDto {
  /**
   * The case version the caller acted on (from GET /cases/:id). When given and the case moved on
   * meanwhile, the command is refused with 409: two people acting on one step at once, one wins.
   */
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}
