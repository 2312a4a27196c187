import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@sangeyipi/eventstore';
import type { AuthenticatedUser, Clock, WorkingDayCalendar } from '@sangeyipi/platform';
import type { EntityManager } from 'typeorm';
import { requireSupervisorOf } from '../access/supervision-access.policy';
import { todayIn } from '../clock.util';
import { creditAppend } from '../credit/credit.ledger';
import { SupervisionRecordNotFound } from '../supervision.errors';
import type { ApplicantRef, VerificationOutcome } from '../supervision.events';
import { metadataFor, streamIds, type StreamAppend, type SupervisionStreams } from '../supervision-streams.repository';
import { derivedId } from '../watch/derived-id';
import { decideVerification, evolveVerification, initialVerificationState } from './commitment-verification.decider';

export interface VerificationRequest {
  caseId: string;
  unitId: string;
  itemId: string;
  applicant: ApplicantRef;
  decidedOn: string;
}

/**
 * Verification of 告知承诺 commitments (事后核查): a task per case with a deadline, opened from
 * cases' request; a supervisor concludes it. A false commitment appends, in one transaction, the
 * conclusion, a FindingRaised (COMMITMENT_VERIFICATION, FALSE_COMMITMENT) that cases turns into the
 * revocation of the decision, and a credit record for the applicant.
 */
export class VerificationCommandHandler {
  constructor(
    private readonly streams: SupervisionStreams,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
    private readonly verificationDays: number,
  ) {}

  /** One task per case: its id derives from the case id, and a second request adds nothing. */
  async open(request: VerificationRequest, metadata: EventMetadata, manager?: EntityManager): Promise<string> {
    const verificationId = derivedId('verification', request.caseId);
    const streamId = streamIds.verification(verificationId);
    const { state, version } = await this.streams.load(streamId, initialVerificationState(), evolveVerification, manager);
    const dueOn = this.calendar.addWorkingDays(request.decidedOn, this.verificationDays);
    const events = decideVerification({ type: 'OpenVerification', task: { verificationId, ...request, dueOn } }, state);
    await this.streams.append([{ streamId, expectedVersion: version, events }], metadata, manager);
    return verificationId;
  }

  async conclude(user: AuthenticatedUser, verificationId: string, regionCode: string, outcome: VerificationOutcome, summary: string): Promise<{ findingId: string }> {
    const streamId = streamIds.verification(verificationId);
    const { state, version } = await this.streams.load(streamId, initialVerificationState(), evolveVerification);
    if (state.status === 'none') throw new SupervisionRecordNotFound('verification', verificationId);
    requireSupervisorOf(user, regionCode);
    const today = todayIn(this.clock);
    const appends: StreamAppend[] = [{ streamId, expectedVersion: version, events: decideVerification({ type: 'ConcludeVerification', outcome, summary, today }, state) }];
    let findingId = '';
    if (outcome === 'COMMITMENT_VERIFICATION_OUTCOME_FALSE_COMMITMENT') {
      findingId = derivedId('finding', `verification:${verificationId}`);
      appends.push({
        streamId: streamIds.finding(findingId),
        expectedVersion: 0,
        events: [
          {
            type: 'supervision.FindingRaised',
            data: {
              findingId,
              source: 'FINDING_SOURCE_COMMITMENT_VERIFICATION',
              sourceId: verificationId,
              unitId: state.unitId,
              caseId: state.caseId,
              category: 'FINDING_CATEGORY_FALSE_COMMITMENT',
              description: `事后核查: 虚假承诺 — ${summary}`,
            },
          },
        ],
      });
      appends.push(
        await creditAppend(this.streams, {
          subjectId: state.applicant.applicantId,
          subjectKind: state.applicant.kind === 'APPLICANT_KIND_ENTERPRISE' ? 'CREDIT_SUBJECT_KIND_ENTERPRISE' : 'CREDIT_SUBJECT_KIND_PERSON',
          reason: 'CREDIT_REASON_FALSE_COMMITMENT',
          sourceId: verificationId,
          recordId: randomUUID(),
          today,
        }),
      );
    }
    await this.streams.append(appends, metadataFor(user, 'supervisor', regionCode));
    return { findingId };
  }
}
