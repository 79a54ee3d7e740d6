import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { addCard, readConsolidated, summaryFragment, type WorkshopState } from '@warsztat/shared';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Cleanup } from '../helpers/cleanup.js';
import { connectControl, participantCommand } from '../helpers/control.js';
import { type Board, openBoard, roundTrip } from '../helpers/provider.js';
import { api, createWorkshop, joinWorkshop } from '../helpers/server.js';
import { UI, useE2E } from './harness.js';
import { elementsIn, readableText } from './readability.js';

/**
 * The projector at 1920×1080 (issue #7), driven from the facilitator's console like a real session:
 * lobby → breakout overview → presentations in a chosen order with "next group" → freeze →
 * recommendations side by side → plenary consolidation and the room's vote → the interpreter's
 * corner. On every screen: body text ≥ 32 px, contrast ≥ 7:1 from the rendered colours, nothing to
 * scroll, axe-core clean; screenshots in tests/e2e/artifacts/.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WALL = { width: 1920, height: 1080 };

const NEEDS = [
  'Usługi opiekuńcze w weekendy i święta',
  'Transport do lekarza specjalisty',
  'Wsparcie psychologiczne dla opiekunów',
  'Dzienne formy wsparcia blisko domu',
];
const RECOMMENDATIONS = [
  'Mieszkania wspomagane w każdym powiecie',
  'Asystencja osobista bez limitu godzin',
  'Centrum usług środowiskowych przy OPS',
];

/**
 * Waits until the screen has stopped changing: two screenshots in a row are equal (doc snapshots
 * read, AutoFit measured, fonts in). A condition instead of a guessed pause.
 */
async function settled(page: Page): Promise<void> {
  let last = await page.screenshot();
  await expect
    .poll(async () => {
      const next = await page.screenshot();
      const same = next.equals(last);
      last = next;
      return same;
    }, UI)
    .toBe(true);
}

async function axeViolations(page: Page): Promise<unknown[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations;
  });
}

