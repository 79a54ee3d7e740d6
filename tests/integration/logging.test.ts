import { addCard } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { ChildServer } from '../helpers/childServer.js';
import { Cleanup } from '../helpers/cleanup.js';
import { connectControl, sendCommand } from '../helpers/control.js';
import { waitFor } from '../helpers/poll.js';
import { openBoard, roundTrip } from '../helpers/provider.js';
import { createWorkshop, docOfParticipant, joinWorkshop, runCommand } from '../helpers/server.js';

/**
 * The server's log (pino, JSON lines on stdout) as an operator reads it: one workshop's life can be
 * followed by its id, and no line ever carries a token, a participant's name or an organisation —
 * logs are shipped to places with far wider access than the workshop itself.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

interface LogLine {
  level: number;
  plane?: string;
  msg: string;
  workshopId?: string;
  doc?: string;
  [key: string]: unknown;
}

function parseLog(output: string): LogLine[] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        throw new Error(`a log line is not JSON: ${line}`);
      }
    });
}

describe('server log', () => {
  it('follows a workshop by id through create, join, phase changes and boards, and never logs a secret', async () => {
    const server = await ChildServer.start(cleanup, { env: { LOG_LEVEL: 'debug' } });
    const secrets = {
      name: 'Zofia Nielogowana',
      organisation: 'Fundacja Tajemnica',
      organiser: 'Stowarzyszenie Ukryte',
    };
    const workshop = await createWorkshop(server.url, { title: 'Warsztat logów', organiser: secrets.organiser });
    const participant = await joinWorkshop(server.url, workshop.joinCode, secrets.name, {
      organisation: secrets.organisation,
    });
    const facilitator = await connectControl(cleanup, server.url, workshop.facilitatorToken);
    await connectControl(cleanup, server.url, participant.token);
    await runCommand(server.url, workshop.id, workshop.facilitatorToken, { type: 'assign', mode: 'auto' });
    const answer = await sendCommand(facilitator.socket, { type: 'phase', to: 'breakout' });
    expect(answer.ok).toBe(true);
    const state = await facilitator.waitForState((s) => s.phase === 'breakout', 'breakout');
    const board = await openBoard(
      cleanup,
      server.port,
      docOfParticipant(state, participant.participantId),
      participant.token,
    );
    addCard(board.doc, { sectionId: 'needs', text: 'Opieka wytchnieniowa' });
    await roundTrip(board);
    // A refused command and a bad token exercise the error paths too.
    await sendCommand(facilitator.socket, { type: 'phase', to: 'nowhere' });
    await joinWorkshop(server.url, workshop.joinCode, 'Drugi Uczestnik', { organisation: secrets.organisation });
    await waitFor(() => server.output.includes('"participants":2'), 5_000, 'second join logged');
    expect(await server.kill('SIGTERM')).toBe(0);

    const lines = parseLog(server.output);
    const tokens = [workshop.facilitatorToken, workshop.projectorToken, participant.token];
    for (const secret of [...tokens, ...Object.values(secrets), 'Drugi Uczestnik']) {
      expect(server.output, `the log contains "${secret}"`).not.toContain(secret);
    }
    const about = (id: string) => lines.filter((l) => l.workshopId === id);
    const story = about(workshop.id).map((l) => `${l.plane}: ${l.msg}`);
    expect(story).toEqual(
      expect.arrayContaining([
        'control: workshop created',
        'control: participant joined',
        'control: phase changed',
        'sync: board loaded',
      ]),
    );
    const joined = lines.find((l) => l.msg === 'participant joined');
    expect(joined).toMatchObject({ participantId: participant.participantId, participants: 1 });
    expect(lines.find((l) => l.msg === 'phase changed')).toMatchObject({ from: 'lobby', to: 'breakout' });
  });
});
