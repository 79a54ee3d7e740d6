import type { IdleResult, JoinStormResult, SaturationResult, TypingResult } from './workloads.js';
import type { CapacityResult } from './workloads-presence.js';

type Results = Record<string, Record<string, unknown> | undefined>;

const RELAY = 'ws relay (floor)';
const STOCK = '@y/websocket-server';
const HP = 'Hocuspocus';
const HP_SQLITE = 'Hocuspocus + SQLite';
const W_MEM = 'Warsztat (in-memory store)';
const W_SQLITE = 'Warsztat (SQLite, default)';

const fmt = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : '–');

/** Issue #8's targets for Warsztat, checked against this run's own peers (never against a constant). */
export function targetsTable(results: Results): string[] {
  const typing = (peer: string) => results.typing?.[peer] as TypingResult | undefined;
  // A server that failed the first step sustained less than it: counted as 0.
  const sat = (peer: string) => {
    const r = results.saturation?.[peer] as SaturationResult | undefined;
    return r ? (r.best?.editsPerSecond ?? 0) : undefined;
  };
  const join = (peer: string) => (results.joinStorm?.[peer] as JoinStormResult | undefined)?.allSyncedMs;
  const idle = (peer: string) => (results.idle?.[peer] as IdleResult | undefined)?.rssPerConnectionBytes;
  const rows: string[] = [];
  const row = (target: string, measured: string, ok: boolean | null) =>
    rows.push(`| ${target} | ${measured} | ${ok === null ? 'not measured' : ok ? 'met' : '**not met**'} |`);
  const ratio = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined && b > 0 ? a / b : Number.NaN;
  const check = (x: number, ok: (x: number) => boolean) => (Number.isFinite(x) ? ok(x) : null);

  for (const w of [W_SQLITE, W_MEM]) {
    // Issue #18: typing runs with presence on and echoing clients, so these two are its targets too.
    const hp = ratio(typing(w)?.latency.p99, typing(HP)?.latency.p99);
    row(
      `${w}: typing p99 ≤ Hocuspocus's`,
      `${fmt(hp)}×`,
      check(hp, (x) => x <= 1),
    );
  }
  for (const w of [W_SQLITE, W_MEM]) {
    const p99 = typing(w)?.latency.p99;
    const floor = ratio(p99, typing(RELAY)?.latency.p99);
    row(
      `${w}: typing p99 ≤ 1.3 × relay`,
      `${fmt(floor)}×`,
      check(floor, (x) => x <= 1.3),
    );
    const stock = ratio(p99, typing(STOCK)?.latency.p99);
    row(
      `${w}: typing p99 ≤ @y/websocket-server's`,
      `${fmt(stock)}×`,
      check(stock, (x) => x <= 1),
    );
  }
  for (const [w, hp] of [
    [W_SQLITE, HP_SQLITE],
    [W_MEM, HP],
  ] as const) {
    const x = ratio(sat(w), sat(hp));
    row(
      `${w}: sustained edits/s ≥ 1.5 × ${hp}`,
      `${fmt(x)}× (${fmt(sat(w) ?? Number.NaN, 0)} vs ${fmt(sat(hp) ?? Number.NaN, 0)})`,
      check(x, (v) => v >= 1.5),
    );
  }
  for (const w of [W_SQLITE, W_MEM]) {
    const x = ratio(join(w), join(STOCK));
    row(
      `${w}: join storm ≤ 0.5 × @y/websocket-server's time`,
      `${fmt(x)}×`,
      check(x, (v) => v <= 0.5),
    );
  }
  for (const [w, hp] of [
    [W_SQLITE, HP_SQLITE],
    [W_MEM, HP],
  ] as const) {
    const x = ratio(idle(w), idle(hp));
    row(
      `${w}: idle RSS per connection ≤ ${hp}'s`,
      `${fmt(x)}×`,
      check(x, (v) => v <= 1),
    );
  }
  const idleOf = (peer: string) => results.idle?.[peer] as IdleResult | undefined;
  for (const [w, hp] of [
    [W_SQLITE, HP_SQLITE],
    [W_MEM, HP],
  ] as const) {
    const x = ratio(idleOf(w)?.cpuPercent, idleOf(hp)?.cpuPercent);
    row(
      `${w}: idle CPU with ${idleOf(w)?.connections ?? '–'} connections ≤ ${hp}'s`,
      `${fmt(idleOf(w)?.cpuPercent ?? Number.NaN, 1)} % vs ${fmt(idleOf(hp)?.cpuPercent ?? Number.NaN, 1)} %`,
      check(x, (v) => v <= 1),
    );
    const rss = idleOf(w)?.rssBytes;
    row(
      `${w}: RSS with ${idleOf(w)?.connections ?? '–'} idle connections ≤ 200 MiB`,
      `${fmt((rss ?? Number.NaN) / 2 ** 20, 0)} MiB`,
      check(rss ?? Number.NaN, (v) => v <= 200 * 2 ** 20),
    );
  }
  for (const w of [W_SQLITE, W_MEM]) {
    const best = (results.capacity?.[w] as CapacityResult | undefined)?.best?.participants;
    const measured = results.capacity?.[w] !== undefined;
    row(
      `${w}: capacity ≥ 3,000 participants at p99 ≤ 100 ms`,
      measured ? fmt(best ?? 0, 0) : '–',
      measured ? (best ?? 0) >= 3_000 : null,
    );
  }
  const cost = 1 - ratio(sat(W_SQLITE), sat(W_MEM));
  row(
    'persistence on costs ≤ 10 % of sustained edits/s (SQLite vs in-memory store)',
    Number.isFinite(cost) ? `${(100 * cost).toFixed(0)} %` : '–',
    check(cost, (v) => v <= 0.1),
  );
  return ['### Targets for Warsztat (this run)', '', '| target | measured | |', '| --- | ---: | --- |', ...rows];
}
