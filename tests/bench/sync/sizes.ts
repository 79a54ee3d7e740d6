/**
 * Workload sizes: `full` is the (#8), `quick` a small run for CI, `smoke` the test's.
 * `quick` and `smoke` share one server per peer across workloads to stay short, so their memory
 * figures include the earlier workloads; `full` starts a fresh server for every workload.
 */
export interface Sizes {
  typing: { groups: number; editorsPerGroup: number; editsPerSecond: number; seconds: number };
  saturation: {
    groups: number;
    editorsPerGroup: number;
    /** Total edits/s of the first step; each next step multiplies it. */
    startEditsPerSecond: number;
    factor: number;
    maxSteps: number;
    stepSeconds: number;
  };
  joinStorm: { clients: number; boards: number; cardsTotal: number; spreadMs: number };
  coldLoad: { cards: number; repeats: number };
  idle: { connections: number; boards: number };
  /** Plenary: one doc, read-only readers with presence, one facilitator writing. */
  plenary: { readers: number; editsPerSecond: number; seconds: number };
  /**
   * Capacity: boards of `perBoard` participants typing at `editsPerSecond` each are added
   * `boardsPerStep` at a time, measured `stepSeconds` each, until p99 > 100 ms or `maxSteps`.
   */
  capacity: { perBoard: number; editsPerSecond: number; boardsPerStep: number; maxSteps: number; stepSeconds: number };
  /**
   * Cost (issue #18): `rounds` windows of `seconds` at a fixed total `editsPerSecond` over
   * `groups` × `editorsPerGroup` editors; server CPU ms per 1,000 deliveries in each.
   */
  cost: { groups: number; editorsPerGroup: number; editsPerSecond: number; seconds: number; rounds: number };
  /** Seconds of server CPU sampled with the idle connections open. */
  idleCpuSeconds: number;
  /** Clients echo awareness as y-websocket's provider does (`--no-echo` switches it off). */
  echo: boolean;
  /** Typing with presence (`--no-presence`: edits alone, to tell presence's share of the tail). */
  presence?: boolean;
  threads: number;
  /** One server process per peer for all workloads (smoke only; measurements want a fresh one). */
  shareServer: boolean;
  /** Multiplies every settling pause (1 for measurements). */
  pauseScale: number;
}

export const SIZES: Record<'full' | 'quick' | 'smoke', Sizes> = {
  full: {
    typing: { groups: 5, editorsPerGroup: 100, editsPerSecond: 0.5, seconds: 60 },
    saturation: {
      groups: 5,
      editorsPerGroup: 20,
      startEditsPerSecond: 250,
      factor: 1.5,
      // 250 × 1.5^14 ≈ 73,000 edits/s: past what the generator can offer on 2 cores, so every ramp ends
      // at a server's limit or the generator's (12 steps, ≈ 21,600/s, left Hocuspocus unstopped).
      maxSteps: 15,
      stepSeconds: 3,
    },
    joinStorm: { clients: 500, boards: 5, cardsTotal: 5_000, spreadMs: 2_000 },
    coldLoad: { cards: 5_000, repeats: 3 },
    idle: { connections: 1_000, boards: 5 },
    plenary: { readers: 300, editsPerSecond: 2, seconds: 20 },
    capacity: { perBoard: 50, editsPerSecond: 0.2, boardsPerStep: 10, maxSteps: 8, stepSeconds: 5 },
    // 600 edits/s per board: a busy board, well below every server's limit on a quiet machine.
    cost: { groups: 5, editorsPerGroup: 20, editsPerSecond: 3_000, seconds: 8, rounds: 3 },
    idleCpuSeconds: 16,
    echo: true,
    threads: 2,
    shareServer: false,
    pauseScale: 1,
  },
  quick: {
    typing: { groups: 5, editorsPerGroup: 20, editsPerSecond: 0.5, seconds: 5 },
    saturation: { groups: 5, editorsPerGroup: 10, startEditsPerSecond: 250, factor: 2, maxSteps: 3, stepSeconds: 1.5 },
    joinStorm: { clients: 100, boards: 5, cardsTotal: 1_000, spreadMs: 1_000 },
    coldLoad: { cards: 1_000, repeats: 1 },
    idle: { connections: 200, boards: 5 },
    plenary: { readers: 100, editsPerSecond: 2, seconds: 5 },
    capacity: { perBoard: 50, editsPerSecond: 0.2, boardsPerStep: 4, maxSteps: 3, stepSeconds: 2 },
    cost: { groups: 5, editorsPerGroup: 10, editsPerSecond: 1_000, seconds: 3, rounds: 2 },
    idleCpuSeconds: 3,
    echo: true,
    threads: 2,
    shareServer: true,
    pauseScale: 0.5,
  },
  smoke: {
    typing: { groups: 2, editorsPerGroup: 3, editsPerSecond: 4, seconds: 0.5 },
    saturation: { groups: 1, editorsPerGroup: 3, startEditsPerSecond: 20, factor: 2, maxSteps: 1, stepSeconds: 0.5 },
    joinStorm: { clients: 6, boards: 2, cardsTotal: 40, spreadMs: 100 },
    coldLoad: { cards: 40, repeats: 1 },
    idle: { connections: 10, boards: 2 },
    plenary: { readers: 5, editsPerSecond: 4, seconds: 0.5 },
    capacity: { perBoard: 3, editsPerSecond: 2, boardsPerStep: 1, maxSteps: 1, stepSeconds: 0.5 },
    cost: { groups: 1, editorsPerGroup: 3, editsPerSecond: 20, seconds: 0.5, rounds: 1 },
    idleCpuSeconds: 0.5,
    echo: true,
    threads: 1,
    shareServer: true,
    pauseScale: 0.1,
  },
};
