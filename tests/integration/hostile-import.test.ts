import { addCard, type CreateWorkshopAnswer, ErrorCode, listCards } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { bigBackup } from '../helpers/bigBoards.js';
import { Cleanup } from '../helpers/cleanup.js';
import { duringAttack, expectFriendEditsSurvive, hostileRoom } from '../helpers/hostile.js';
import { waitFor } from '../helpers/poll.js';
import { openBoard } from '../helpers/provider.js';
import { api } from '../helpers/server.js';

/**
 * Issue #14, "one participant freezes the server": an anonymous 17 MB backup import stalled the
 * event loop for 6 s (JSON parsing, schema checks and Yjs decoding on the main thread), and the
 * report of such a workshop for seconds more. Now both run on a worker pool (server/src/offthread),
 * an address may have two imports running at once (429 past it), and the pool's queue is bounded
 * (503 past it): `/healthz` answers within a second, and the room keeps saving meanwhile.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

/** The server's longest event-loop stall since the last read, in ms (prom-client resets it on each scrape). */
async function serverStallMs(url: string): Promise<number> {
  const metrics = await (await fetch(`${url}/metrics`)).text();
  const line = metrics.split('\n').find((l) => l.startsWith('warsztat_nodejs_eventloop_lag_max_seconds '));
  return Number(line?.split(' ')[1]) * 1_000;
}

/** One import of `bytes` (already JSON), answered like `api` does. */
async function postImport(url: string, bytes: Uint8Array<ArrayBuffer>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/api/workshops/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: bytes,
  });
  return { status: response.status, body: await response.json() };
}

describe('a hostile client importing huge backups', () => {
  it('parses a 17 MB import off the event loop, refuses a flood from one address, and the room keeps saving', async () => {
    const room = await hostileRoom(cleanup);
    const { url, port } = room.server;
    const exported = await api<never>(url, 'GET', `/api/workshops/${room.workshopId}/report?format=json`, {
      token: room.facilitatorToken,
    });
    expect(exported.status).toBe(200);
    const body = JSON.stringify(bigBackup(exported.body, 17_000_000));
    expect(body.length).toBeGreaterThan(17_000_000);
    expect(body.length).toBeLessThan(20 * 1_048_576);
    // Encoded once: this process's own work must not be what slows its health probe.
    const bytes = new TextEncoder().encode(body);
    // The friend and the facilitator are on their board before the attack starts.
    const friend = await openBoard(cleanup, port, room.docName, room.friend);
    const observer = await openBoard(cleanup, port, room.docName, room.facilitatorToken);

    await serverStallMs(url);
    const { result, slowestMs } = await duringAttack(url, async () => {
      // Four at once from one address: two run, the others are refused at once (429).
      const imports = Promise.all(Array.from({ length: 4 }, () => postImport(url, bytes)));
      // Meanwhile the friend writes, and the facilitator sees it.
      addCard(friend.doc, { sectionId: 'needs', text: 'w trakcie importu' });
      await waitFor(
        () => listCards(observer.doc).some((c) => c.text === 'w trakcie importu'),
        30_000,
        "the friend's card during the imports",
      );
      return imports;
    });
    const statuses = result.map((r) => r.status).sort();
    // The server's own longest stall, to tell it from this process's (both share a loaded machine).
    const stall = await serverStallMs(url);
    console.log(
      `17 MB imports: ${statuses.join(', ')}; slowest /healthz ${slowestMs.toFixed(0)} ms, server stall ${stall} ms`,
    );
    expect(slowestMs).toBeLessThan(1_000);
    for (const answer of result) {
      if (answer.status === 201) continue;
      // A refusal is a clear one: too many from this address, or the decode queue is full.
      expect([429, 503]).toContain(answer.status);
      expect([ErrorCode.TooManyRequests, ErrorCode.Unavailable]).toContain(
        (answer.body as unknown as { error: { code: string } }).error.code,
      );
    }
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);

    // The imported workshop is whole: its first board holds every card of the file.
    const created = result.find((r) => r.status === 201)?.body as CreateWorkshopAnswer;
    expect(created.id).toBeTruthy();
    await serverStallMs(url);
    const report = await duringAttack(url, () =>
      api(url, 'GET', `/api/workshops/${created.id}/report?format=docx`, { token: created.facilitatorToken }),
    );
    expect(report.result.status).toBe(200);
    expect(report.result.headers.get('content-type')).toContain('wordprocessingml');
    const reportStall = await serverStallMs(url);
    console.log(
      `docx of the imported workshop: slowest /healthz ${report.slowestMs.toFixed(0)} ms, server stall ${reportStall} ms`,
    );
    expect(report.slowestMs).toBeLessThan(1_000);

    friend.provider.destroy();
    observer.provider.destroy();
    await expectFriendEditsSurvive(cleanup, room, 'po imporcie 17 MB');
    // The card written during the imports was stored too (the helper restarted the server with kill -9).
    const reloaded = await openBoard(cleanup, port, room.docName, room.facilitatorToken);
    expect(listCards(reloaded.doc).some((c) => c.text === 'w trakcie importu')).toBe(true);
  }, 240_000);
});
