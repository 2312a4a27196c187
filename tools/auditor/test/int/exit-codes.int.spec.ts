import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { runAuditor } from '../../src/auditor.program';
import type { Output } from '../../src/progress';

/** Runs the tool in-process and keeps what it wrote. */
async function audit(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const lines = { out: [] as string[], err: [] as string[] };
  const io: Output = { out: (line) => lines.out.push(line), err: (line) => lines.err.push(line) };
  const code = await runAuditor(argv, io);
  return { code, out: lines.out.join('\n'), err: lines.err.join('\n') };
}

describe("the auditor's exit codes", () => {
  it('answers 0 for --help', async () => {
    const result = await audit('--help');
    expect(result.code).toBe(0);
    expect(result.out).toContain('replay');
  });

  it('answers 2 for a mistake in the command line, saying what is missing', async () => {
    expect(await audit('replay', '--region', '310101')).toMatchObject({ code: 2, err: expect.stringContaining('give --region, --period-kind, --period and --as-of') });
    expect(await audit('verify')).toMatchObject({ code: 2, err: expect.stringContaining('--database') });
    expect(await audit('verify', '--database', 'no-equals-sign')).toMatchObject({ code: 2 });
    expect(await audit('teleport')).toMatchObject({ code: 2 });
  });

  it('answers 2 for a bulletin computed with rules this tool does not implement', async () => {
    const file = path.join(tmpdir(), `bulletin-${randomBytes(4).toString('hex')}.json`);
    const content = { rulesVersion: '999', scope: { level: '', regionCode: '310101' }, period: { kind: 'month', key: '2026-10', startOn: '2026-10-01', endOn: '2026-10-31' }, asOf: '2026-10-31T16:00:00.000Z', values: [] };
    await writeFile(file, JSON.stringify({ bulletinId: 'b', digest: 'd', eventRanges: [], content }));
    expect(await audit('replay', '--bulletin', file, '--from', file)).toMatchObject({ code: 2, err: expect.stringContaining('rules version 999') });
  });

  it('answers 3 when a database cannot be reached', async () => {
    const result = await audit('verify', '--database', 'cases=postgres://postgres@127.0.0.1:1/nowhere');
    expect(result.code).toBe(3);
    expect(result.err).toContain('ECONNREFUSED');
  });
});
