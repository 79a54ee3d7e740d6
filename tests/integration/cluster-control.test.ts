import { CloseCode, type WorkshopState } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { PRESENCE_HEARTBEAT_MS, PRESENCE_TTL_MS } from '../../server/src/cluster/WorkshopBus.js';
import { openStore } from '../../server/src/persistence/openStore.js';
import { Cleanup } from '../helpers/cleanup.js';
import { startCluster } from '../helpers/cluster.js';
import { connectControl, participantCommand, sendCommand, stateOf } from '../helpers/control.js';
import { waitFor } from '../helpers/poll.js';
import { sharedPostgres } from '../helpers/postgres.js';
import { docOfParticipant, getWorkshop, joinWorkshop, runCommand, setupWorkshop } from '../helpers/server.js';
import { closeCodeOf, rawSync } from '../helpers/wire.js';

/**
 * The control plane across nodes (DESIGN §5): a facilitator on node A and participants on node B
 * see the same state, timers and broadcasts; presence, help requests and rights follow too, and a
 * recall timer armed on every node fires once.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());
const postgres = sharedPostgres();

async function twoNodes() {
  const cluster = await startCluster(cleanup, 2, { databaseUrl: await postgres.server.createDatabase() });
  const [a, b] = cluster.nodes;
  if (!a || !b) throw new Error('two nodes expected');
  return { cluster, a, b };
}

// Each test starts Redis and two child nodes through tsx; on a loaded 2-core machine that
// setup alone can pass vitest's default 30 s, as the other cluster suites already allow for.
describe('control plane across nodes', { timeout: 90_000 }, () => {
  it('shows a facilitator on A what participants do on B, and them what the facilitator does', async () => {
    const { a, b } = await twoNodes();
    const { workshop } = await setupWorkshop(a.url, []);
    const facilitator = await connectControl(cleanup, a.url, workshop.facilitatorToken);

    // Joins and presence on B reach the console on A.
    const ola = await joinWorkshop(b.url, workshop.joinCode, 'Ola');
    await facilitator.waitForState((s) => s.participants.some((p) => p.id === ola.participantId), 'join seen on A');
    const olaOnB = await connectControl(cleanup, b.url, ola.token);
    await facilitator.waitForState(
      (s) => s.participants.some((p) => p.id === ola.participantId && p.online),
      'participant on B shown online on A',
    );

    // Commands on A reach the participant on B: assignment, breakout with its timer, a broadcast.
    stateOf(await sendCommand(facilitator.socket, { type: 'assign', mode: 'auto' }));
    const started = stateOf(await sendCommand(facilitator.socket, { type: 'phase', to: 'breakout', minutes: 15 }));
    const onB = await olaOnB.waitForState((s) => s.phase === 'breakout', 'breakout seen on B');
    expect(onB.timer).toEqual(started.timer);
    expect(onB.participants.find((p) => p.id === ola.participantId)?.groupId).toBeTruthy();
    stateOf(await sendCommand(facilitator.socket, { type: 'broadcast', text: 'Jeszcze 5 minut', groupId: null }));
    await olaOnB.waitForState((s) => s.broadcasts.some((m) => m.text === 'Jeszcze 5 minut'), 'broadcast on B');

    // A help request on B reaches the facilitator on A.
    stateOf(await participantCommand(olaOnB.socket, { type: 'help', text: 'Brak flipcharta' }));
    await facilitator.waitForState((s) => s.helpRequests.some((r) => r.text === 'Brak flipcharta'), 'help on A');

    // Leaving B takes the participant offline on A.
    olaOnB.socket.disconnect();
    await facilitator.waitForState(
      (s) => s.participants.some((p) => p.id === ola.participantId && !p.online),
      'participant offline on A',
    );
  });

  it('fires a recall once across nodes and brings both nodes to plenary', async () => {
    const { cluster, a, b } = await twoNodes();
    const { workshop, participants } = await setupWorkshop(a.url, ['Ola']);
    const ola = participants[0];
    if (!ola) throw new Error('no participant');
    await runCommand(a.url, workshop.id, workshop.facilitatorToken, { type: 'assign', mode: 'auto' });
    await runCommand(a.url, workshop.id, workshop.facilitatorToken, { type: 'phase', to: 'breakout', minutes: 30 });
    const facilitator = await connectControl(cleanup, a.url, workshop.facilitatorToken);
    const olaOnB = await connectControl(cleanup, b.url, ola.token);

    const recall = stateOf(await sendCommand(facilitator.socket, { type: 'recall', seconds: 5 }));
    expect(recall.recallEndsAt).not.toBeNull();
    await olaOnB.waitForState((s) => s.recallEndsAt === recall.recallEndsAt, 'recall countdown on B');
    // Both nodes hold the workshop, so both armed the timer; the store lets only one save win.
    const plenary = (s: { phase: string; recallEndsAt: number | null }) => s.phase === 'plenary' && !s.recallEndsAt;
    await waitFor(() => plenary(facilitator.latest()) && plenary(olaOnB.latest()), 12_000, 'plenary on both nodes');

    const store = await openStore(cluster.databaseUrl);
    const events = await store.listEvents(workshop.id);
    await store.close();
    expect(events.filter((e) => e.type === 'recall.fired')).toHaveLength(1);
  });

  it('closes a board socket on B at once when a move on A takes the right away', async () => {
    const { a, b } = await twoNodes();
    const { workshop, participants } = await setupWorkshop(a.url, ['Ola']);
    const ola = participants[0];
    if (!ola) throw new Error('no participant');
    await runCommand(a.url, workshop.id, workshop.facilitatorToken, { type: 'assign', mode: 'auto' });
    await runCommand(a.url, workshop.id, workshop.facilitatorToken, { type: 'phase', to: 'breakout' });
    const state = await getWorkshop(a.url, workshop.id, workshop.facilitatorToken);
    const board = rawSync(cleanup, b.port, docOfParticipant(state, ola.participantId), ola.token);
    await board.opened;
    // A first message proves the socket was admitted (rights checked) before the move.
    await waitFor(() => board.received.length > 0, 5_000, 'sync step 1 from B');
    const other = state.groups.find((g) => !g.memberIds.includes(ola.participantId));
    if (!other) throw new Error('no other group');
    await runCommand(a.url, workshop.id, workshop.facilitatorToken, {
      type: 'move',
      participantId: ola.participantId,
      groupId: other.id,
    });
    expect(await closeCodeOf(board)).toBe(CloseCode.Forbidden);
  });

  it('stops counting the participants of a node that was killed', async () => {
    const { a, b } = await twoNodes();
    const { workshop, participants } = await setupWorkshop(a.url, ['Ola']);
    const ola = participants[0];
    if (!ola) throw new Error('no participant');
    const facilitator = await connectControl(cleanup, b.url, workshop.facilitatorToken);
    await connectControl(cleanup, a.url, ola.token);
    const online = (s: WorkshopState) => s.participants.find((p) => p.id === ola.participantId)?.online;
    await facilitator.waitForState((s) => online(s) === true, 'Ola online, seen from B');
    // No goodbye from a node killed with -9: its presence reports just stop, and expire (15 s).
    await a.kill('SIGKILL');
    await waitFor(
      () => online(facilitator.latest()) === false,
      PRESENCE_TTL_MS + PRESENCE_HEARTBEAT_MS + 15_000,
      'Ola offline on B',
    );
  }, 90_000);
});
