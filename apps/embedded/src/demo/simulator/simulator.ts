import { DemoApi, type DemoTarget } from '../demo-api';
import { Draw, seededRandom } from '../seeded-random';
import { DEFAULT_FATE_SHARES, type CaseFateShares } from './case-plan';
import { AnalyticsActor } from './analytics.actor';
import { CasesActor } from './cases.actor';
import { CatalogActor } from './catalog.actor';
import { ProjectsActor } from './projects.actor';
import { SupervisionActor } from './supervision.actor';
import { SimulationContext, SimulationStopped, type Activity, type Actor, type ServiceClock } from './simulation-context';
import { WorldDirectory } from './world-directory';

export interface SimulatorOptions {
  /** New storylines (applications, consultations, catalog changes…) started per minute; 0 pauses. */
  ratePerMinute: number;
  /** The source of every draw; a seeded one (seeded-random.ts) makes a run repeatable. */
  random?: () => number;
  /** The clock the services run on (their "today"); the system clock unless the host changed theirs. */
  clock?: ServiceClock;
  /** Mean real time between two actions of one storyline, in ms (default 1,500). */
  pauseMs?: number;
  /** Shares of early, on-time, overdue and refused cases. */
  fateShares?: CaseFateShares;
  /** Requests in flight at once (default 8). */
  concurrency?: number;
}

export interface RunningSimulator {
  /** Starts no new storyline, ends the waiting ones and waits for those in flight. */
  stop(): Promise<void>;
  /** Counters: storylines by activity, what they did, and failures by service and status. */
  stats(): Record<string, number>;
  setRate(ratePerMinute: number): void;
}

/** How long to wait before trying again when the world cannot be read yet (nothing seeded, a service starting). */
const RETRY_LOAD_MS = 5_000;

/**
 * Keeps the demo world moving: storylines of every actor, started at `ratePerMinute` on average
 * (Poisson arrivals), each acting through the services' HTTP APIs as the people involved. The first
 * activities are an opening round that runs every activity of every actor once, so each kind of
 * event appears within the first minute; afterwards activities are drawn by weight.
 */
export function startSimulator(target: DemoTarget, options: SimulatorOptions): RunningSimulator {
  const api = new DemoApi(target, options.concurrency ?? 8);
  const draw = new Draw(options.random ?? seededRandom(1));
  const clock = options.clock ?? { now: () => new Date() };
  const cases = new CasesActor(options.fateShares ?? DEFAULT_FATE_SHARES);
  // One actor per context; an actor whose service has no API yet stays off (see Actor.requires).
  const actors: Actor[] = [new CatalogActor(), cases, new ProjectsActor(cases), new SupervisionActor(), new AnalyticsActor()];
  const storylines = new Set<Promise<void>>();
  const started = new Map<string, number>();
  let rate = options.ratePerMinute;
  let stopping = false;
  let context: SimulationContext | undefined;
  let wake: (() => void) | undefined;

  /** Waits `ms`, or less when the simulator stops or the rate changes. */
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const launch = (activity: Activity, running: SimulationContext) => {
    started.set(activity.name, (started.get(activity.name) ?? 0) + 1);
    const storyline: Promise<void> = activity
      .run(running)
      .then(() => undefined)
      .catch((error: unknown) => {
        if (!(error instanceof SimulationStopped)) running.failed(activity.name, error);
      })
      .finally(() => storylines.delete(storyline));
    storylines.add(storyline);
  };

  const loop = (async () => {
    let world: WorldDirectory | undefined;
    while (!stopping && !world) {
      try {
        world = await WorldDirectory.load(api);
        if (world.applicable().length === 0) throw new Error('the catalog has no published item to apply for yet');
      } catch (error) {
        world = undefined;
        target.log(`simulator: waiting for the demo world (${error instanceof Error ? error.message : String(error)})`);
        await sleep(RETRY_LOAD_MS);
      }
    }
    if (!world) return;
    const running = new SimulationContext(api, draw, world, clock, options.pauseMs ?? 1_500, target.log);
    context = running;
    const available: Actor[] = [];
    for (const actor of actors) {
      if (!actor.requires || (await api.offers(actor.requires.service, actor.requires.route))) available.push(actor);
      else target.log(`simulator: ${actor.context} has no ${actor.requires.route} yet; its actor stays off`);
    }
    const activities = available.flatMap((actor) => actor.activities().map((activity) => ({ ...activity, name: `${actor.context}.${activity.name}` })));
    const opening = [...activities];
    const byName = new Map(activities.map((activity) => [activity.name, activity]));
    const weights = Object.fromEntries(activities.map((activity) => [activity.name, activity.weight]));
    target.log(`simulator: ${world.units.length} units, ${world.applicable().length} items to apply for; ${rate} storylines a minute`);
    while (!stopping) {
      if (rate <= 0) {
        await sleep(1_000);
        continue;
      }
      const next = opening.shift() ?? byName.get(draw.weighted(weights));
      if (next) launch(next, running);
      await sleep(draw.exponential(60_000 / rate));
    }
  })();

  return {
    async stop() {
      stopping = true;
      wake?.();
      await loop;
      context?.stop();
      await Promise.allSettled([...storylines]);
    },
    stats() {
      const counters: Record<string, number> = { ...(context?.stats() ?? {}) };
      for (const [name, count] of started) counters[`started.${name}`] = count;
      for (const [service, count] of api.requests) counters[`requests.${service}`] = count;
      counters['storylines.running'] = storylines.size;
      return counters;
    },
    setRate(ratePerMinute: number) {
      rate = ratePerMinute;
      wake?.();
    },
  };
}
