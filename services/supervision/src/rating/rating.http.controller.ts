import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, IsNotBlank, Roles } from '@sangeyipi/platform';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { listingScope } from '../access/supervision-access.policy';
import { SupervisionQueries } from '../read-model/supervision.queries';
import { SupervisionActionForbidden } from '../supervision.errors';
import { RATING_GRADES, type ApplicantRef, type RatingGrade } from '../supervision.events';
import { RatingCommandHandler } from './rating.command-handler';

const APPLICANT_KINDS: ApplicantRef['kind'][] = ['APPLICANT_KIND_PERSON', 'APPLICANT_KIND_ENTERPRISE'];

export class RateCaseDto {
  @ApiProperty() @IsNotBlank() @IsString() caseId!: string;
  @ApiProperty({ enum: RATING_GRADES, description: '非常满意 · 满意 · 基本满意 · 不满意 · 非常不满意' }) @IsIn(RATING_GRADES) grade!: RatingGrade;
  @ApiPropertyOptional() @MaxLength(1000) @IsString() @IsOptional() comment?: string;
}

export class AnswerBadRatingDto {
  @ApiProperty({ description: 'Whether the unit found the complaint justified' }) @IsBoolean() justified!: boolean;
  @ApiProperty({ description: 'What the unit fixed' }) @MaxLength(2000) @IsString() fix!: string;
  @ApiProperty({ description: 'The answer to the applicant' }) @MaxLength(2000) @IsNotBlank() @IsString() answer!: string;
}

export class LodgeComplaintDto {
  @ApiProperty({ description: 'The unit or enterprise complained about' }) @MaxLength(100) @IsNotBlank() @IsString() subjectId!: string;
  @ApiPropertyOptional({ description: 'A case of your own it concerns' }) @IsString() @IsOptional() caseId?: string;
  @ApiProperty() @MaxLength(4000) @IsNotBlank() @IsString() description!: string;
  @ApiPropertyOptional({ enum: APPLICANT_KINDS }) @IsIn(APPLICANT_KINDS) @IsOptional() applicantKind?: ApplicantRef['kind'];
}

export class ResolveComplaintDto {
  @ApiProperty() @IsBoolean() substantiated!: boolean;
  @ApiProperty() @MaxLength(2000) @IsNotBlank() @IsString() note!: string;
}

/** HTTP only: social supervision — ratings of completed cases (好差评) and complaints. */
@ApiTags('ratings and complaints')
@ApiBearerAuth()
@Controller()
export class RatingHttpController {
  constructor(
    private readonly ratings: RatingCommandHandler,
    private readonly queries: SupervisionQueries,
  ) {}

  @Post('ratings')
  @Roles('applicant')
  rate(@CurrentUser() user: AuthenticatedUser, @Body() body: RateCaseDto) {
    return this.ratings.rate(user, body.caseId, body.grade, body.comment ?? '');
  }

  @Get('ratings')
  @Roles('supervisor', 'auditor', 'unit_admin', 'reform_office')
  list(@CurrentUser() user: AuthenticatedUser) {
    return this.queries.ratings(this.scope(user));
  }

  @Post('ratings/:ratingId/answer')
  @HttpCode(200)
  @Roles('unit_admin')
  answer(@CurrentUser() user: AuthenticatedUser, @Param('ratingId') ratingId: string, @Body() body: AnswerBadRatingDto) {
    return this.ratings.answerBadRating(user, ratingId, body);
  }

  @Post('complaints')
  @Roles('applicant')
  lodge(@CurrentUser() user: AuthenticatedUser, @Body() body: LodgeComplaintDto) {
    return this.ratings.lodgeComplaint(user, { ...body, applicantKind: body.applicantKind ?? 'APPLICANT_KIND_PERSON' });
  }

  @Get('complaints')
  @Roles('supervisor', 'auditor')
  complaints(@CurrentUser() user: AuthenticatedUser) {
    return this.queries.complaints(this.scope(user));
  }

  @Post('complaints/:complaintId/resolution')
  @HttpCode(200)
  @Roles('supervisor')
  resolve(@CurrentUser() user: AuthenticatedUser, @Param('complaintId') complaintId: string, @Body() body: ResolveComplaintDto) {
    return this.ratings.resolveComplaint(user, complaintId, body.substantiated, body.note);
  }

  private scope(user: AuthenticatedUser) {
    const scope = listingScope(user);
    if (!scope) throw new SupervisionActionForbidden('your token names no region or unit');
    return scope;
  }
}
