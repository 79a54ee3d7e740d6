import { expect } from 'vitest';
import type { Limits } from '../../server/src/index.js';
import type { Cleanup } from './cleanup.js';
import { breakoutWorkshop, docOfParticipant, startTestServer, type TestServer } from './server.js';

export interface Room {
  t: TestServer;
  facilitatorToken: string;
  projectorToken: string;
  anna: { token: string; docName: string };
  bartek: { token: string; docName: string };
}

/** A workshop in breakout with Anna and Bartek in two different groups. */
export async function breakoutRoom(cleanup: Cleanup, limits: Partial<Limits> = {}): Promise<Room> {
  const t = await startTestServer(cleanup, limits);
  const { workshop: w, participants, state } = await breakoutWorkshop(t.url, ['Anna', 'Bartek'], 30);
  const [anna, bartek] = participants;
  if (!anna || !bartek) throw new Error('two participants expected');
  const room: Room = {
    t,
    facilitatorToken: w.facilitatorToken,
    projectorToken: w.projectorToken,
    anna: { token: anna.token, docName: docOfParticipant(state, anna.participantId) },
    bartek: { token: bartek.token, docName: docOfParticipant(state, bartek.participantId) },
  };
  expect(room.anna.docName).not.toBe(room.bartek.docName);
  return room;
}
