import { spawn } from 'node:child_process';
import path from 'node:path';

export const WORKSPACE_ROOT = path.resolve(__dirname, '../../..');

export interface TypeScriptProcess {
  pid: number | undefined;
  stdout(): string;
  stderr(): string;
  /** Null while running. */
  exitCode(): number | null;
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

/**
 * Runs a TypeScript entry point in its own Node process (swc-node, the workspace's path
 * aliases), for tests that must kill a process or watch it refuse to start.
 */
export function spawnTypeScript(
  entry: string,
  { args = [], env, inheritEnv = true }: { args?: string[]; env?: Record<string, string>; inheritEnv?: boolean } = {},
): TypeScriptProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', entry, ...args], {
    cwd: WORKSPACE_ROOT,
    env: {
      ...(inheritEnv ? process.env : { PATH: process.env.PATH ?? '' }),
      SWC_NODE_PROJECT: path.join(WORKSPACE_ROOT, 'tsconfig.base.json'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    pid: child.pid,
    stdout: () => stdout,
    stderr: () => stderr,
    exitCode: () => child.exitCode,
    exited,
    kill: (signal) => child.kill(signal),
  };
}
