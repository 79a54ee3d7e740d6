import type { WorkshopState } from '@warsztat/shared';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { type ControlSocket, connectControl, sendCommand } from '../helpers/control.js';
import { waitFor } from '../helpers/poll.js';
import { setupWorkshop, sharedTestServer, startTestServer } from '../helpers/server.js';

/**
 * A participant who loses Wi-Fi or reloads comes back to the same group and role with nothing
 * retyped: the token is all it needs, and every (re)connection starts from the full state.
 */
describe('control plane: reconnection', () => {
  const shared = sharedTestServer();
  const { cleanup } = shared;

  /** Unlike the helper's sockets, this one reconnects by itself, as the browser client does. */
  function reconnectingSocket(token: string) {
    const socket: ControlSocket = io(shared.t.url, {
      auth: { token },
      transports: ['websocket'],
      reconnectionDelay: 50,
      reconnectionDelayMax: 200,
    });
    cleanup.add(socket, (s) => s.disconnect());
    const states: WorkshopState[] = [];
    socket.on('state', (state) => states.push(state));
    return { socket, states };
  }

  it('resyncs the full state after a dropped connection, including changes made while it was away', async () => {
    const { workshop: w, participants } = await setupWorkshop(shared.t.url, ['Anna']);
    const anna = participants[0];
    if (!anna) throw new Error('no participant');
    const f = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    const group = f.latest().groups[2];
    if (!group) throw new Error('no group');
    await sendCommand(f.socket, { type: 'move', participantId: anna.participantId, groupId: group.id });

    const client = reconnectingSocket(anna.token);
    await waitFor(() => client.states.length > 0, 5_000, 'first state');
    let connects = 0;
    client.socket.on('connect', () => connects++);
    // Drop the transport underneath socket.io, as a Wi-Fi loss does.
    client.socket.io.engine.close();
    await waitFor(() => !client.socket.connected, 5_000, 'disconnected');
    const broadcast = await sendCommand(f.socket, { type: 'broadcast', text: 'Wracamy o 12:00', groupId: null });
    expect(broadcast.ok).toBe(true);
    const before = client.states.length;
    await waitFor(() => connects > 0 && client.socket.connected, 10_000, 'reconnected');
    await waitFor(() => client.states.length > before, 5_000, 'state after reconnect');
    const state = client.states.at(-1);
    expect(state?.participants.find((p) => p.id === anna.participantId)?.groupId).toBe(group.id);
    expect(state?.broadcasts.map((b) => b.text)).toContain('Wracamy o 12:00');
    await f.waitForState((s) => s.participants[0]?.online === true, 'online again');
  });

  it('puts a participant who reloads (a brand-new socket with the stored token) back in its group and role', async () => {
    const { workshop: w, participants } = await setupWorkshop(shared.t.url, ['Anna', 'Piotr']);
    const anna = participants[0];
    if (!anna) throw new Error('no participant');
    const f = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    const group = f.latest().groups[1];
    if (!group) throw new Error('no group');
    await sendCommand(f.socket, { type: 'move', participantId: anna.participantId, groupId: group.id });
    await sendCommand(f.socket, { type: 'rapporteur', groupId: group.id, participantId: anna.participantId });
    const first = await connectControl(cleanup, shared.t.url, anna.token);
    first.socket.disconnect();
    const again = await connectControl(cleanup, shared.t.url, anna.token);
    expect(again.me).toEqual({ role: 'participant', participantId: anna.participantId, name: 'Anna' });
    expect(again.latest().groups[1]?.rapporteurId).toBe(anna.participantId);
    expect(again.latest().participants.find((p) => p.id === anna.participantId)?.groupId).toBe(group.id);
  });

  it('keeps the group and pending recall across a server restart', async () => {
    // Its own server: restarting the shared one would cut the other tests' sockets.
    const own = await startTestServer(cleanup);
    const { workshop: w2, participants: p2 } = await setupWorkshop(own.url, ['Anna']);
    const anna2 = p2[0];
    if (!anna2) throw new Error('no participant');
    const f = await connectControl(cleanup, own.url, w2.facilitatorToken);
    await sendCommand(f.socket, { type: 'assign', mode: 'auto' });
    await sendCommand(f.socket, { type: 'phase', to: 'breakout', minutes: 30 });
    await sendCommand(f.socket, { type: 'recall', seconds: 5 });
    f.socket.disconnect();
    const restarted = await own.restart();
    const back = await connectControl(cleanup, restarted.url, anna2.token);
    expect(back.latest().participants[0]?.groupId).not.toBeNull();
    // The countdown was stored; the restarted server still ends the breakout on time.
    // The countdown itself is seconds long; the default 5 s would leave no margin for the commit.
    await back.waitForState((s) => s.phase === 'plenary', 'recall fires after restart', 10_000);
  }, 15_000);
});
