import type { ClientSpec } from './clients.js';
import { now } from './clients.js';
import type { Board, PeerDef, RunningPeer } from './peers.js';
import type { Pool, PoolResult } from './pool.js';
import { sleep } from './stats.js';

let nextId = 1;

export function spec(
  def: PeerDef,
  running: RunningPeer,
  board: Board,
  group: number,
  role: ClientSpec['role'],
  /** Presence as real clients have it; `echo`: as y-websocket's provider (sizes.echo, `--no-echo`). */
  presence: { on: boolean; echo: boolean } = { on: false, echo: false },
  /** A receiver with the writer's token (its presence is then fanned out, not a viewer's). */
  writer = false,
): ClientSpec {
  return {
    id: nextId++,
    group,
    role,
    protocol: def.protocol,
    serverUrl: running.serverUrl,
    docName: board.docName,
    token: role === 'editor' || writer ? board.editorToken : board.readerToken,
    presence: presence.on,
    echo: presence.echo,
  };
}

export interface Room {
  projectors: ClientSpec[];
  editors: ClientSpec[];
  /** Receivers per group (editors and the projector); each edit should reach all but its sender. */
  receiversPerGroup: number;
}

/** Groups of editors plus one projector each; the projector is the server's own client library. */
export function room(
  def: PeerDef,
  running: RunningPeer,
  boards: Board[],
  editorsPerGroup: number,
  /** Editors' presence (null: none, as saturation measures edits alone). */
  presence: { echo: boolean } | null,
  firstGroup = 0,
): Room {
  const projectors = boards.map((b, g) => spec(def, running, b, firstGroup + g, 'provider'));
  const editors = boards.flatMap((b, g) =>
    Array.from({ length: editorsPerGroup }, () =>
      spec(def, running, b, firstGroup + g, 'editor', { on: presence !== null, echo: presence?.echo ?? false }),
    ),
  );
  return { projectors, editors, receiversPerGroup: editorsPerGroup + 1 };
}

/** Polls the threads until `done` holds for their connection report; throws after `timeoutMs`. */
export async function waitFor(
  pool: Pool,
  what: string,
  done: (r: PoolResult) => boolean,
  timeoutMs = 60_000,
): Promise<PoolResult> {
  const deadline = now() + timeoutMs;
  for (;;) {
    const result = await pool.collect();
    if (done(result)) return result;
    if (now() > deadline) {
      const closed = Object.values(result.report.closed);
      const { opened, synced } = result.report;
      throw new Error(
        `timed out waiting for ${what} (opened: ${countOf(opened)}, synced: ${countOf(synced)}, closed: ${closed.length}, codes ${[...new Set(closed)]})`,
      );
    }
    await sleep(50);
  }
}

export const countOf = (record: Record<number, unknown>) => Object.keys(record).length;

/** Connects the room: projectors first (the relay has no history), then editors, then their cards. */
export async function connectRoom(pool: Pool, r: Room, spreadMs: number, settleMs: number): Promise<void> {
  await pool.connect(r.projectors, now(), 0);
  await waitFor(pool, 'projectors to open', (x) => countOf(x.report.opened) >= r.projectors.length);
  await pool.connect(r.editors, now(), spreadMs);
  const total = r.projectors.length + r.editors.length;
  await waitFor(pool, 'editors to open', (x) => countOf(x.report.opened) >= total, 60_000 + spreadMs);
  await pool.createCards();
  await sleep(settleMs);
}

export function deliveredRatio(result: PoolResult, receiversPerGroup: number): number {
  let expected = 0;
  for (const edits of Object.values(result.editsByGroup)) expected += edits * (receiversPerGroup - 1);
  let got = 0;
  for (const n of Object.values(result.samplesByGroup)) got += n;
  return expected === 0 ? Number.NaN : got / expected;
}

/**
 * Collects until every edit of the window reached every receiver, nothing more arrived for 500 ms,
 * or `timeoutMs` passed: a loaded machine delivers the window's last edits late, and collecting
 * after a fixed pause counted them lost (bench-smoke, Hocuspocus + SQLite 93 % in a full test run).
 */
export async function drained(pool: Pool, receiversPerGroup: number, timeoutMs: number): Promise<PoolResult> {
  const deadline = now() + timeoutMs;
  let last = -1;
  for (;;) {
    const result = await pool.collect();
    // Some servers lose a few edits for good under load: stop once nothing more arrives.
    const got = result.latencies.length;
    if (deliveredRatio(result, receiversPerGroup) >= 0.999 || got === last || now() > deadline) return result;
    last = got;
    await sleep(500);
  }
}
