import { toShanghaiDate, WorkingDayCalendar } from '@sangeyipi/platform';
import { DemoApiError, type DemoApi } from '../demo-api';
import type { Draw } from '../seeded-random';
import type { WorldDirectory } from './world-directory';

/** Thrown into every waiting storyline when the simulator stops; storylines end quietly on it. */
export class SimulationStopped extends Error {
  constructor() {
    super('the simulation stopped');
    this.name = 'SimulationStopped';
  }
}

/** One thing that can happen in the world, started `weight`-often relative to the others. */
export interface Activity {
  name: string;
  weight: number;
  run(context: SimulationContext): Promise<unknown>;
}

/**
 * One bounded context's behaviour in the simulation: the people of that context and what they do.
 * Add a context by adding an actor (see simulator.ts).
 */
export interface Actor {
  /** The context it acts in, e.g. `cases`. */
  readonly context: string;
  /** A route of its service's API the actor needs: without it (the context is not built yet) the actor stays off. */
  readonly requires?: { service: string; route: string };
  /** Activities in a fixed order; the opening round runs each once, in this order. */
  activities(): Activity[];
}

/** The clock the services run on: the simulator's "today" must be theirs. */
export interface ServiceClock {
  now(): Date;
}

export interface CompletedCase {
  caseId: string;
  applicantId: string;
  unitId: string;
  regionCode: string;
}

/** Completed cases remembered for ratings: the most recent ones. */
const COMPLETED_CASES_KEPT = 500;

/** How often the simulator checks the clock for storylines waiting for a day. */
const DAY_CHECK_MS = 100;

/**
 * What storylines share: the API, the seeded draws, the world, the clock, the counters, and waits
 * that end early when the simulator stops.
 */
export class SimulationContext {
  readonly calendar = new WorkingDayCalendar();
  private readonly counters = new Map<string, number>();
  private readonly dayWaiters = new Set<{ day: string; resolve: () => void; reject: (error: Error) => void }>();
  private readonly pauses = new Set<{ timer: NodeJS.Timeout; reject: (error: Error) => void }>();
  private readonly dayTimer: NodeJS.Timeout;
  private stopped = false;
  private readonly completedCases: CompletedCase[] = [];
  private readonly loggedFailures = new Map<string, number>();

  constructor(
    readonly api: DemoApi,
    readonly draw: Draw,
    readonly world: WorldDirectory,
    private readonly clock: ServiceClock,
    /** Mean real time between two actions of one storyline (a person's reaction time). */
    private readonly pauseMs: number,
    private readonly log: (line: string) => void,
  ) {
    this.dayTimer = setInterval(() => this.wakeDueStorylines(), DAY_CHECK_MS);
    this.dayTimer.unref();
  }

  /** Today in Shanghai by the services' clock. */
  today(): string {
    return toShanghaiDate(this.clock.now());
  }

  /** `days` working days after `from` (0: `from` itself). */
  workingDaysAfter(from: string, days: number): string {
    return days === 0 ? from : this.calendar.addWorkingDays(from, days);
  }

  /**
   * True when the calendar knows the next `days` working days. chinese-days ships one year at a time:
   * near the end of its last year, a deadline beyond it cannot be computed (the service answers 500).
   */
  coversWorkingDays(days: number): boolean {
    try {
      this.calendar.addWorkingDays(this.today(), days);
      return true;
    } catch {
      return false;
    }
  }

  /** Today when it is a working day, else the next one. */
  nextWorkingDay(): string {
    const today = this.today();
    return this.isWorkingDay(today) ? today : this.calendar.addWorkingDays(today, 1);
  }

  isWorkingDay(date = this.today()): boolean {
    return this.calendar.isWorkingDay(date);
  }

  /** A case delivered to its applicant: what supervision's ratings (好差评) are about. */
  completed(entry: CompletedCase): void {
    this.completedCases.push(entry);
    if (this.completedCases.length > COMPLETED_CASES_KEPT) this.completedCases.shift();
  }

