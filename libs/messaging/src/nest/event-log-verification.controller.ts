import { Controller, Get, Inject } from '@nestjs/common';
import { verifyEventChains, type ChainProblem } from '@sangeyipi/eventstore';
import { CLOCK, Roles, SERVICE_NAME, type Clock } from '@sangeyipi/platform';
import { DataSource } from 'typeorm';

/** The verification of one service's event chains, shaped for an auditor's screen (big numbers as strings). */
export interface EventLogVerificationReport {
  service: string;
  verifiedAt: string;
  /** Events whose digest and stream link were recomputed. */
  events: number;
  streams: number;
  sealedLog: { entries: number };
  ok: boolean;
  problemCount: number;
  /** The earliest problem in sealed-log order; later ones may be its consequences. */
  firstProblem?: {
    logSequence?: string;
    position: string;
    eventId?: string;
    streamId?: string;
    streamVersion?: number;
    problem: string;
  };
}

/**
 * Every service on the backbone answers for its own history: auditors (and operations) can ask
 * whether its streams and sealed log still verify, without database access. A verification reads
 * the whole history, so callers who ask while one is running get that one's report rather than
 * start another read of everything.
 */
@Controller('event-log')
export class EventLogVerificationController {
  private running?: Promise<EventLogVerificationReport>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_NAME) private readonly service: string,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('verification')
  @Roles('auditor', 'operations_admin')
  verify(): Promise<EventLogVerificationReport> {
    this.running ??= this.verifyAll().finally(() => (this.running = undefined));
    return this.running;
  }

  private async verifyAll(): Promise<EventLogVerificationReport> {
    const verifiedAt = this.clock.now().toISOString();
    // verifyEventChains reads in keyset-paginated batches; the stream count is one aggregate, not a load.
    const [result, [{ streams }]] = await Promise.all([
      verifyEventChains(this.dataSource),
      this.dataSource.query(`SELECT count(DISTINCT stream_id)::int AS streams FROM events`) as Promise<Array<{ streams: number }>>,
    ]);
    return {
      service: this.service,
      verifiedAt,
      events: result.eventsChecked,
      streams,
      sealedLog: { entries: result.logEntriesChecked },
      ok: result.ok,
      problemCount: result.problemCount,
      ...(result.firstProblem && { firstProblem: describeProblem(result.firstProblem) }),
    };
  }
}

function describeProblem(problem: ChainProblem): NonNullable<EventLogVerificationReport['firstProblem']> {
  return {
    logSequence: problem.logSequence?.toString(),
    position: problem.position.toString(),
    eventId: problem.eventId,
    streamId: problem.streamId,
    streamVersion: problem.streamVersion,
    problem: problem.problem,
  };
}
