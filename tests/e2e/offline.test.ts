import { addCard } from '@warsztat/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Cleanup } from '../helpers/cleanup.js';
import { openBoard, textsOf } from '../helpers/provider.js';
import { breakoutWorkshop, docOfParticipant } from '../helpers/server.js';
import { section, texts } from './boardRoom.js';
import { UI, useE2E } from './harness.js';

/**
 * The offline shell (service worker + y-indexeddb + the last workshop state): after one visit a
 * board, the console and the projector reload with no network at all and show this device's copy;
 * an edit made offline reaches the server once the network is back.
 */
const CARDS = ['Transport do ośrodka', 'Opieka wytchnieniowa', 'Mieszkania treningowe'];

/** Resolves once the service worker controls nothing yet but is active with its precache done. */
async function serviceWorkerReady(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state ?? null), UI)
    .toBe('activated');
}

/**
 * Whether one of the page's local copies (y-indexeddb: a database per doc, its updates in the
 * `updates` store) holds every text. Yjs writes strings as UTF-8, so the texts stand in the bytes.
 */
async function copiesHold(page: Page, texts: readonly string[]): Promise<boolean> {
  return page.evaluate(async (wanted) => {
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const decoder = new TextDecoder();
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await request(indexedDB.open(name));
      try {
        if (!db.objectStoreNames.contains('updates')) continue;
        const updates = await request(db.transaction('updates').objectStore('updates').getAll());
        const text = updates.map((u) => decoder.decode(u as Uint8Array)).join('');
        if (wanted.every((w) => text.includes(w))) return true;
      } finally {
        db.close();
      }
    }
    return false;
  }, texts);
}

describe('offline shell in Chromium', () => {
  const e2e = useE2E();
  const cleanup = new Cleanup();

  it('reloads the board with no network, keeps an offline edit and sends it when back online', async () => {
    const { url, port } = e2e.server();
    const { workshop, participants, state } = await breakoutWorkshop(url, ['Anna K.']);
    const anna = participants[0];
    if (!anna) throw new Error('no Anna');
    const docName = docOfParticipant(state, anna.participantId);
    // The board as the room wrote it, through the stock provider.
    const room = await openBoard(cleanup, port, docName, workshop.facilitatorToken);
    for (const text of CARDS) addCard(room.doc, { sectionId: 'needs', text });

    const { page, context } = await e2e.newPage({ width: 390, height: 844 });
    await page.goto(new URL(anna.links.board, url).href);
    await expect.poll(() => texts(page), UI).toEqual(expect.arrayContaining(CARDS));
    await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-saved-locally'), UI).toBe('true');
    await serviceWorkerReady(page);

    // No network at all: the page, its code and the workshop come from this device.
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => texts(page), UI).toEqual(expect.arrayContaining(CARDS));
    await expect
      .poll(() => page.getByTestId('sync-label').textContent(), UI)
      .toBe('Offline — zapisano na tym urządzeniu');
    expect(await page.getByTestId('sync-status').getAttribute('data-status')).not.toBe('connected');

    // An edit made offline stays on the device…
    await section(page, 'gaps').getByTestId('add-card').click();
    await page.keyboard.type('Dopisane bez sieci');
    await expect.poll(() => texts(page), UI).toContain('Dopisane bez sieci');

    // …and reaches the server once the network is back (read by a second, independent client).
    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-status'), UI).toBe('connected');
    await expect.poll(() => textsOf(room), UI).toContain('gaps:Dopisane bez sieci');
    const fresh = await openBoard(cleanup, port, docName, workshop.facilitatorToken);
    expect(textsOf(fresh)).toEqual(
      expect.arrayContaining([...CARDS.map((text) => `needs:${text}`), 'gaps:Dopisane bez sieci']),
    );
    expect(e2e.pageErrors).toEqual([]);
    await cleanup.run();
  });

  it('reloads the console and the projector with no network, showing the boards as last seen', async () => {
    const { url, port } = e2e.server();
    const { workshop, participants, state } = await breakoutWorkshop(url, ['Anna K.', 'Piotr W.']);
    const anna = participants[0];
    if (!anna) throw new Error('no Anna');
    const docName = docOfParticipant(state, anna.participantId);
    const room = await openBoard(cleanup, port, docName, workshop.facilitatorToken);
    for (const text of CARDS) addCard(room.doc, { sectionId: 'recommendations', text });

    // The projector's overview counts each group's cards; the console lists recommendations.
    for (const [path, ready] of [
      [`/p/${workshop.projectorToken}`, 'projector-group'],
      // The recommendations list is in the console's Plenary view (issue #16).
      [`/f/${workshop.facilitatorToken}?view=plenary`, 'plenary-source'],
    ] as const) {
      const { page, context } = await e2e.newPage({ width: 1400, height: 1000 });
      await page.goto(new URL(path, url).href);
      await page.getByTestId(ready).first().waitFor(UI);
      const before = await page.getByTestId(ready).allTextContents();
      expect(before.join(' ')).toMatch(path.startsWith('/f/') ? /Transport do ośrodka/ : /3/);
      await serviceWorkerReady(page);
      // The registry's copy holds the board in IndexedDB before the network goes.
      await expect.poll(() => copiesHold(page, CARDS), UI).toBe(true);
      await context.setOffline(true);
      await page.reload();
      await page.getByTestId(ready).first().waitFor(UI);
      await expect.poll(() => page.getByTestId(ready).allTextContents(), UI).toEqual(before);
      await context.setOffline(false);
    }
    expect(e2e.pageErrors).toEqual([]);
    await cleanup.run();
  });
});