  /** Takes a completed case out of the board, at random (each is rated at most once). */
  takeCompletedCase(): CompletedCase | undefined {
    if (this.completedCases.length === 0) return undefined;
    return this.completedCases.splice(Math.floor(this.draw.random() * this.completedCases.length), 1)[0];
  }

  count(name: string, by = 1): void {
    this.counters.set(name, (this.counters.get(name) ?? 0) + by);
  }

  stats(): Record<string, number> {
    return Object.fromEntries([...this.counters.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** A short human pause (real time, drawn around the mean); rejects with SimulationStopped on stop. */
  pause(scale = 1): Promise<void> {
    if (this.stopped) return Promise.reject(new SimulationStopped());
    const ms = Math.min(this.draw.exponential(this.pauseMs * scale), this.pauseMs * scale * 4);
    return new Promise((resolve, reject) => {
      const entry = {
        timer: setTimeout(() => {
          this.pauses.delete(entry);
          resolve();
        }, ms),
        reject,
      };
      this.pauses.add(entry);
    });
  }

  /** Resolves once the services' today is `day` or later; rejects with SimulationStopped on stop. */
  untilDay(day: string): Promise<void> {
    if (this.stopped) return Promise.reject(new SimulationStopped());
    if (this.today() >= day) return Promise.resolve();
    return new Promise((resolve, reject) => this.dayWaiters.add({ day, resolve, reject }));
  }

  /** Runs a command, once more after a pause when someone else changed the record first (409). */
  async retryingConflicts<T>(command: () => Promise<T>, attempts = 3): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await command();
      } catch (error) {
        if (!(error instanceof DemoApiError && error.status === 409) || attempt >= attempts) throw error;
        this.count('conflicts.retried');
        await this.pause(0.5);
      }
    }
  }

  /**
   * Runs a command until the service knows what it is about: a record another context (or this service's
   * own read model) has not caught up with yet answers 404 or 409 with one of `codes`. Gives up after
   * `attempts` pauses, but not within the first minute (a consumer under load may lag that long).
   */
  async retryingUntilKnown<T>(command: () => Promise<T>, codes: readonly string[] = [], attempts = 30): Promise<T> {
    const patience = Date.now() + 60_000;
    for (let attempt = 1; ; attempt++) {
      try {
        return await command();
      } catch (error) {
        const notYet = error instanceof DemoApiError && (error.status === 404 || (error.code !== undefined && codes.includes(error.code)));
        if (!notYet || (attempt >= attempts && Date.now() > patience)) throw error;
        this.count('waits.not-known-yet');
        await this.pause(8);
      }
    }
  }

  /** Counts a storyline's failure and logs the first few of each kind, so a broken API is seen, not flooded. */
  failed(activity: string, error: unknown): void {
    const kind = error instanceof DemoApiError ? `${error.service}.${error.status}${error.code ? `.${error.code}` : ''}` : 'other';
    this.count(`failures.${kind}`);
    const seen = (this.loggedFailures.get(kind) ?? 0) + 1;
    this.loggedFailures.set(kind, seen);
    if (seen <= 3) this.log(`simulator: ${activity} failed: ${error instanceof Error ? error.message : String(error)}`);
  }

  /** Ends every wait at once: the storylines unwind through SimulationStopped. */
  stop(): void {
    this.stopped = true;
    clearInterval(this.dayTimer);
    for (const waiter of this.dayWaiters) waiter.reject(new SimulationStopped());
    this.dayWaiters.clear();
    for (const pause of this.pauses) {
      clearTimeout(pause.timer);
      pause.reject(new SimulationStopped());
    }
    this.pauses.clear();
  }

  private wakeDueStorylines(): void {
    if (this.dayWaiters.size === 0) return;
    const today = this.today();
    for (const waiter of this.dayWaiters) {
      if (today >= waiter.day) {
        this.dayWaiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}