describe('projector at 1920×1080', () => {
  const e2e = useE2E();
  const cleanup = new Cleanup();
  afterAll(() => cleanup.run());

  /** The room's readability rules, checked on whatever the projector shows now. */
  async function readable(projector: Page, name: string) {
    await e2e.shot(projector, name);
    const samples = await readableText(projector);
    expect(samples.length, `${name}: text found`).toBeGreaterThan(3);
    const small = samples.filter((s) => s.fontPx < 32);
    expect(small, `${name}: text under 32px`).toEqual([]);
    const faint = samples.filter((s) => s.contrast < 7);
    expect(faint, `${name}: contrast under 7:1`).toEqual([]);
    const size = await projector.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
    }));
    expect(size, `${name}: nothing to scroll`).toEqual(WALL);
    const violations = await axeViolations(projector);
    expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
    return samples;
  }

  it('shows lobby, overview, ordered presentations, freeze, recommendations, consolidation and the safe corner', async () => {
    const url = e2e.server().url;
    const w = await createWorkshop(url, { title: 'Plan deinstytucjonalizacji — Podlaskie', date: '2026-11-26' });
    const command = async (body: unknown) => {
      const answer = await api<WorkshopState>(url, 'POST', `/api/workshops/${w.id}/commands`, {
        token: w.facilitatorToken,
        body,
      });
      expect(answer.status, answer.text).toBe(200);
      return answer.body;
    };
    await command({ type: 'agenda', action: 'demo' });
    const people = [];
    for (const name of ['Anna K.', 'Piotr W.', 'Ewa M.', 'Jan N.', 'Ola S.']) {
      people.push(await joinWorkshop(url, w.joinCode, name));
    }
    const state = await command({ type: 'assign', mode: 'auto' });
    const groups = state.groups;
    const [g1, g2, g3, g4] = groups;
    if (!g1 || !g2 || !g3 || !g4) throw new Error('di-5 has five groups');
    const anna = people[0];
    if (!anna) throw new Error('no Anna');
    const annaGroup = state.participants.find((p) => p.id === anna.participantId)?.groupId ?? '';
    await command({ type: 'rapporteur', groupId: annaGroup, participantId: anna.participantId });

    // Boards written the way any client writes them: the stock provider with the facilitator's token.
    const boards = new Map<string, Board>();
    for (const g of groups)
      boards.set(g.id, await openBoard(cleanup, e2e.server().port, g.docName, w.facilitatorToken));
    const board = (id: string) => boards.get(id)?.doc ?? new Y.Doc();
    for (const text of NEEDS) addCard(board(g1.id), { sectionId: 'needs', text });
    addCard(board(g1.id), { sectionId: 'gaps', text: 'Brak opiekunów wytchnieniowych' });
    groups.forEach((g, i) => {
      addCard(board(g.id), { sectionId: 'recommendations', text: RECOMMENDATIONS[i % RECOMMENDATIONS.length] ?? '' });
    });
    const summary = new Y.XmlElement('paragraph');
    summary.insert(0, [new Y.XmlText('Najpilniejsze są usługi wytchnieniowe i transport.')]);
    summaryFragment(board(g1.id)).insert(0, [summary]);
    // A group that wrote far more than a wall holds: 60 long cards.
    for (let i = 1; i <= 60; i++) {
      addCard(board(g2.id), {
        sectionId: i % 2 ? 'needs' : 'gaps',
        text: `Potrzeba ${i}: dostępne usługi społeczne świadczone w społeczności lokalnej`,
      });
    }

    const { page: projector } = await e2e.newPage(WALL);
    await projector.goto(new URL(`/p/${w.projectorToken}`, url).href);
    const { page: console } = await e2e.newPage({ width: 1400, height: 1000 });
    await console.goto(new URL(`/f/${w.facilitatorToken}`, url).href);

    // 1. Lobby: a big QR code, the join code, the day's agenda, the clock in Polish time.
    await projector.getByTestId('projector-lobby').waitFor(UI);
    await projector.getByTestId('join-qr').waitFor(UI);
    expect(await projector.getByTestId('join-code-display').textContent()).toBe(w.joinCode);
    expect((await projector.getByTestId('join-qr').boundingBox())?.width).toBeGreaterThanOrEqual(300);
    await expect.poll(() => projector.locator('[data-testid="projector-agenda"] li').count(), UI).toBe(7);
    const warsaw = new Intl.DateTimeFormat('pl', {
      timeZone: 'Europe/Warsaw',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const before = warsaw.format(Date.now());
    const shown = await projector.getByTestId('projector-time').textContent();
    expect([before, warsaw.format(Date.now())]).toContain(shown);
    expect(await projector.getByTestId('projector-clock').textContent()).toContain('26 listopada 2026');
    // Issue #16: the room screen names nobody by default (streamed sessions), only the count —
    // and the state it was sent has no names to show either. The console's switch turns names on.
    await expect.poll(() => projector.locator('#projector-joined').textContent(), UI).toBe('Dołączyło: 5');
    expect(await projector.getByTestId('participant-name').count()).toBe(0);
    expect(await projector.getByTestId('projector-lobby').textContent()).not.toContain('Anna K.');
    await readable(projector, 'projector-01-lobby');
    await console.getByTestId('projector-names').check();
    await expect
      .poll(() => projector.getByTestId('participant-name').allTextContents(), UI)
      .toEqual(['Anna K.', 'Piotr W.', 'Ewa M.', 'Jan N.', 'Ola S.']);
    await readable(projector, 'projector-01b-lobby-names');

    // 2. Breakout: every group as a card with its rapporteur and card counts per section.
    await console.getByTestId('start-breakout').click();
    await expect.poll(() => projector.getAttribute('[data-testid="projector"]', 'data-screen'), UI).toBe('overview');
    const card1 = projector.locator(`[data-testid="projector-group"][data-group-id="${g1.id}"]`);
    await expect.poll(() => card1.locator('[data-section-id="needs"] dd').textContent(), UI).toBe('4');
    expect(await card1.locator('[data-section-id="gaps"] dd').textContent()).toBe('1');
    const annaCard = projector.locator(`[data-testid="projector-group"][data-group-id="${annaGroup}"]`);
    expect(await annaCard.getByTestId('projector-rapporteur').textContent()).toBe('Sprawozdawca: Anna K.');
    expect(await projector.getByTestId('projector-group').count()).toBe(5);
    await readable(projector, 'projector-02-overview');

    // 3. Presentation order, set with the keyboard on the console: g1 down one place, so g2 opens.
    // The presentation order is in the console's Plenary view (issue #16).
    await console.getByTestId('view-plenary').click();
    const firstDown = console.locator(
      `[data-testid="presentation-item"][data-group-id="${g1.id}"] [data-testid="order-down"]`,
    );
    await firstDown.focus();
    await console.keyboard.press('Enter');
    await expect
      .poll(
        () =>
          console
            .getByTestId('presentation-item')
            .evaluateAll((els) => els.map((e) => e.getAttribute('data-group-id'))),
        UI,
      )
      .toEqual([g2.id, g1.id, g3.id, g4.id, groups[4]?.id]);
    // Focus stays with the moved group's control, so a keyboard user can keep moving it.
    expect(await console.evaluate(() => document.activeElement?.getAttribute('data-focus-key'))).toBe(`${g1.id}:1`);
    await console.getByTestId('back-to-plenary').click();
    await console.getByTestId('next-group').click();
    await expect.poll(() => projector.getByTestId('projector-group-name').textContent(), UI).toBe(g2.name);
    // 60 long cards do not fit even at 32px: they flow onto pages, never below the floor.
    const fit = projector.getByTestId('autofit');
    await expect.poll(() => fit.getAttribute('data-pages'), UI).not.toBe('1');
    expect(Number(await fit.getAttribute('data-font-px'))).toBe(32);
    await expect.poll(() => projector.getByTestId('autofit-page').textContent(), UI).toMatch(/^Strona 1 z \d+$/);
    await readable(projector, 'projector-03-spotlight-pages');

    // "Next group": g1, whose board fits on one screen in type larger than the floor.
    await console.getByTestId('next-group').click();
    await expect.poll(() => projector.getByTestId('projector-group-name').textContent(), UI).toBe(g1.name);
    await expect
      .poll(() => projector.getByTestId('card-text').allTextContents(), UI)
      .toEqual(expect.arrayContaining([...NEEDS, 'Brak opiekunów wytchnieniowych']));
    await expect.poll(() => fit.getAttribute('data-pages'), UI).toBe('1');
    expect(Number(await fit.getAttribute('data-font-px'))).toBeGreaterThan(32);
    expect(await projector.getByTestId('projector-summary').textContent()).toContain('usługi wytchnieniowe');
    expect(await projector.getByTestId('spotlight-position').textContent()).toBe(`Grupa 2 z 5 · następnie: ${g3.name}`);
    await readable(projector, 'projector-04-spotlight');

    // 4. Freeze (WCAG 2.2.2): the console says so; the projector changes nothing until unfrozen —
    // not a new card, not a broadcast, not the timer's digits.
    await command({ type: 'timer', action: 'extend', minutes: 5 });
    await projector.getByTestId('timer').waitFor(UI);
    await console.getByTestId('projector-freeze').click();
    await console.getByTestId('frozen-indicator').waitFor(UI);
    expect(await console.getByTestId('projector-freeze').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => projector.getAttribute('[data-testid="projector"]', 'data-frozen'), UI).toBe('true');
    const digits = await projector.locator('.timer-digits').textContent();
    const frozenShot = await projector.screenshot();
    addCard(board(g1.id), { sectionId: 'needs', text: 'Dodane po zatrzymaniu' });
    // Stored and sent to every peer of the board, the projector's included, before the broadcast.
    await roundTrip(boards.get(g1.id) as Board);
    await command({ type: 'broadcast', text: 'Przerwa kawowa o 11:00', groupId: null });
    // No fixed sleep: the projector has the broadcast and holds it back (data-held); then the
    // console's (unfrozen) timer ticks twice, so over a second has passed on the room's own clock —
    // more than a live projector takes to re-read a board (300 ms) or to tick its timer. Only then
    // does "unchanged" mean anything.
    await expect.poll(() => projector.getAttribute('[data-testid="projector"]', 'data-held'), UI).toBe('true');
    for (let tick = 0; tick < 2; tick++) {
      const shown = await console.locator('.timer-digits').first().textContent();
      await expect.poll(() => console.locator('.timer-digits').first().textContent(), UI).not.toBe(shown);
    }
    expect(await projector.getByTestId('card-text').allTextContents()).not.toContain('Dodane po zatrzymaniu');
    expect(await projector.getByTestId('broadcast-message').count()).toBe(0);
    expect(await projector.locator('.timer-digits').textContent()).toBe(digits);
    expect((await projector.screenshot()).equals(frozenShot)).toBe(true);
    await e2e.shot(projector, 'projector-05-frozen');
    // A projector reloaded while frozen shows the board as it is now — never an empty one — and holds it.
    await projector.reload();
    await expect
      .poll(() => projector.getByTestId('card-text').allTextContents(), UI)
      .toEqual(expect.arrayContaining([...NEEDS, 'Dodane po zatrzymaniu']));
    expect(await projector.getAttribute('[data-testid="projector"]', 'data-frozen')).toBe('true');
    addCard(board(g1.id), { sectionId: 'gaps', text: 'Po przeładowaniu' });
    // No fixed sleep: the spotlight's board has re-read the doc with the new card in it and held
    // it back (data-held); only then does "not shown" mean anything.
    await expect.poll(() => projector.getByTestId('autofit').getAttribute('data-held'), UI).toBe('true');
    expect(await projector.getByTestId('card-text').allTextContents()).not.toContain('Po przeładowaniu');
    await console.getByTestId('projector-freeze').click();
    await expect.poll(() => projector.getByTestId('card-text').allTextContents(), UI).toContain('Po przeładowaniu');
    await projector.getByTestId('broadcast-message').waitFor(UI);
    await expect.poll(() => projector.locator('.timer-digits').textContent(), UI).not.toBe(digits);
    expect(await console.getByTestId('frozen-indicator').count()).toBe(0);

    // 5. Every group's recommendations side by side.
    await console.getByTestId('projector-view-recommendations').check();
    await projector.getByTestId('projector-recommendations').waitFor(UI);
    expect(await console.getByTestId('projector-now-showing').textContent()).toBe(
      'Teraz na rzutniku: Rekomendacje grup obok siebie',
    );
    await expect.poll(() => projector.getByTestId('recommendations-group').count(), UI).toBe(5);
    await expect
      .poll(() => projector.getByTestId('card-text').allTextContents(), UI)
      .toEqual(expect.arrayContaining(RECOMMENDATIONS));
    const columns = await projector
      .getByTestId('recommendations-group')
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
    expect(new Set(columns).size, 'one column per group').toBe(5);
    // Re-fitted once the boards' cards arrived: one screen, type above the floor.
    await expect.poll(() => fit.getAttribute('data-pages'), UI).toBe('1');
    expect(Number(await fit.getAttribute('data-font-px'))).toBeGreaterThan(32);
    await readable(projector, 'projector-06-recommendations');

    // 6. Plenary consolidation: three recommendations pulled from the boards, one reworded, the
    // room votes (budget 2, enforced by the server), totals revealed and sorted by votes.
    const pull = (groupId: string) =>
      console
        .locator(`[data-testid="plenary-source"][data-group-id="${groupId}"] [data-testid="plenary-pull"]`)
        .first();
    for (const g of [g1, g2, g3]) {
      await pull(g.id).click();
      await expect.poll(() => pull(g.id).textContent(), UI).toBe('Na liście');
    }
    const items = console.getByTestId('plenary-item');
    await expect.poll(() => items.count(), UI).toBe(3);
    await items.nth(2).getByTestId('plenary-text').fill('Centrum usług środowiskowych w każdej gminie');
    await console.getByTestId('plenary-budget').fill('2');
    await console.getByTestId('plenary-budget').blur();
    await expect.poll(() => console.getByTestId('plenary-budget').inputValue(), UI).toBe('2');
    await console.getByTestId('voting-toggle').click();
    await expect.poll(() => console.getByTestId('voting-status').textContent(), UI).toContain('Głosowanie trwa');
    await console.getByTestId('projector-view-consolidated').check();

    const { page: phone } = await e2e.newPage({ width: 390, height: 844 });
    await phone.goto(new URL(anna.links.board, url).href);
    await phone.getByTestId('plenary-vote').waitFor(UI);
    await expect.poll(() => phone.getByTestId('vote-item').count(), UI).toBe(3);
    const third = phone.getByTestId('vote-item').nth(2);
    await expect.poll(() => third.textContent(), UI).toContain('w każdej gminie');
    await third.getByTestId('vote-plus').click();
    await expect
      .poll(() => phone.getByTestId('plenary-votes-left').textContent(), UI)
      .toBe('Masz jeszcze 1 z 2 głosów.');
    await third.getByTestId('vote-plus').click();
    await expect
      .poll(() => phone.getByTestId('plenary-votes-left').textContent(), UI)
      .toBe('Masz jeszcze 0 z 2 głosów.');
    expect(await third.getByTestId('vote-plus').getAttribute('aria-disabled')).toBe('true');
    await e2e.shot(phone, 'projector-07-phone-vote');
    // Two more people vote for the first item, one more for the third from their own sockets.
    const firstItem = (await phone.getByTestId('vote-item').first().getAttribute('data-item-id')) ?? '';
    for (const voter of people.slice(1, 3)) {
      const socket = await connectControl(cleanup, url, voter.token);
      expect((await participantCommand(socket.socket, { type: 'vote', itemId: firstItem, delta: 1 })).ok).toBe(true);
    }
    const thirdItem = (await third.getAttribute('data-item-id')) ?? '';
    const jan = await connectControl(cleanup, url, people[3]?.token ?? '');
    expect((await participantCommand(jan.socket, { type: 'vote', itemId: thirdItem, delta: 1 })).ok).toBe(true);
    // Past the budget the server says no, whatever a page or a crafted client does.
    const annaSocket = await connectControl(cleanup, url, anna.token);
    const over = await participantCommand(annaSocket.socket, {
      type: 'vote',
      itemId: thirdItem,
      delta: 1,
    });
    expect(over).toMatchObject({ ok: false, error: { code: 'conflict', message: 'No votes left' } });

    await console.getByTestId('votes-revealed').check();
    await console.getByTestId('sort-by-votes').click();
    await projector.getByTestId('projector-consolidated').waitFor(UI);
    await expect
      .poll(() => projector.getByTestId('consolidated-text').allTextContents(), UI)
      .toEqual(['Centrum usług środowiskowych w każdej gminie', RECOMMENDATIONS[0], RECOMMENDATIONS[1]]);
    expect(await projector.getByTestId('consolidated-votes').allTextContents()).toEqual([
      '3 głosy',
      '2 głosy',
      '0 głosów',
    ]);
    await readable(projector, 'projector-08-consolidated');
    // The order on the wall is the order the report reads.
    const plenaryDoc = (await openBoard(cleanup, e2e.server().port, state.plenary.docName, w.facilitatorToken)).doc;
    const stored = await e2e.server().service.get(w.id);
    expect(
      readConsolidated(plenaryDoc, stored?.control.plenary).map((i) => [i.text, i.votes, i.sourceGroupId]),
    ).toEqual([
      ['Centrum usług środowiskowych w każdej gminie', 3, g3.id],
      [RECOMMENDATIONS[0], 2, g1.id],
      [RECOMMENDATIONS[1], 0, g2.id],
    ]);

    // 7. The interpreter's corner: bottom right, 25% × 35%, stays empty on every screen.
    await console.getByTestId('safe-corner').selectOption('bottom-right');
    await console.getByTestId('safe-width').fill('25');
    await console.getByTestId('safe-height').fill('35');
    await console.getByTestId('safe-area-save').click();
    await expect
      .poll(() => projector.getAttribute('[data-testid="projector"]', 'data-safe-corner'), UI)
      .toBe('bottom-right');
    const corner = { x: 1920 * 0.75, y: 1080 * 0.65, width: 1920 * 0.25, height: 1080 * 0.35 };
    const box = await projector.getByTestId('safe-area').boundingBox();
    expect(box).toEqual(corner);
    for (const view of ['consolidated', 'recommendations', 'overview', 'spotlight', 'lobby'] as const) {
      await console.getByTestId(`projector-view-${view}`).check();
      await expect.poll(() => projector.getAttribute('[data-testid="projector"]', 'data-screen'), UI).toBe(view);
      // Wait for the screen's content before looking for anything in the corner.
      await settled(projector);
      expect(await elementsIn(projector, corner), `${view}: nothing in the interpreter's corner`).toEqual([]);
      await readable(projector, `projector-09-safe-${view}`);
    }

    // English is complete on the wall too: a projector whose language is English reads the same rules.
    const { page: english, context } = await e2e.newPage(WALL);
    await context.addInitScript(() => localStorage.setItem('warsztat:lang', 'en'));
    await english.goto(new URL(`/p/${w.projectorToken}`, url).href);
    await english.getByTestId('projector-lobby').waitFor(UI);
    expect(await english.locator('#lobby-join-heading').textContent()).toBe('Join the workshop');
    expect(await english.getByTestId('projector-clock').textContent()).toContain('Thursday, 26 November 2026');
    await readable(english, 'projector-10-lobby-en');

    // 8. The console itself passes axe-core.
    const consoleViolations = await axeViolations(console);
    expect(consoleViolations, JSON.stringify(consoleViolations, null, 2)).toEqual([]);
    await e2e.shot(console, 'projector-11-console');
    const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));
    await console.locator('.projector-controls').screenshot({ path: `${artifacts}projector-12-console-controls.png` });
    await console.getByTestId('plenary-panel').screenshot({ path: `${artifacts}projector-13-console-plenary.png` });
    expect(e2e.cspViolations).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  }, 240_000);

  it("speaks the workshop's language on a screen with no choice of its own, and a person's own choice wins", async () => {
    const url = e2e.server().url;
    const w = await createWorkshop(url, { title: 'Deinstitutionalisation plan', locale: 'en' });
    const { page: wall } = await e2e.newPage(WALL);
    await wall.goto(new URL(`/p/${w.projectorToken}`, url).href);
    await wall.getByTestId('projector-lobby').waitFor(UI);
    await expect.poll(() => wall.locator('#lobby-join-heading').textContent(), UI).toBe('Join the workshop');
    expect(await wall.evaluate(() => document.documentElement.lang)).toBe('en');
    // Following the workshop is not a choice: nothing is remembered for the next workshop.
    expect(await wall.evaluate(() => localStorage.getItem('warsztat:lang'))).toBeNull();

    const { page: chosen, context } = await e2e.newPage(WALL);
    await context.addInitScript(() => localStorage.setItem('warsztat:lang', 'pl'));
    await chosen.goto(new URL(`/p/${w.projectorToken}`, url).href);
    await chosen.getByTestId('projector-lobby').waitFor(UI);
    // The lobby is drawn from the workshop's state, so it has arrived; once the screen has settled,
    // whatever the workshop's language would have switched has been switched (as on the wall above).
    await settled(chosen);
    expect(await chosen.locator('#lobby-join-heading').textContent()).toBe('Dołącz do warsztatu');
  }, 60_000);
});
