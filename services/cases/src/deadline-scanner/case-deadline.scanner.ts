import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { StreamVersionConflictError } from '@sangeyipi/eventstore';
import { WorkingDayCalendar, type AuthenticatedUser } from '@sangeyipi/platform';
import { DataSource } from 'typeorm';
import { CaseRuleViolation } from '../case/case.errors';
import { CaseStreams } from '../case/case.streams';
import { CasesConfig } from '../config/cases-config.schema';

/** The actor recorded on events the scanner raises. */
const SCANNER: AuthenticatedUser = { userId: 'system:deadline-scanner', roles: [] };
const CONCURRENCY = 8;

export interface ScanOutcome {
  warned: number;
  overdue: number;
  /** Candidates another replica handled first, or that no longer qualified. */
  skipped: number;
}

/**
 * Raises CaseDeadlineApproaching (at most CASES_DEADLINE_WARNING_DAYS working days left) and CaseOverdue
 * (committed deadline passed) for open cases. Every replica may run it: candidates come from the case
 * summaries, but each event is decided on the case's stream and appended at the version read, so a
 * second replica either loses the append (StreamVersionConflictError) or finds the case already warned
 * or overdue (the decider refuses). Either way each event exists once per case and deadline.
 */
@Injectable()
export class CaseDeadlineScanner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('CaseDeadlineScanner');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseStreams,
    private readonly calendar: WorkingDayCalendar,
    private readonly config: CasesConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.CASES_DEADLINE_SCAN_MS > 0) this.schedule();
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
    }, this.config.CASES_DEADLINE_SCAN_MS);
  }

  async scanOnce(): Promise<ScanOutcome> {
    const today = this.cases.today();
    const warnUntil = this.calendar.addWorkingDays(today, this.config.CASES_DEADLINE_WARNING_DAYS);
    const rows = (await this.dataSource.query(
      `SELECT case_id, committed_deadline < $1 AS overdue FROM cases_case_summaries
        WHERE status = 'in-progress' AND NOT suspended AND NOT overdue AND committed_deadline IS NOT NULL
          AND (committed_deadline < $1 OR (committed_deadline <= $2 AND warned_for_deadline <> committed_deadline))`,
      [today, warnUntil],
    )) as { case_id: string; overdue: boolean }[];
    const outcome: ScanOutcome = { warned: 0, overdue: 0, skipped: 0 };
    let next = 0;
    const worker = async () => {
      while (next < rows.length) {
        const row = rows[next++];
        try {
          if (row.overdue) {
            await this.cases.execute(row.case_id, SCANNER, { type: 'MarkOverdue', today });
            outcome.overdue += 1;
          } else {
            await this.cases.execute(row.case_id, SCANNER, { type: 'WarnDeadline', today, warningDays: this.config.CASES_DEADLINE_WARNING_DAYS });
            outcome.warned += 1;
          }
        } catch (error) {
          if (!(error instanceof StreamVersionConflictError) && !(error instanceof CaseRuleViolation)) throw error;
          outcome.skipped += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return outcome;
  }
}
