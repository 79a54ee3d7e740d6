import { ErrorCode } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup } from '../helpers/cleanup.js';
import { connectControl, participantCommand } from '../helpers/control.js';
import { duringAttack, expectFriendEditsSurvive, hostileRoom } from '../helpers/hostile.js';
import { api } from '../helpers/server.js';

/**
 * Issue #14, "no per-address limits" and "no per-socket rate limit on the control plane": 5,000
 * workshops created in 12 s, about 490 join-code guesses a second with no 429 ever, a join
 * limiter whose map grew with every long junk code, and 2,000 consent toggles from one socket
 * making 2,000 event rows and 38,000 state pushes. All from one client address here, as from one
 * attacker — which is also what a venue's NAT looks like, so correct joins must never be counted.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

describe('a hostile client on the HTTP and control planes', () => {
  it('limits creates per address (429), counts only failed joins per address, and throttles commands per socket', async () => {
    const room = await hostileRoom(cleanup);
    const { url } = room.server;
    const { result, slowestMs } = await duringAttack(url, async () => {
      // The room already made one workshop from this address; 20 an hour are allowed.
      const creates: number[] = [];
      for (let i = 0; i < 25; i++) {
        creates.push((await api(url, 'POST', '/api/workshops', { body: { title: `Spam ${i}` } })).status);
      }
      // A venue behind one address: 40 correct joins with 19 typos among them all get in.
      const joins: number[] = [];
      for (let i = 0; i < 40; i++) {
        if (i % 2 === 0 && i < 38) {
          joins.push((await api(url, 'POST', '/api/join', { body: { joinCode: 'ZZZZZZ', name: 'Literówka' } })).status);
        }
        joins.push(
          (await api(url, 'POST', '/api/join', { body: { joinCode: room.joinCode, name: `Osoba ${i}` } })).status,
        );
      }
      // A guesser: long junk codes and wrong ones, until the address is refused.
      const guesses: number[] = [];
      for (let i = 0; i < 10; i++) {
        const joinCode = `${'X'.repeat(10_000)}${i}`;
        guesses.push((await api(url, 'POST', '/api/join', { body: { joinCode, name: 'Zgadywacz' } })).status);
      }
      // One participant socket toggling its consent as fast as it can.
      const control = await connectControl(cleanup, url, room.attacker);
      const toggles = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          participantCommand(control.socket, { type: 'nameInReport', consent: i % 2 === 0 }),
        ),
      );
      return { creates, joins, guesses, toggles };
    });
    expect(result.creates.slice(0, 19).every((s) => s === 201)).toBe(true);
    expect(result.creates.slice(19)).toEqual([429, 429, 429, 429, 429, 429]);
    expect(result.joins.filter((s) => s === 201)).toHaveLength(40);
    expect(result.joins.filter((s) => s === 404)).toHaveLength(19);
    // One more failure spends the budget of 20; from then on the address is refused.
    expect(result.guesses[0]).toBe(404);
    expect(result.guesses.slice(1)).toEqual(Array(9).fill(429));
    const ok = result.toggles.filter((a) => a.ok).length;
    const refused = result.toggles.filter((a) => !a.ok && a.error.code === ErrorCode.TooManyRequests).length;
    expect(ok).toBeLessThanOrEqual(40);
    expect(ok + refused).toBe(200);
    expect(slowestMs).toBeLessThan(1_000);
    await expectFriendEditsSurvive(cleanup, room, 'po zalewie żądań');
  }, 120_000);

  it('counts wrong codes looked up for their information clause against the address, not only per code', async () => {
    const room = await hostileRoom(cleanup);
    const { url } = room.server;
    // Each probe is a different code, so a per-code budget alone never stops it.
    const probes: number[] = [];
    for (let i = 0; i < 25; i++) {
      const code = `Q${String(i).padStart(5, '0')}`.replace(/[0-9]/g, (d) => 'ABCDEFGHJK'[Number(d)] ?? 'A');
      probes.push((await api(url, 'GET', `/api/join/${code}/privacy`)).status);
    }
    const firstRefused = probes.indexOf(429);
    expect(firstRefused).toBeGreaterThan(0);
    expect(firstRefused).toBeLessThanOrEqual(20);
    expect(probes.slice(0, firstRefused).every((s) => s === 404)).toBe(true);
    expect(probes.slice(firstRefused).every((s) => s === 429)).toBe(true);
    // The door is shut for guesses from this address, and the look-up of a real code with it.
    expect((await api(url, 'GET', `/api/join/${room.joinCode}/privacy`)).status).toBe(429);
  }, 60_000);
});
