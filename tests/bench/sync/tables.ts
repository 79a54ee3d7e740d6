import type { PeerDef } from './peers.js';
import type { Sizes } from './sizes.js';
import type { ColdLoadResult, IdleResult, JoinStormResult, SaturationResult, TypingResult } from './workloads.js';
import type { CostResult } from './workloads-cost.js';
import type { CapacityResult, PlenaryResult } from './workloads-presence.js';

type Row = [label: string, cell: (r: never) => string];

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 1 : 0) : '–');
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : '–');
const num = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '–');

/** `value` over the floor's (or the stock server's, where the floor serves no state). */
function ratio(byPeer: Record<string, unknown>, value: (r: never) => number, base: PeerDef | undefined) {
  const baseResult = base ? byPeer[base.name] : undefined;
  const b = baseResult === undefined ? Number.NaN : value(baseResult as never);
  return (r: never) => {
    const x = value(r);
    return Number.isFinite(x) && Number.isFinite(b) && b > 0 ? `${(x / b).toFixed(2)}×` : '–';
  };
}

const SPECS: Record<
  string,
  { title: (s: Sizes) => string; rows: (byPeer: Record<string, unknown>, peers: PeerDef[]) => Row[] }
> = {
  typing: {
    title: (s) =>
      `Typing — ${s.typing.groups} groups × ${s.typing.editorsPerGroup} editors + 1 projector, an edit every ${1 / s.typing.editsPerSecond} s per editor, ${s.typing.seconds} s; ${presenceNote(s)}; fan-out latency at every receiver`,
    rows: (byPeer, peers) => {
      const floor = peers.find((p) => p.isFloor);
      return [
        ['p50 ms', (r: TypingResult) => ms(r.latency.p50)],
        ['p99 ms', (r: TypingResult) => ms(r.latency.p99)],
        ['max ms', (r: TypingResult) => ms(r.latency.max)],
        ['p99 ÷ floor', ratio(byPeer, (r: TypingResult) => r.latency.p99, floor)],
        ['delivered', (r: TypingResult) => pct(r.delivered)],
        ['edits/s sent', (r: TypingResult) => num(r.editsPerSecond)],
        ['server CPU % of a core (mean)', (r: TypingResult) => num(r.server.cpuPercent)],
        ['server RSS MiB (peak)', (r: TypingResult) => mb(r.server.peakRssBytes)],
        ['generator CPU % (2 threads)', (r: TypingResult) => num(r.generatorCpuPercent)],
        ['sockets closed', (r: TypingResult) => String(r.closed)],
      ] as Row[];
    },
  },
  saturation: {
    title: (s) =>
      `Saturation — ${s.saturation.groups} groups × ${s.saturation.editorsPerGroup} editors + 1 projector; total edit rate from ${s.saturation.startEditsPerSecond}/s, ×${s.saturation.factor} every ${s.saturation.stepSeconds} s, until p99 > 100 ms or > 1 % lost`,
    rows: (byPeer, peers) => {
      const floor = peers.find((p) => p.isFloor);
      const best = (r: SaturationResult) => r.best?.editsPerSecond ?? Number.NaN;
      return [
        ['highest sustained edits/s', (r: SaturationResult) => num(best(r))],
        ['deliveries/s at it', (r: SaturationResult) => num(best(r) * r.receiversPerEdit)],
        ['÷ floor', ratio(byPeer, best, floor)],
        ['p99 ms at it', (r: SaturationResult) => ms(r.best?.p99 ?? Number.NaN)],
        ['server CPU % at it', (r: SaturationResult) => num(r.best?.serverCpuPercent ?? Number.NaN)],
        [
          'server CPU ms per 1,000 deliveries at it',
          (r: SaturationResult) => ms(r.best?.cpuMsPer1kDeliveries ?? Number.NaN),
        ],
        [
          '… at each step',
          (r: SaturationResult) =>
            r.steps.map((x) => `${num(x.editsPerSecond)}: ${ms(x.cpuMsPer1kDeliveries)}`).join(' · '),
        ],
        ['generator CPU % at it (2 threads)', (r: SaturationResult) => num(r.best?.generatorCpuPercent ?? Number.NaN)],
        ['stopped by', (r: SaturationResult) => r.stoppedBy],
        [
          'generator CPU % at each step',
          (r: SaturationResult) =>
            r.steps.map((x) => `${num(x.editsPerSecond)}: ${num(x.generatorCpuPercent)}`).join(' · '),
        ],
        [
          'steps (edits/s: p99 ms)',
          (r: SaturationResult) => r.steps.map((x) => `${num(x.editsPerSecond)}: ${ms(x.p99)}`).join(' · '),
        ],
      ] as Row[];
    },
  },
  joinStorm: {
    title: (s) =>
      `Join storm — ${s.joinStorm.clients} clients connect within ${s.joinStorm.spreadMs / 1000} s to ${s.joinStorm.boards} boards holding ${s.joinStorm.cardsTotal} cards in total (the relay serves no state: not run)`,
    rows: (byPeer, peers) => {
      const stock = peers.find((p) => p.name === '@y/websocket-server');
      return [
        ['every client synced after, ms', (r: JoinStormResult) => ms(r.allSyncedMs)],
        ['÷ @y/websocket-server', ratio(byPeer, (r: JoinStormResult) => r.allSyncedMs, stock)],
        ['… of which after the last connect, ms', (r: JoinStormResult) => ms(r.afterLastConnectMs)],
        [
          'per client open → synced p50 / p99 ms',
          (r: JoinStormResult) => `${ms(r.perClient.p50)} / ${ms(r.perClient.p99)}`,
        ],
        ['server RSS MiB (peak)', (r: JoinStormResult) => mb(r.peakRssBytes)],
        ['state sent per board, KiB', (r: JoinStormResult) => kb(r.stateBytes)],
      ] as Row[];
    },
  },
  coldLoad: {
    title: (s) =>
      `Cold load — a ${s.coldLoad.cards}-card board from the store to first sync, after a restart (servers without a store: not run)`,
    rows: () => [
      ['connect → first sync, ms', (r: ColdLoadResult) => r.firstSyncMs.map(ms).join(' · ')],
      ['state sent, KiB', (r: ColdLoadResult) => kb(r.stateBytes)],
    ],
  },
  idle: {
    title: (s) =>
      `Idle — ${s.idle.connections} idle participants over ${s.idle.boards} boards (${presenceNote(s, false)}); CPU over ${s.idleCpuSeconds} s`,
    rows: (byPeer, peers) => {
      const floor = peers.find((p) => p.isFloor);
      return [
        ['RSS per connection, KiB', (r: IdleResult) => kb(r.rssPerConnectionBytes)],
        ['÷ floor', ratio(byPeer, (r: IdleResult) => r.rssPerConnectionBytes, floor)],
        ['RSS before → after, MiB', (r: IdleResult) => `${mb(r.baselineRssBytes)} → ${mb(r.rssBytes)}`],
        ['server CPU % of a core, idle', (r: IdleResult) => num(r.cpuPercent)],
      ] as Row[];
    },
  },
};

