import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One service of the platform as deploy/local/services.conf lists it. */
export interface ServiceEntry {
  name: string;
  port: number;
}

/** The services and their ports, in start order (the gateway, which calls the others, last). */
export function readServiceRoster(projectRoot: string, portOffset = 0): ServiceEntry[] {
  const lines = readFileSync(join(projectRoot, 'deploy/local/services.conf'), 'utf8').split('\n');
  const entries = lines
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [name, port] = line.split(/\s+/);
      if (!name || !/^\d+$/.test(port ?? '')) throw new Error(`deploy/local/services.conf: cannot read "${line}"`);
      return { name, port: Number(port) + portOffset };
    });
  return [...entries.filter((entry) => entry.name !== 'gateway'), ...entries.filter((entry) => entry.name === 'gateway')];
}

/** `cases` → `CasesModule`: the composition root every service exports from `src/<name>.module.ts`. */
export function moduleClassName(service: string): string {
  return `${service.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase())}Module`;
}
