// Summarises a sampling heap profile (.heapprofile): bytes allocated by function and by package, heaviest first.
//   node -r @swc-node/register scripts/bench/allocation-summary.ts services/cases/bench/tmp/cases-….heapprofile [top]
import { readFileSync } from 'node:fs';
import { packageOf } from './profile-package';

interface AllocationNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: AllocationNode[];
}

const [file, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 30);
const { head } = JSON.parse(readFileSync(file, 'utf8')) as { head: AllocationNode };
const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
let total = 0;
const visit = (node: AllocationNode) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const name = `${functionName || '(anonymous)'} ${packageOf(url)}:${lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + node.selfSize);
  byPackage.set(packageOf(url), (byPackage.get(packageOf(url)) ?? 0) + node.selfSize);
  total += node.selfSize;
  node.children.forEach(visit);
};
visit(head);
const print = (title: string, sizes: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, bytes] of [...sizes].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * bytes) / total).toFixed(1).padStart(5)}%  ${(bytes / 1e6).toFixed(1).padStart(8)} MB  ${name}`);
  }
};
console.log(`total sampled allocations: ${(total / 1e6).toFixed(1)} MB`);
print('allocated by package', byPackage);
print('allocated by function', byFunction);
