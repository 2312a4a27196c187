import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { StreamVersionConflictError, type EventMetadata } from '@sangeyipi/eventstore';
import { CLOCK, type Clock } from '@sangeyipi/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { todayIn } from '../clock.util';
import { SupervisionConfig } from '../config/supervision-config.schema';
import { decideFinding, evolveFinding, initialFindingState } from '../finding/finding.decider';
import { decideRating, evolveRating, initialRatingState } from '../rating/rating.decider';
import { SupervisionStateConflict } from '../supervision.errors';
import type { SupervisionEvent } from '../supervision.events';
import { streamIds, SupervisionStreams } from '../supervision-streams.repository';
import { decideVerification, evolveVerification, initialVerificationState } from '../verification/commitment-verification.decider';

export interface ScanOutcome {
  verifications: number;
  rectifications: number;
  ratings: number;
  /** Candidates another replica flagged first, or that no longer qualified. */
  skipped: number;
}

interface Deadline<S> {
  streamId: (id: string) => string;
  initial: () => S;
  evolve: (state: S, event: SupervisionEvent) => S;
  decide: (today: string, state: S) => SupervisionEvent[];
}

const VERIFICATION: Deadline<ReturnType<typeof initialVerificationState>> = {
  streamId: streamIds.verification,
  initial: initialVerificationState,
  evolve: evolveVerification,
  decide: (today, state) => decideVerification({ type: 'MarkVerificationOverdue', today }, state),
};
const RECTIFICATION: Deadline<ReturnType<typeof initialFindingState>> = {
  streamId: streamIds.finding,
  initial: initialFindingState,
  evolve: evolveFinding,
  decide: (today, state) => decideFinding({ type: 'MarkRectificationOverdue', today }, state),
};
const RATING_ANSWER: Deadline<ReturnType<typeof initialRatingState>> = {
  streamId: streamIds.rating,
  initial: initialRatingState,
  evolve: evolveRating,
  decide: (today, state) => decideRating({ type: 'MarkRatingAnswerOverdue', today }, state),
};

/**
 * Flags what passed its deadline: verification tasks unconcluded, rectifications unanswered, bad
 * ratings unanswered. Candidates come from the read model (indexed on the due date of open records);
 * each flag is decided on the record's stream and appended at the version read, so replicas running
 * it at once flag each record once (the loser conflicts or finds it flagged).
 */
@Injectable()
export class SupervisionDeadlineScanner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SupervisionDeadlineScanner');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly streams: SupervisionStreams,
    private readonly config: SupervisionConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.SUPERVISION_DEADLINE_SCAN_MS > 0) this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.running = this.scanOnce()
        .catch((error: unknown) => this.logger.error({ err: error }, 'deadline scan failed; retrying at the next tick'))
        .finally(() => this.timer && this.schedule());
    }, this.config.SUPERVISION_DEADLINE_SCAN_MS);
  }

  async scanOnce(): Promise<ScanOutcome> {
    const today = todayIn(this.clock);
    const outcome: ScanOutcome = { verifications: 0, rectifications: 0, ratings: 0, skipped: 0 };
    const candidates = async (sql: string) => ((await this.dataSource.query(sql, [today])) as { id: string; region_code: string }[]);
    const run = async <S>(rows: { id: string; region_code: string }[], deadline: Deadline<S>, count: keyof Omit<ScanOutcome, 'skipped'>) => {
      for (const row of rows) {
        const streamId = deadline.streamId(row.id);
        try {
          const { state, version } = await this.streams.load(streamId, deadline.initial(), deadline.evolve);
          await this.streams.append([{ streamId, expectedVersion: version, events: deadline.decide(today, state) }], this.metadata(row.region_code));
          outcome[count] += 1;
        } catch (error) {
          if (!(error instanceof StreamVersionConflictError) && !(error instanceof SupervisionStateConflict)) throw error;
          outcome.skipped += 1;
        }
      }
    };
    await run(await candidates(`SELECT verification_id AS id, region_code FROM sup_verifications WHERE status = 'open' AND NOT overdue AND due_on < $1`), VERIFICATION, 'verifications');
    await run(await candidates(`SELECT finding_id AS id, region_code FROM sup_findings WHERE status = 'ordered' AND NOT overdue AND due_on < $1`), RECTIFICATION, 'rectifications');
    await run(await candidates(`SELECT rating_id AS id, region_code FROM sup_ratings WHERE status = 'referred' AND NOT overdue AND answer_due_on < $1`), RATING_ANSWER, 'ratings');
    return outcome;
  }

  private metadata(regionCode: string): EventMetadata {
    return { correlationId: randomUUID(), actor: { id: 'system:deadline-scanner', role: 'system' }, regionCode };
  }
}