function presenceNote(s: Sizes, cursor = true): string {
  const what = cursor ? 'presence on (a cursor move per edit, renewals every 15 s)' : 'presence renewed every 15 s';
  return `${what}, y-websocket clients ${s.echo ? 'echo awareness like WebsocketProvider' : 'do not echo (--no-echo)'}`;
}

const PRESENCE_SPECS: typeof SPECS = {
  plenary: {
    title: (s) =>
      `Plenary — one doc, ${s.plenary.readers} read-only readers with presence + 1 facilitator typing ${s.plenary.editsPerSecond} edits/s, ${s.plenary.seconds} s (Warsztat: the plenary doc with the projector's token; ${s.echo ? 'echoing' : 'non-echoing'} clients)`,
    rows: (byPeer, peers) => {
      const floor = peers.find((p) => p.isFloor);
      return [
        ['p50 ms', (r: PlenaryResult) => ms(r.latency.p50)],
        ['p99 ms', (r: PlenaryResult) => ms(r.latency.p99)],
        ['p99 ÷ floor', ratio(byPeer, (r: PlenaryResult) => r.latency.p99, floor)],
        ['delivered', (r: PlenaryResult) => pct(r.delivered)],
        ['server CPU % of a core (mean)', (r: PlenaryResult) => num(r.server.cpuPercent)],
        ['server RSS MiB (peak)', (r: PlenaryResult) => mb(r.server.peakRssBytes)],
        ['sockets closed', (r: PlenaryResult) => String(r.closed)],
      ] as Row[];
    },
  },
  capacity: {
    title: (s) =>
      `Capacity — boards of ${s.capacity.perBoard} participants + 1 projector, each participant an edit every ${1 / s.capacity.editsPerSecond} s with a cursor move, ${s.echo ? 'echoing' : 'non-echoing'} clients; ${s.capacity.boardsPerStep} boards added per ${s.capacity.stepSeconds} s step until p99 > 100 ms`,
    rows: (byPeer) => {
      // Memory at one load for every column: the peak at each server's own limit mostly measures
      // how far its heap grew while the machine was saturated.
      const results = Object.values(byPeer) as CapacityResult[];
      const common = Math.min(...results.map((r) => r.best?.participants ?? 0));
      const at = (r: CapacityResult) => r.steps.find((x) => x.participants === common);
      return [
        ['most participants at p99 ≤ 100 ms', (r: CapacityResult) => num(r.best?.participants ?? Number.NaN)],
        ['p99 ms at it', (r: CapacityResult) => ms(r.best?.p99 ?? Number.NaN)],
        ['server CPU % at it', (r: CapacityResult) => num(r.best?.serverCpuPercent ?? Number.NaN)],
        ['server RSS MiB at it (peak)', (r: CapacityResult) => mb(r.best?.serverRssBytes ?? Number.NaN)],
        [
          `server CPU % · RSS MiB (peak) at ${common} participants (the most every column held)`,
          (r: CapacityResult) => {
            const step = at(r);
            return step ? `${num(step.serverCpuPercent)} · ${mb(step.serverRssBytes)}` : '–';
          },
        ],
        ['stopped by', (r: CapacityResult) => r.stoppedBy],
        [
          'steps (participants: p99 ms, server / generator CPU %, server RSS MiB)',
          (r: CapacityResult) =>
            r.steps
              .map(
                (x) =>
                  `${x.participants}: ${ms(x.p99)}, ${num(x.serverCpuPercent)} / ${num(x.generatorCpuPercent)}, ${mb(x.serverRssBytes)}`,
              )
              .join(' · '),
        ],
      ] as Row[];
    },
  },
};
Object.assign(SPECS, PRESENCE_SPECS);

