import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where in the code base a function lives, for the coarse summary. */
function area(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  if (url.startsWith('node:')) return 'Node internals';
  const pkg = url.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/);
  if (pkg?.[1]) return pkg[1];
  const own = url.match(/\/(server|shared)\/src\/([^/]+)/);
  return own ? `${own[1]}/src/${own[2]}` : url;
}

export interface ProfileSummary {
  totalMs: number;
  top: { name: string; selfMs: number; share: number }[];
  areas: { area: string; selfMs: number; share: number }[];
}

/** Self time per function and per package of the `.cpuprofile` files in `dir` (V8's --cpu-prof). */
export function summariseProfiles(dir: string, topN = 15): ProfileSummary {
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const node = nodes.get(id);
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      if (!node) return;
      const { functionName, url, lineNumber } = node.callFrame;
      // piscina's idle workers block in Atomics.wait inside this function: waiting, not working.
      if (functionName === '(idle)' || (functionName === 'atomicsWaitLoop' && url.includes('piscina'))) return;
      total += ms;
      const where = url
        ? `${url.replace(/^.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '').replace(/^.*\/(server|shared)\/src\//, '$1/src/')}:${lineNumber + 1}`
        : '';
      const name = `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
      const a = area(url, functionName);
      byArea.set(a, (byArea.get(a) ?? 0) + ms);
    });
  }
  const rank = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return {
    totalMs: total,
    top: rank(byFunction)
      .slice(0, topN)
      .map(([name, selfMs]) => ({ name, selfMs, share: selfMs / total })),
    areas: rank(byArea)
      .slice(0, 12)
      .map(([a, selfMs]) => ({ area: a, selfMs, share: selfMs / total })),
  };
}

export function profileTables(title: string, summary: ProfileSummary): string[] {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  return [
    `### ${title}`,
    '',
    `Busy (non-idle) CPU time sampled: ${(summary.totalMs / 1000).toFixed(1)} s.`,
    '',
    '| where (package or module) | self ms | share |',
    '| --- | ---: | ---: |',
    ...summary.areas.map((a) => `| ${a.area} | ${a.selfMs.toFixed(0)} | ${pct(a.share)} |`),
    '',
    '| top functions by self time | self ms | share |',
    '| --- | ---: | ---: |',
    ...summary.top.map((t) => `| \`${t.name}\` | ${t.selfMs.toFixed(0)} | ${pct(t.share)} |`),
  ];
}
