import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, WorkingDayCalendar, type AuthenticatedUser, type Clock } from '@sangeyipi/platform';
import { DataSource } from 'typeorm';
import { managesUnit, requireSupervisorOf } from '../access/supervision-access.policy';
import { todayIn } from '../clock.util';
import { SupervisionConfig } from '../config/supervision-config.schema';
import { creditAppend } from '../credit/credit.ledger';
import { FindingCommandHandler } from '../finding/finding.command-handler';
import { SupervisionActionForbidden, SupervisionRecordNotFound, SupervisionStateConflict } from '../supervision.errors';
import type { ApplicantRef, RatingGrade } from '../supervision.events';
import { metadataFor, streamIds, SupervisionStreams, type StreamAppend } from '../supervision-streams.repository';
import { derivedId } from '../watch/derived-id';
import { decideRating, evolveRating, initialRatingState, type RatableCase } from './rating.decider';

/** The region complaints and ratings fall under when nothing more precise is known: the city. */
const CITY = '310000';

/**
 * Social supervision: ratings of completed cases (好差评) with the bad-rating follow-up, and
 * complaints (投诉) resolved by supervisors. The rating's stream is derived from the case id, so a
 * second rating of the same case loses at version 0 even when both arrive at once.
 */
@Injectable()
export class RatingCommandHandler {
  private readonly findings: FindingCommandHandler;

  constructor(
    private readonly streams: SupervisionStreams,
    private readonly dataSource: DataSource,
    private readonly calendar: WorkingDayCalendar,
    private readonly config: SupervisionConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.findings = new FindingCommandHandler(streams, calendar, clock);
  }

  async rate(user: AuthenticatedUser, caseId: string, grade: RatingGrade, comment: string): Promise<{ ratingId: string; answerDueOn: string }> {
    const ratedCase = await this.ratableCase(caseId);
    if (!ratedCase) throw new SupervisionRecordNotFound('case', caseId);
    const ratingId = derivedId('rating', caseId);
    const streamId = streamIds.rating(ratingId);
    const { state, version } = await this.streams.load(streamId, initialRatingState(), evolveRating);
    const answerDueOn = this.calendar.addWorkingDays(todayIn(this.clock), this.config.SUPERVISION_RATING_ANSWER_DAYS);
    const events = decideRating({ type: 'RateCase', ratingId, raterId: user.userId, ratedCase: ratedCase.case, grade, comment, answerDueOn }, state);
    await this.streams.append([{ streamId, expectedVersion: version, events }], metadataFor(user, 'applicant', ratedCase.regionCode));
    return { ratingId, answerDueOn: events.length > 1 ? answerDueOn : '' };
  }

  async answerBadRating(user: AuthenticatedUser, ratingId: string, answer: { justified: boolean; fix: string; answer: string }): Promise<{ late: boolean }> {
    const streamId = streamIds.rating(ratingId);
    const { state, version } = await this.streams.load(streamId, initialRatingState(), evolveRating);
    if (state.status === 'none') throw new SupervisionRecordNotFound('rating', ratingId);
    if (!managesUnit(user, state.unitId)) throw new SupervisionActionForbidden(`only the unit admin of ${state.unitId} answers this rating`);
    const events = decideRating({ type: 'AnswerBadRating', ...answer, today: todayIn(this.clock) }, state);
    await this.streams.append([{ streamId, expectedVersion: version, events }], metadataFor(user, 'unit_admin', await this.regionOfRating(ratingId)));
    return { late: events[0].type === 'supervision.BadRatingAnswered' && events[0].data.late };
  }

