import { addCard, CloseCode, listCards } from '@warsztat/shared';
import { expect } from 'vitest';
import * as Y from 'yjs';
import { ChildServer } from './childServer.js';
import type { Cleanup } from './cleanup.js';
import { waitFor } from './poll.js';
import { openBoard } from './provider.js';
import { breakoutWorkshop } from './server.js';
import { closeCodeOf, encodeStep1, encodeUpdate, rawSync } from './wire.js';

/**
 * Issue #14: a room with an attacker in it. Every hostile-client test runs against the real
 * server as its own process and checks the same three things: the attacker is refused, another
 * participant's later edits are delivered and stored (read back after a kill -9 and restart),
 * and `/healthz` keeps answering within a second while the attack runs.
 */
export interface HostileRoom {
  server: ChildServer;
  workshopId: string;
  joinCode: string;
  facilitatorToken: string;
  projectorToken: string;
  /** The board the attacker and the friend share. */
  docName: string;
  attacker: string;
  /** Another participant of the same group (its token, and its participant id). */
  friend: string;
  friendId: string;
  /** A participant of another group, on its own board. */
  neighbour: { token: string; docName: string };
}

/** A workshop in breakout on a child server; the attacker and a friend share one group. */
export async function hostileRoom(
  cleanup: Cleanup,
  env: Record<string, string> = {},
  databaseUrl?: string,
): Promise<HostileRoom> {
  const server = await ChildServer.start(cleanup, { env, ...(databaseUrl ? { databaseUrl } : {}) });
  // Six people over five groups: auto-assignment puts two of them together.
  const names = ['Anna', 'Bartek', 'Celina', 'Darek', 'Ewa', 'Filip'];
  const { workshop, participants, state } = await breakoutWorkshop(server.url, names);
  const shared = state.groups.find((g) => g.memberIds.length >= 2);
  const [first, second] = shared?.memberIds ?? [];
  const token = (id: string | undefined) => participants.find((p) => p.participantId === id)?.token;
  const attacker = token(first);
  const friend = token(second);
  if (!shared || !attacker || !friend) throw new Error('no group with two members');
  const other = state.groups.find((g) => g !== shared && g.memberIds.length > 0);
  const neighbour = token(other?.memberIds[0]);
  if (!other || !neighbour) throw new Error('no second group');
  return {
    server,
    workshopId: workshop.id,
    joinCode: workshop.joinCode,
    facilitatorToken: workshop.facilitatorToken,
    projectorToken: workshop.projectorToken,
    docName: shared.docName,
    attacker,
    friend,
    friendId: second as string,
    neighbour: { token: neighbour, docName: other.docName },
  };
}

/**
 * Runs `attack` while polling `/healthz` every 50 ms, and returns its result with the slowest
 * health answer seen (a hung or failed health check counts as its full wait, up to 5 s).
 */
export async function duringAttack<T>(
  url: string,
  attack: () => Promise<T>,
): Promise<{ result: T; slowestMs: number }> {
  let done = false;
  let slowestMs = 0;
  const probe = (async () => {
    while (!done) {
      const started = performance.now();
      try {
        await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
      } catch {
        // Counted by its duration below: a refused or timed-out probe is as slow as it took.
      }
      slowestMs = Math.max(slowestMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  try {
    const result = await attack();
    return { result, slowestMs };
  } finally {
    done = true;
    await probe;
  }
}

/**
 * After the attack: the friend adds a card, the facilitator's board receives it, and it is still
 * there after the server is killed (-9) and started again — it was stored before it was sent.
 */
export async function expectFriendEditsSurvive(
  cleanup: Cleanup,
  room: HostileRoom,
  text: string,
  who: { token: string; docName: string } = { token: room.friend, docName: room.docName },
): Promise<void> {
  const { server } = room;
  const friend = await openBoard(cleanup, server.port, who.docName, who.token);
  const observer = await openBoard(cleanup, server.port, who.docName, room.facilitatorToken);
  addCard(friend.doc, { sectionId: 'needs', text });
  const has = (doc: typeof observer.doc) => listCards(doc).some((c) => c.text === text);
  await waitFor(() => has(observer.doc), 10_000, `the friend's card "${text}" reaches the facilitator`);
  friend.provider.destroy();
  observer.provider.destroy();
  await server.restart('SIGKILL');
  const reloaded = await openBoard(cleanup, server.port, who.docName, room.facilitatorToken);
  expect(has(reloaded.doc), `"${text}" stored across a kill -9`).toBe(true);
  reloaded.provider.destroy();
}

/**
 * Sends one update on a fresh socket of the attacker and reports what the server did: a close code,
 * or 'applied' once a sync step 1 sent right after it is answered (the server handles one socket's
 * messages in order, so the update was handled — applied, or held for a missing dependency — and
 * the socket kept).
 */
export async function sendUpdate(
  cleanup: Cleanup,
  room: HostileRoom,
  update: Uint8Array,
  token = room.attacker,
): Promise<'applied' | number> {
  const socket = rawSync(cleanup, room.server.port, room.docName, token);
  await socket.opened;
  const answered = new Promise<'applied'>((resolve) => {
    socket.ws.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) resolve('applied');
    });
  });
  socket.ws.send(encodeUpdate(update));
  socket.ws.send(encodeStep1());
  const outcome = await Promise.race([answered, closeCodeOf(socket, 10_000)]);
  socket.ws.terminate();
  return outcome;
}

/** 100 kB of text under its own root (`filler<i>`): legitimate content, a few of which fill a small quota. */
export function filler(i: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getText(`filler${i}`).insert(0, `${i}`.padEnd(100_000, 'x'));
  return Y.encodeStateAsUpdate(doc);
}

/**
 * The attacker sends fillers 0, 1, … (each on a fresh socket) until one is refused as past the
 * board quota (4409), `max` at most; returns every outcome in order for the test to judge.
 */
export async function fillBoard(cleanup: Cleanup, room: HostileRoom, max = 10): Promise<Array<'applied' | number>> {
  const outcomes: Array<'applied' | number> = [];
  for (let i = 0; i < max && outcomes.at(-1) !== CloseCode.BoardFull; i++) {
    outcomes.push(await sendUpdate(cleanup, room, filler(i)));
  }
  return outcomes;
}
