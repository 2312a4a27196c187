import { Body, Controller, ForbiddenException, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sangeyipi/platform';
import { CaseSummaryQueries } from '../case-summary/case-summary.queries';
import { CaseCommandDto } from './case-command.dto';
import { allowedActions, pendingStep } from './case.decider';
import { canRead, requireExisting } from './case.permissions';
import { CaseStreams } from './case.streams';
import { AcceptCaseHandler } from './accept-case/accept-case.handler';
import { AnswerAssistanceDto } from './answer-assistance/answer-assistance.dto';
import { AnswerAssistanceHandler } from './answer-assistance/answer-assistance.handler';
import { RequestAssistanceDto } from './request-assistance/request-assistance.dto';
import { RequestAssistanceHandler } from './request-assistance/request-assistance.handler';
import { AttemptChargeDto } from './attempt-charge/attempt-charge.dto';
import { AttemptChargeHandler } from './attempt-charge/attempt-charge.handler';
import { AmendApplicationDto } from './amend-application/amend-application.dto';
import { AmendApplicationHandler } from './amend-application/amend-application.handler';
import { CompleteStepDto } from './complete-step/complete-step.dto';
import { CompleteStepHandler } from './complete-step/complete-step.handler';
import { DeliverDocumentDto } from './deliver-document/deliver-document.dto';
import { DeliverDocumentHandler } from './deliver-document/deliver-document.handler';
import { HandOverCaseDto } from './hand-over-case/hand-over-case.dto';
import { HandOverCaseHandler } from './hand-over-case/hand-over-case.handler';
import { IssueDocumentDto } from './issue-document/issue-document.dto';
import { IssueDocumentHandler } from './issue-document/issue-document.handler';
import { ReceiveCaseDto } from './receive-case/receive-case.dto';
import { ReceiveCaseHandler } from './receive-case/receive-case.handler';
import { RefuseAcceptanceDto } from './refuse-acceptance/refuse-acceptance.dto';
import { RefuseAcceptanceHandler } from './refuse-acceptance/refuse-acceptance.handler';
import { RequestSupplementDto } from './request-supplement/request-supplement.dto';
import { RequestSupplementHandler } from './request-supplement/request-supplement.handler';
import { ResumeClockHandler } from './resume-clock/resume-clock.handler';
import { SuspendClockDto } from './suspend-clock/suspend-clock.dto';
import { SuspendClockHandler } from './suspend-clock/suspend-clock.handler';

const UUID = new ParseUUIDPipe({ version: '4' });

/** HTTP only: the case commands and reads. Rules live in the decider; permissions in the handlers. */
@Controller('cases')
export class CaseHttpController {
  constructor(
    private readonly cases: CaseStreams,
    private readonly summaries: CaseSummaryQueries,
    private readonly receiveCase: ReceiveCaseHandler,
    private readonly amendApplication: AmendApplicationHandler,
    private readonly requestSupplement: RequestSupplementHandler,
    private readonly acceptCase: AcceptCaseHandler,
    private readonly refuseAcceptance: RefuseAcceptanceHandler,
    private readonly completeStep: CompleteStepHandler,
    private readonly issueDocument: IssueDocumentHandler,
    private readonly deliverDocument: DeliverDocumentHandler,
    private readonly suspendClock: SuspendClockHandler,
    private readonly resumeClock: ResumeClockHandler,
    private readonly attemptCharge: AttemptChargeHandler,
    private readonly handOverCase: HandOverCaseHandler,
    private readonly requestAssistance: RequestAssistanceHandler,
    private readonly answerAssistance: AnswerAssistanceHandler,
  ) {}

  @Post()
  @Roles('clerk')
  receive(@Body() dto: ReceiveCaseDto, @CurrentUser() user: AuthenticatedUser) {
    return this.receiveCase.execute(dto, user);
  }

  /** My cases, with deadline lights. */
  @Get('mine')
  mine(@CurrentUser() user: AuthenticatedUser) {
    return this.summaries.mine(user);
  }

  @Get(':caseId')
  async get(@Param('caseId', UUID) caseId: string, @CurrentUser() user: AuthenticatedUser) {
    const { state, version, regionCode } = await this.cases.load(caseId);
    requireExisting(state, caseId);
    if (!canRead(user, { unitId: state.unitId, applicantId: state.applicantId, regionCode, assistingUnitIds: state.assistance.map((r) => r.toUnitId) })) throw new ForbiddenException('not your case');
    return { ...state, version, pendingStep: pendingStep(state) ?? null, allowedActions: allowedActions(state) };
  }

  @Post(':caseId/amendments')
  @Roles('clerk')
  amend(@Param('caseId', UUID) caseId: string, @Body() dto: AmendApplicationDto, @CurrentUser() user: AuthenticatedUser) {
    return this.amendApplication.execute(caseId, dto, user);
  }

  @Post(':caseId/supplement-requests')
  @Roles('clerk')
  supplement(@Param('caseId', UUID) caseId: string, @Body() dto: RequestSupplementDto, @CurrentUser() user: AuthenticatedUser) {
    return this.requestSupplement.execute(caseId, dto, user);
  }

  @Post(':caseId/acceptance')
  @HttpCode(200)
  @Roles('clerk')
  accept(@Param('caseId', UUID) caseId: string, @Body() dto: CaseCommandDto, @CurrentUser() user: AuthenticatedUser) {
    return this.acceptCase.execute(caseId, dto, user);
  }

  @Post(':caseId/acceptance-refusal')
  @HttpCode(200)
  @Roles('clerk')
  refuse(@Param('caseId', UUID) caseId: string, @Body() dto: RefuseAcceptanceDto, @CurrentUser() user: AuthenticatedUser) {
    return this.refuseAcceptance.execute(caseId, dto, user);
  }

  @Post(':caseId/steps')
  @HttpCode(200)
  @Roles('clerk', 'reviewer', 'decider')
  step(@Param('caseId', UUID) caseId: string, @Body() dto: CompleteStepDto, @CurrentUser() user: AuthenticatedUser) {
    return this.completeStep.execute(caseId, dto, user);
  }

  @Post(':caseId/documents')
  @Roles('clerk')
  issue(@Param('caseId', UUID) caseId: string, @Body() dto: IssueDocumentDto, @CurrentUser() user: AuthenticatedUser) {
    return this.issueDocument.execute(caseId, dto, user);
  }

  @Post(':caseId/deliveries')
  @Roles('clerk')
  deliver(@Param('caseId', UUID) caseId: string, @Body() dto: DeliverDocumentDto, @CurrentUser() user: AuthenticatedUser) {
    return this.deliverDocument.execute(caseId, dto, user);
  }

  @Post(':caseId/suspensions')
  @Roles('clerk')
  suspend(@Param('caseId', UUID) caseId: string, @Body() dto: SuspendClockDto, @CurrentUser() user: AuthenticatedUser) {
    return this.suspendClock.execute(caseId, dto, user);
  }

  @Post(':caseId/resumption')
  @HttpCode(200)
  @Roles('clerk')
  resume(@Param('caseId', UUID) caseId: string, @Body() dto: CaseCommandDto, @CurrentUser() user: AuthenticatedUser) {
    return this.resumeClock.execute(caseId, dto, user);
  }

  /** Recording an expedite fee, a service fee or an added precondition: always refused and reported. */
  @Post(':caseId/charges')
  @Roles('clerk')
  charge(@Param('caseId', UUID) caseId: string, @Body() dto: AttemptChargeDto, @CurrentUser() user: AuthenticatedUser) {
    return this.attemptCharge.execute(caseId, dto, user);
  }

  /** A recorded handover of the responsibility (首问负责). */
  @Post(':caseId/handover')
  @HttpCode(200)
  @Roles('clerk', 'reviewer', 'decider', 'unit_admin')
  handOver(@Param('caseId', UUID) caseId: string, @Body() dto: HandOverCaseDto, @CurrentUser() user: AuthenticatedUser) {
    return this.handOverCase.execute(caseId, dto, user);
  }

  /** 行政协助: ask another unit for its opinion. */
  @Post(':caseId/assistance-requests')
  @Roles('clerk')
  askAssistance(@Param('caseId', UUID) caseId: string, @Body() dto: RequestAssistanceDto, @CurrentUser() user: AuthenticatedUser) {
    return this.requestAssistance.execute(caseId, dto, user);
  }

  /** The asked unit answers. */
  @Post(':caseId/assistance-requests/:requestId/answer')
  @HttpCode(200)
  @Roles('clerk', 'reviewer', 'decider', 'unit_admin')
  answer(
    @Param('caseId', UUID) caseId: string,
    @Param('requestId', UUID) requestId: string,
    @Body() dto: AnswerAssistanceDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.answerAssistance.execute(caseId, requestId, dto, user);
  }
}