  async lodgeComplaint(user: AuthenticatedUser, complaint: { subjectId: string; caseId?: string; description: string; applicantKind: ApplicantRef['kind'] }): Promise<{ complaintId: string }> {
    let regionCode = CITY;
    if (complaint.caseId) {
      const found = await this.ratableCase(complaint.caseId);
      if (!found || found.case.applicant.applicantId !== user.userId) throw new SupervisionActionForbidden('a complaint names only a case of your own');
      regionCode = found.regionCode;
    } else {
      const [target] = (await this.dataSource.query(`SELECT region_code FROM sup_targets WHERE target_id = $1`, [complaint.subjectId])) as { region_code: string }[];
      regionCode = target?.region_code ?? CITY;
    }
    const complaintId = randomUUID();
    await this.streams.append(
      [
        {
          streamId: streamIds.complaint(complaintId),
          expectedVersion: 0,
          events: [
            {
              type: 'supervision.ComplaintLodged',
              data: {
                complaintId,
                subjectId: complaint.subjectId,
                caseId: complaint.caseId ?? '',
                description: complaint.description,
                complainant: { kind: complaint.applicantKind, applicantId: user.userId },
                lodgedOn: todayIn(this.clock),
              },
            },
          ],
        },
      ],
      metadataFor(user, 'applicant', regionCode),
    );
    return { complaintId };
  }

  /** Resolves a complaint; a substantiated one raises a finding against its subject and costs it credit. */
  async resolveComplaint(user: AuthenticatedUser, complaintId: string, substantiated: boolean, note: string): Promise<{ findingId: string }> {
    const [row] = (await this.dataSource.query(`SELECT subject_id, case_id, region_code, status FROM sup_complaints WHERE complaint_id = $1`, [complaintId])) as {
      subject_id: string;
      case_id: string;
      region_code: string;
      status: string;
    }[];
    if (!row) throw new SupervisionRecordNotFound('complaint', complaintId);
    requireSupervisorOf(user, row.region_code);
    const streamId = streamIds.complaint(complaintId);
    const { state: resolved, version } = await this.streams.load(streamId, false, (done, event) => done || event.type === 'supervision.ComplaintResolved');
    if (resolved) throw new SupervisionStateConflict('complaint-resolved', `complaint ${complaintId} has been resolved`);
    const today = todayIn(this.clock);
    const findingId = substantiated ? derivedId('finding', `complaint:${complaintId}`) : '';
    const appends: StreamAppend[] = [
      {
        streamId,
        expectedVersion: version,
        events: [{ type: 'supervision.ComplaintResolved' as const, data: { complaintId, subjectId: row.subject_id, substantiated, note, findingId, resolvedOn: today } }],
      },
    ];
    if (substantiated) {
      const finding = {
        findingId,
        source: 'FINDING_SOURCE_PUBLIC_REPORT' as const,
        sourceId: complaintId,
        unitId: row.subject_id,
        caseId: row.case_id,
        category: 'FINDING_CATEGORY_OTHER' as const,
        description: `投诉属实: ${note}`,
      };
      appends.push(...(await this.findings.raiseAppends(finding, today, undefined, { withCredit: false })));
      appends.push(
        await creditAppend(this.streams, {
          subjectId: row.subject_id,
          subjectKind: 'CREDIT_SUBJECT_KIND_SERVICE_UNIT',
          reason: 'CREDIT_REASON_COMPLAINT_SUBSTANTIATED',
          sourceId: complaintId,
          recordId: randomUUID(),
          today,
        }),
      );
    }
    await this.streams.append(appends, metadataFor(user, 'supervisor', row.region_code));
    return { findingId };
  }

  private async ratableCase(caseId: string): Promise<{ case: RatableCase; regionCode: string } | undefined> {
    const [row] = (await this.dataSource.query(`SELECT * FROM sup_cases WHERE case_id = $1`, [caseId])) as {
      case_id: string;
      item_id: string;
      unit_id: string;
      region_code: string;
      applicant_kind: ApplicantRef['kind'];
      applicant_id: string;
      completed: boolean;
    }[];
    if (!row) return undefined;
    return {
      case: { caseId, itemId: row.item_id, unitId: row.unit_id, applicant: { kind: row.applicant_kind, applicantId: row.applicant_id }, completed: row.completed },
      regionCode: row.region_code,
    };
  }

  private async regionOfRating(ratingId: string): Promise<string> {
    const [row] = (await this.dataSource.query(`SELECT region_code FROM sup_ratings WHERE rating_id = $1`, [ratingId])) as { region_code: string }[];
    return row?.region_code ?? CITY;
  }
}
