import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, IsNotBlank, Roles } from '@sangeyipi/platform';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { listingScope } from '../access/supervision-access.policy';
import { SupervisionQueries } from '../read-model/supervision.queries';
import { SupervisionActionForbidden } from '../supervision.errors';
import type { VerificationOutcome } from '../supervision.events';
import { VerificationCommandHandler } from './verification.command-handler';
import { VerificationsQueryDto } from '../read-model/dto/listing-queries.dto';

const OUTCOMES: VerificationOutcome[] = ['COMMITMENT_VERIFICATION_OUTCOME_CONFORMING', 'COMMITMENT_VERIFICATION_OUTCOME_FALSE_COMMITMENT'];

export class ConcludeVerificationDto {
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES) outcome!: VerificationOutcome;
  @ApiProperty({ example: '现场核查发现经营场所与承诺不符' }) @MaxLength(2000) @IsNotBlank() @IsString() summary!: string;
}

/** HTTP only: verification tasks of 告知承诺 decisions (事后核查). */
@ApiTags('commitment verifications')
@ApiBearerAuth()
@Controller('verifications')
export class VerificationHttpController {
  constructor(
    @Inject(VerificationCommandHandler) private readonly verifications: VerificationCommandHandler,
    private readonly queries: SupervisionQueries,
  ) {}

  @Get()
  @Roles('supervisor', 'auditor', 'unit_admin')
  list(@CurrentUser() user: AuthenticatedUser, @Query() { status }: VerificationsQueryDto) {
    const scope = listingScope(user);
    if (!scope) throw new SupervisionActionForbidden('your token names no region or unit');
    return this.queries.verifications(scope, status);
  }

  @Post(':verificationId/conclusion')
  @HttpCode(200)
  @Roles('supervisor')
  async conclude(@CurrentUser() user: AuthenticatedUser, @Param('verificationId') verificationId: string, @Body() body: ConcludeVerificationDto) {
    const region = await this.queries.verificationRegion(verificationId);
    return { verificationId, ...(await this.verifications.conclude(user, verificationId, region, body.outcome, body.summary)) };
  }
}
