import { expect } from 'vitest';
import type { Limits } from '../../server/src/index.js';
import type { Cleanup } from './cleanup.js';
import {
  docOfParticipant,
  getWorkshop,
  runCommand,
  setupWorkshop,
  startTestServer,
  type TestServer,
} from './server.js';

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
  const { workshop: w, participants } = await setupWorkshop(t.url, ['Anna', 'Bartek']);
  const [anna, bartek] = participants;
  if (!anna || !bartek) throw new Error('two participants expected');
  await runCommand(t.url, w.id, w.facilitatorToken, { type: 'assign', mode: 'auto' });
  await runCommand(t.url, w.id, w.facilitatorToken, { type: 'phase', to: 'breakout', minutes: 30 });
  const state = await getWorkshop(t.url, w.id, w.facilitatorToken);
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
