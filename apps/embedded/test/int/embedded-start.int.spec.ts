import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eventually } from '@sangeyipi/testing';

// `npm start` as a newcomer runs it: a child process, the embedded database in a fresh folder,
// ports moved out of the way of anything else running here, the small demo world, no simulator
// (so that the figures below move only because of what this test does).
const projectRoot = resolve(__dirname, '../../../..');
// Ports below Linux's ephemeral range (32768–60999), where the clients of other tests get theirs.
const portOffset = 17_000 + Math.floor(Math.random() * 800) * 10;
const gateway = `http://127.0.0.1:${3000 + portOffset}`;
const dataDir = mkdtempSync(join(tmpdir(), 'sangeyipi-embedded-'));
chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user, which must reach its folder
const postgresPort = 30_000 + Math.floor(Math.random() * 2_000);
const DEMO_PASSWORD = 'sgyp-demo-2025';
const CLERK_UNIT = 'd310101-scjg';

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startPlatform(): Started {
  const child = spawn('npm', ['start'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      EMBEDDED_DATA_DIR: dataDir,
      EMBEDDED_PORT_OFFSET: String(portOffset),
      EMBEDDED_POSTGRES_PORT: String(postgresPort),
      DEMO_WORLD: 'small',
      DEMO_RATE_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, as a terminal gives it
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // 'close': npm has exited and every process writing to its output (the platform) has too.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => child.once('close', (code, signal) => resolveExit({ code, signal })));
  return { child, output: () => output, exited };
}

/** Resolves when the output shows `pattern`; fails when npm start exits first or the time is up. */
function waitForLine(started: Started, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolveWait, rejectWait) => {
    const failWith = (reason: string) => {
      cleanUp();
      rejectWait(new Error(`${reason}:\n${started.output().slice(-3000)}`));
    };
    const check = () => {
      if (!pattern.test(started.output())) return;
      cleanUp();
      resolveWait();
    };
    const onExit = (code: number | null) => failWith(`npm start exited with ${code}`);
    const timer = setTimeout(() => failWith(`no line matching ${pattern} within ${timeoutMs} ms`), timeoutMs);
    const cleanUp = () => {
      clearTimeout(timer);
      started.child.stdout?.off('data', check);
      started.child.stderr?.off('data', check);
      started.child.off('exit', onExit);
    };
    started.child.stdout?.on('data', check);
    started.child.stderr?.on('data', check);
    started.child.once('exit', onExit);
    if (started.child.exitCode !== null) onExit(started.child.exitCode);
    else check();
  });
}

/**
 * Ctrl-C: SIGINT to the whole foreground process group (npm and the platform; the embedded
 * PostgreSQL runs in a group of its own), as a terminal sends it. A platform that has not stopped
 * within a minute is killed, and the test fails.
 */
async function stopPlatform(started: Started): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const group = started.child.pid;
  if (started.child.exitCode !== null || !group) return started.exited;
  process.kill(-group, 'SIGINT');
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, rejectHung) => {
    timer = setTimeout(() => {
      process.kill(-group, 'SIGKILL');
      rejectHung(new Error(`npm start did not stop within 60 s of Ctrl-C:\n${started.output().slice(-3000)}`));
    }, 60_000);
  });
  try {
    return await Promise.race([started.exited, hung]);
  } finally {
    clearTimeout(timer);
  }
}

/** A platform killed above cannot stop its database: stop it here, so no server outlives the test. */
function stopDatabaseLeftRunning(): void {
  const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  try {
    process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGINT');
  } catch {
    // already gone
  }
}

async function api<T>(method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${gateway}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function signIn(username: string): Promise<string> {
  const { status, body } = await api<{ accessToken: string }>('POST', '/auth/sign-in', undefined, { username, password: DEMO_PASSWORD });
  expect(status).toBe(200);
  return body.accessToken;
}

interface ItemDefinition {
  approvalSteps: Array<'handle' | 'review' | 'decide'>;
  legalBasis: string;
  requiredMaterials: Array<{ materialId: string; name: string; copies: number; source: string }>;
}

interface BulletinValue {
  indicator: string;
  unitId: string;
  numerator: string;
  denominator: string;
}

/** Cases of immediate items decided by the clerk's unit this month, as a recomputed bulletin counts them. */
async function immediateCasesOfUnit(token: string): Promise<number> {
  const period = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 7);
  const { status, body } = await api<{ content: { values: BulletinValue[] } }>('POST', '/api/analytics/bulletins/recomputation', token, {
    periodKind: 'month',
    period,
    regionCode: '310101',
  });
  expect(status).toBe(200);
  const row = body.content.values.find((value) => value.indicator === 'on_the_spot_completion_rate' && value.unitId === CLERK_UNIT);
  return Number(row?.denominator ?? 0);
}