SPECS.cost = {
  title: (s) =>
    `Cost — ${s.cost.groups} groups × ${s.cost.editorsPerGroup} editors + 1 projector at a fixed ${s.cost.editsPerSecond} edits/s in total, ${s.cost.rounds} × ${s.cost.seconds} s; server CPU time (user + system) per 1,000 deliveries, and its write syscalls (a count the load cannot move); a warm-up round first, not reported`,
  rows: (byPeer, peers) => {
    const floor = peers.find((p) => p.isFloor);
    return [
      ['server CPU ms per 1,000 deliveries (median)', (r: CostResult) => ms(r.medianCpuMsPer1k)],
      ['÷ floor', ratio(byPeer, (r: CostResult) => r.medianCpuMsPer1k, floor)],
      ['… each round', (r: CostResult) => r.rounds.map((x) => ms(x.cpuMsPer1kDeliveries)).join(' · ')],
      ['server write syscalls per 1,000 deliveries (median)', (r: CostResult) => num(r.medianWritesPer1k)],
      ['… each round', (r: CostResult) => r.rounds.map((x) => num(x.writesPer1kDeliveries)).join(' · ')],
      ['edits/s sent', (r: CostResult) => r.rounds.map((x) => num(x.editsPerSecond)).join(' · ')],
      ['delivered', (r: CostResult) => r.rounds.map((x) => pct(x.delivered)).join(' · ')],
      ['p99 ms (load-dependent)', (r: CostResult) => r.rounds.map((x) => ms(x.latency.p99)).join(' · ')],
      ['generator CPU %', (r: CostResult) => r.rounds.map((x) => num(x.generatorCpuPercent)).join(' · ')],
      ['sockets closed', (r: CostResult) => String(r.closed)],
    ] as Row[];
  },
};

export function table(name: string, byPeer: Record<string, unknown>, peers: PeerDef[], sizes: Sizes): string[] {
  const spec = SPECS[name];
  const columns = peers.filter((p) => byPeer[p.name] !== undefined);
  if (!spec || columns.length === 0) return [];
  const lines = [
    `### ${spec.title(sizes)}`,
    '',
    `| | ${columns.map((p) => p.name).join(' | ')} |`,
    `| --- | ${columns.map(() => '---:').join(' | ')} |`,
  ];
  for (const [label, cell] of spec.rows(byPeer, peers)) {
    lines.push(`| ${label} | ${columns.map((p) => cell(byPeer[p.name] as never)).join(' | ')} |`);
  }
  return lines;
}