describe('npm start (the embedded mode)', () => {
  afterAll(() => {
    stopDatabaseLeftRunning();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the portal and the API on the embedded database, counts a new case in the bulletin, and keeps it across a restart', async () => {
    const first = startPlatform();
    let caseId: string;
    try {
      await waitForLine(first, /demo: (seeded|the demo world is already seeded)/, 300_000);
      expect(first.output()).toMatch(/clerk\s+clerk/); // the demo users are printed

      const portal = await fetch(`${gateway}/`);
      expect(portal.status).toBe(200);
      expect(await portal.text()).toContain('<div id="root">');

      const [clerk, reviewer, decider, supervisor] = await Promise.all(['clerk', 'reviewer', 'decider', 'supervisor'].map(signIn));
      const { body: page } = await api<{ items: Array<{ itemId: string }> }>('GET', `/api/catalog/public/items?unitId=${CLERK_UNIT}&mode=immediate`, clerk);
      expect(page.items.length).toBeGreaterThan(0);
      const [{ itemId }] = page.items as [{ itemId: string }];
      const { body: item } = await api<{ current: { definition: ItemDefinition } }>('GET', `/api/catalog/public/items/${itemId}`);
      const countedBefore = await immediateCasesOfUnit(supervisor);

      // Received at the window (once the cases service holds its copy of the item), accepted, and
      // taken through the item's steps by the clerk, the reviewer and the decider.
      const received = await eventually(async () => {
        const answer = await api<{ caseId: string }>('POST', '/api/cases/cases', clerk, {
          itemId,
          applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId: 'embedded-test-applicant' },
          channel: 'CHANNEL_WINDOW',
          materials: item.current.definition.requiredMaterials
            .filter((material) => material.source === 'applicant')
            .map(({ materialId, name, copies }) => ({ materialId, name, copies })),
          badge: 'HP-0001',
        });
        expect({ status: answer.status, body: answer.body }).toMatchObject({ status: 201 });
        return answer.body;
      }, { timeoutMs: 30_000, intervalMs: 500 });
      caseId = received.caseId;
      expect((await api('POST', `/api/cases/cases/${caseId}/acceptance`, clerk, {})).status).toBe(200);
      const people = { handle: [clerk, 'HP-0001'], review: [reviewer, 'HP-0002'], decide: [decider, 'HP-0003'] } as const;
      const steps = item.current.definition.approvalSteps;
      for (const [index, step] of steps.entries()) {
        const [token, badge] = people[step];
        const last = index === steps.length - 1;
        const answer = await api('POST', `/api/cases/cases/${caseId}/steps`, token, {
          step: `APPROVAL_STEP_${step.toUpperCase()}`,
          badge,
          opinion: '同意',
          ...(last ? { decision: { outcome: 'DECISION_APPROVED', reasons: [], legalBasis: item.current.definition.legalBasis } } : {}),
        });
        expect({ step, status: answer.status, body: answer.body }).toMatchObject({ step, status: 200 });
      }

      await eventually(
        async () => {
          expect(await immediateCasesOfUnit(supervisor)).toBe(countedBefore + 1);
          return true;
        },
        { timeoutMs: 30_000, intervalMs: 500 },
      );
    } finally {
      await stopPlatform(first);
    }
    // npm itself ends by the signal; the platform under it closed its services and then the database,
    // which Ctrl-C did not reach: no connection was cut under a service.
    expect(await first.exited).toEqual({ code: null, signal: 'SIGINT' });
    expect(first.output()).toMatch(/\[embedded\] SIGINT: stopping\n(.*\n)*\[embedded\] stopped/);
    expect(first.output()).not.toContain('terminating connection due to administrator command');

    const second = startPlatform();
    try {
      await waitForLine(second, /demo: the demo world is already seeded/, 180_000);
      const clerk = await signIn('clerk');
      const { status, body } = await api<{ caseId: string }>('GET', `/api/cases/cases/${caseId}`, clerk);
      expect(status).toBe(200);
      expect(body.caseId).toBe(caseId);
    } finally {
      await stopPlatform(second);
    }
    expect(second.output()).toContain('[embedded] stopped');
  }, 600_000);
});
