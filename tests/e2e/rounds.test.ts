import {
  addCard,
  galleryVoteKey,
  listCards,
  moveCard,
  SECTION_PRESETS,
  setCardText,
  type WorkshopState,
} from '@warsztat/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { Cleanup } from '../helpers/cleanup.js';
import { openBoard, roundTrip } from '../helpers/provider.js';
import { createWorkshop, getWorkshop, joinWorkshop, runCommand } from '../helpers/server.js';
import { axeViolations, sidewaysScroll } from './axe.js';
import { UI, useE2E } from './harness.js';

/**
 * Issue #17 in Chromium: a facilitator gives one group a problem tree, runs two breakout rounds
 * with a reshuffle between them and opens the gallery walk; a participant on a 360×740 phone then
 * reads another group's board of the current round and finds nothing there to edit.
 */
const PHONE = { width: 360, height: 740 };
const ROUND_TWO = 'Rekomendacje dla powiatu';
const OTHER_CARD = 'Mieszkania wspomagane w każdej gminie';
const NOT_A_RECOMMENDATION = 'Brakuje transportu do ośrodka';
const CALL_URL = 'https://meet.example.org/grupa-seniorzy';

describe('breakout rounds, sections per group and the gallery walk', () => {
  const e2e = useE2E();
  const cleanup = new Cleanup();
  afterAll(() => cleanup.run());

  it('sets a problem tree for one group, runs two rounds with a reshuffle, and shows the gallery on a phone', async () => {
    const url = e2e.server().url;
    const created = await createWorkshop(url, { title: 'Plan DI — powiat hajnowski', template: 'di-5' });
    const people = [];
    for (const name of ['Halina Nowak', 'Jan Kowalski', 'Ewa Wiśniewska', 'Piotr Zając', 'Maria Lis', 'Adam Wróbel']) {
      people.push(await joinWorkshop(url, created.joinCode, name));
    }
    const halina = people[0];
    if (!halina) throw new Error('no participant');
    const state = () => getWorkshop(url, created.id, created.facilitatorToken);
    const command = (body: Parameters<typeof runCommand>[3]) =>
      runCommand(url, created.id, created.facilitatorToken, body);

    // Prepare: the first group gets the problem tree; the others keep the DI sections.
    const { page: console_ } = await e2e.newPage({ width: 1366, height: 768 });
    await console_.goto(`${url}/f/${created.facilitatorToken}?view=prepare`);
    await console_.getByTestId('sections-panel').waitFor(UI);
    const first = (await state()).groups[0];
    if (!first) throw new Error('no group');
    await console_.getByTestId('sections-target').selectOption(first.id);
    await console_.getByTestId('sections-preset-problem-tree').click();
    expect(await console_.getByTestId('section-label-input').evaluateAll(labels)).toEqual([
      'Przyczyny',
      'Problem',
      'Skutki',
    ]);
    await console_.getByTestId('sections-save').click();
    await expect
      .poll(async () => (await state()).groups[0]?.sections.map((s) => s.id), UI)
      .toEqual(['causes', 'problem', 'effects']);
    expect((await state()).groups[1]?.sections.map((s) => s.id)).toEqual([
      'needs',
      'resources',
      'gaps',
      'recommendations',
    ]);
    await console_.getByTestId('sections-status').filter({ hasText: 'Sekcje zapisane' }).waitFor(UI);

    // A call link: http is refused at the field, https is saved and listed on the console.
    const row = console_.locator(`[data-testid="call-link-row"][data-group-id="${first.id}"]`);
    await row.getByTestId('call-link-input').fill('http://meet.example.org/x');
    await row.getByTestId('call-link-save').click();
    await row.getByTestId('call-link-error').waitFor(UI);
    expect(await row.getByTestId('call-link-input').getAttribute('aria-invalid')).toBe('true');
    await row.getByTestId('call-link-input').fill(CALL_URL);
    await row.getByTestId('call-link-save').click();
    await expect.poll(async () => (await state()).groups[0]?.callUrl, UI).toBe(CALL_URL);
    await row.getByTestId('call-link-current').locator(`a[href="${CALL_URL}"]`).waitFor(UI);
    expect(await row.getByTestId('call-link-error').count()).toBe(0);
    expect(await axeViolations(console_), 'prepare view').toEqual([]);
    await e2e.shot(console_, 'rounds-prepare');

    // Round one: everyone assigned, breakout started.
    await command({ type: 'assign', mode: 'auto' });
    const roundOne = await command({ type: 'phase', to: 'breakout', minutes: 30 });
    const firstRoundDocs = roundOne.groups.map((g) => g.docName);
    await console_.getByTestId('console-view-run').waitFor(UI);
    await console_.getByTestId('round-current').waitFor(UI);

    // Round two from the console: a title, the recommendations preset, reshuffled groups, confirmed.
    await console_.getByTestId('round-new').click();
    await console_.getByTestId('round-dialog').waitFor(UI);
    await console_.getByTestId('round-next').click();
    expect(await console_.getByTestId('round-title').getAttribute('aria-invalid')).toBe('true');
    await console_.getByTestId('round-title').fill(ROUND_TWO);
    await console_.getByTestId('round-sections').selectOption('recommendations');
    await console_.getByTestId('round-regroup-auto').check();
    expect(await axeViolations(console_), 'new round dialog').toEqual([]);
    await console_.getByTestId('round-next').click();
    await console_.getByTestId('round-confirm').waitFor(UI);
    expect(await console_.getByTestId('round-confirm').textContent()).toContain(ROUND_TWO);
    // The confirmation takes focus, so Enter (or a click) is a deliberate second step.
    expect(await console_.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'round-confirm-start',
    );
    await console_.keyboard.press('Enter');
    await console_.getByTestId('round-dialog').waitFor({ state: 'detached', ...UI });

    const roundTwo = await state();
    expect(roundTwo.rounds.map((r) => r.title).at(-1)).toBe(ROUND_TWO);
    expect(roundTwo.rounds).toHaveLength(2);
    expect(roundTwo.currentRoundId).toBe(roundTwo.rounds[1]?.id);
    for (const [i, group] of roundTwo.groups.entries()) {
      expect(group.docName).not.toBe(firstRoundDocs[i]);
      expect(group.boards.map((b) => b.docName)).toEqual([firstRoundDocs[i], group.docName]);
    }
    await expect.poll(() => console_.getByTestId('round-current').textContent(), UI).toBe(`Runda 2 z 2: ${ROUND_TWO}`);

    // The gallery walk opens from the Run view.
    await console_.getByTestId('gallery-toggle').check();
    await expect.poll(async () => (await state()).gallery.open, UI).toBe(true);

    // An earlier round's board is one tab away in the group's side panel, read-only.
    await console_.locator(`[data-testid="group-tile"][data-group-id="${first.id}"] button`).click();
    await console_.getByTestId('board-sheet').waitFor(UI);
    await console_.getByTestId('round-tab').first().click();
    const sheetBoard = console_.getByTestId('board-sheet').getByTestId('board');
    await expect.poll(() => sheetBoard.getAttribute('data-doc-name'), UI).toBe(firstRoundDocs[0]);
    await expect
      .poll(() => sheetBoard.getByTestId('section').evaluateAll(sectionIds), UI)
      .toEqual(['causes', 'problem', 'effects']);
    expect(await sheetBoard.getByTestId('add-card').count()).toBe(0);
    expect(await axeViolations(console_), 'side panel with rounds').toEqual([]);
    await e2e.shot(console_, 'rounds-run-sheet');
    await console_.keyboard.press('Escape');

    // Someone in another group writes on its round-two board.
    const halinaGroup = groupOf(roundTwo, halina.participantId);
    const other = roundTwo.groups.find((g) => g.id !== halinaGroup);
    if (!other) throw new Error('no other group');
    const writer = await openBoard(cleanup, e2e.server().port, other.docName, created.facilitatorToken);
    writer.doc.transact(() => {
      const id = addCard(writer.doc, { sectionId: 'recommendations', authorId: null });
      setCardText(writer.doc, id, OTHER_CARD);
    });
    await roundTrip(writer);

    // Halina, on a phone, sees "Zobacz inne grupy" and reads that board, read-only.
    const { page: phone } = await e2e.newPage(PHONE);
    const phoneCsp: string[] = [];
    phone.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) phoneCsp.push(m.text());
    });
    await phone.goto(new URL(halina.links.board, url).href);
    await phone.getByTestId('gallery-open').waitFor(UI);
    expect((await phone.getByTestId('gallery-open').textContent())?.trim()).toBe('Zobacz inne grupy');
    await phone.getByTestId('gallery-open').click();
    // The gallery takes the own board's place, and focus goes to its heading.
    const gallery = phone.getByTestId('gallery-panel');
    await gallery.waitFor(UI);
    expect(await phone.getByTestId('board').count()).toBe(1);
    expect(await phone.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    await phone.getByTestId('gallery-group').selectOption(other.id);
    await expect.poll(() => gallery.getByTestId('board').getAttribute('data-doc-name'), UI).toBe(other.docName);
    await expect.poll(() => gallery.getByTestId('card-text').allTextContents(), UI).toContain(OTHER_CARD);
    expect(await gallery.getByTestId('gallery-readonly').textContent()).toContain('Tylko do odczytu');
    // Nothing to edit: no add button, no text field, no delete or move, no drag handle.
    expect(await gallery.getByTestId('add-card').count()).toBe(0);
    expect(await gallery.locator('textarea, input:not([type="hidden"]), [contenteditable="true"]').count()).toBe(0);
    expect(await gallery.getByTestId('delete-card').count()).toBe(0);
    // The board says it is read-only to assistive technology too.
    expect(await gallery.locator('.board--readonly').count()).toBe(1);
    // A keystroke on the card changes nothing on the server.
    await gallery.getByTestId('card-text').first().click();
    await phone.keyboard.type('x');
    await roundTrip(writer);
    expect(listCards(writer.doc).map((c) => c.text)).toEqual([OTHER_CARD]);

    // A card outside the recommendations section: on the board, but no dot is offered on it.
    const cardId = listCards(writer.doc)[0]?.id ?? '';
    writer.doc.transact(() => {
      const id = addCard(writer.doc, { sectionId: 'needs', authorId: null });
      setCardText(writer.doc, id, NOT_A_RECOMMENDATION);
    });
    await roundTrip(writer);
    await expect.poll(() => gallery.getByTestId('card-text').allTextContents(), UI).toContain(NOT_A_RECOMMENDATION);

    // With dot votes turned on, Halina puts a dot on a recommendation; the server counts it.
    await console_.getByTestId('gallery-votes').check();
    const voteItems = gallery.getByTestId('gallery-vote-item');
    await expect
      .poll(() => voteItems.evaluateAll((els) => els.map((e) => e.getAttribute('data-card-id'))), UI)
      .toEqual([cardId]);
    expect(await gallery.getByTestId('gallery-votes-section').textContent()).toBe(
      'Kropki stawia się na rekomendacje: karty z sekcji „Rekomendacje”.',
    );
    const item = gallery.locator(`[data-testid="gallery-vote-item"][data-card-id="${cardId}"]`);
    await item.getByTestId('gallery-vote-plus').click();
    await expect.poll(async () => (await state()).gallery.totals?.[galleryVoteKey(other.id, cardId)], UI).toBe(1);
    await expect
      .poll(() => gallery.getByTestId('gallery-votes-left').textContent(), UI)
      .toBe('Kropki do rozdania: 2 z 3');

    // Moved out of the section, the card keeps her dot in the list until she takes it back.
    moveCard(writer.doc, cardId, 'needs');
    await roundTrip(writer);
    await expect
      .poll(() => gallery.getByTestId('gallery-votes-section').textContent(), UI)
      .toBe('Ta grupa nie ma jeszcze kart w sekcji „Rekomendacje”, więc nie ma tu na co głosować.');
    expect(await voteItems.count()).toBe(1);
    await item.getByTestId('gallery-vote-minus').click();
    await expect.poll(async () => (await state()).gallery.totals?.[galleryVoteKey(other.id, cardId)] ?? 0, UI).toBe(0);
    await expect.poll(() => voteItems.count(), UI).toBe(0);
    // Back among the recommendations, the dot she had taken back is hers to give again.
    moveCard(writer.doc, cardId, 'recommendations');
    await roundTrip(writer);
    await item.getByTestId('gallery-vote-plus').click();
    await expect.poll(async () => (await state()).gallery.totals?.[galleryVoteKey(other.id, cardId)], UI).toBe(1);
    await expect
      .poll(() => gallery.getByTestId('gallery-votes-left').textContent(), UI)
      .toBe('Kropki do rozdania: 2 z 3');

    // Every control on the phone's new screens is at least 44 px high; nothing scrolls sideways.
    const small = await phone.evaluate(() =>
      Array.from(document.querySelectorAll('.participant-screen :is(button, a.button, select)'))
        .filter((b) => (b as HTMLElement).offsetParent !== null)
        .map((b) => ({ text: b.textContent, h: b.getBoundingClientRect().height }))
        .filter((b) => b.h < 44),
    );
    expect(small).toEqual([]);
    await e2e.shot(phone, 'rounds-phone-gallery');
    expect(await sidewaysScroll(phone)).toBe(0);
    expect(await axeViolations(phone), 'phone gallery').toEqual([]);

    // Closing the gallery takes the view away from the phone and says so; the own board is back.
    await console_.getByTestId('gallery-toggle').uncheck();
    await phone.getByTestId('gallery-closed').waitFor(UI);
    expect(await phone.getByTestId('gallery-panel').count()).toBe(0);
    await expect
      .poll(() => phone.getByTestId('board').getAttribute('data-doc-name'), UI)
      .toBe(roundTwo.groups.find((g) => g.id === halinaGroup)?.docName);

    // Her own group's round-one board is one button away, read-only and said so, with its sections.
    const roundOneDoc = roundOne.groups.find((g) => g.memberIds.includes(halina.participantId))?.docName;
    await phone.getByTestId('earlier-rounds-toggle').click();
    const earlier = phone.getByTestId('earlier-rounds');
    await earlier.waitFor(UI);
    await expect.poll(() => earlier.getByTestId('board').getAttribute('data-doc-name'), UI).toBe(roundOneDoc);
    expect(await earlier.getByTestId('earlier-readonly').textContent()).toBe(
      'Tablica z wcześniejszej rundy — tylko do odczytu. Runda 1',
    );
    expect(await earlier.getByTestId('add-card').count()).toBe(0);
    expect(await earlier.locator('.board--readonly').count()).toBe(1);
    expect(await axeViolations(phone), 'phone earlier rounds').toEqual([]);
    await phone.getByTestId('earlier-back').click();
    await expect
      .poll(() => phone.evaluate(() => document.activeElement?.getAttribute('data-testid')), UI)
      .toBe('earlier-rounds-toggle');

    expect(e2e.pageErrors).toEqual([]);
    // Neither the phone's screens nor the console (its Radix dialogs' scroll lock included) needs
    // anything the strict CSP forbids.
    expect(phoneCsp).toEqual([]);
    expect(e2e.cspViolations).toEqual([]);
    // One journey through two rounds, the gallery, its dots and the earlier rounds: about 12 s on a
    // quiet machine, so the default 30 s would be tight while the whole suite runs.
  }, 60_000);

  it('says so on the board when the server drops an edit the page still thought allowed', async () => {
    const url = e2e.server().url;
    const created = await createWorkshop(url, { title: 'Plan DI — powiat hajnowski', template: 'di-5' });
    const anna = await joinWorkshop(url, created.joinCode, 'Anna Nowak');
    const command = (body: Parameters<typeof runCommand>[3]) =>
      runCommand(url, created.id, created.facilitatorToken, body);
    await command({ type: 'assign', mode: 'auto' });
    const state = await command({ type: 'phase', to: 'breakout', minutes: 30 });
    const group = state.groups.find((g) => g.memberIds.includes(anna.participantId));
    if (!group) throw new Error('Anna has no group');

    // The page's control socket, with the server's state messages held back on demand: the page
    // then still believes it may write when the server already refuses (a slow network, a round
    // started a moment ago).
    const { page, context } = await e2e.newPage(PHONE);
    let holdState = false;
    await context.routeWebSocket(/\/socket\.io\//, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((message) => server.send(message));
      server.onMessage((message) => {
        if (holdState && typeof message === 'string' && message.startsWith('42["state"')) return;
        ws.send(message);
      });
    });
    await page.goto(new URL(anna.links.board, url).href);
    await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-status'), UI).toBe('connected');
    const watcher = await openBoard(cleanup, e2e.server().port, group.docName, created.facilitatorToken);

    holdState = true;
    await command({ type: 'boardSettings', groupId: group.id, locked: true });
    await page.getByTestId('add-card').first().click();
    await page.keyboard.type('Nie dotrze');
    await page.getByTestId('board-write-refused').waitFor(UI);
    expect(await page.getByTestId('board-write-refused').textContent()).toContain('tylko do odczytu');
    // The board offers no more edits, and nothing reached the server.
    await expect.poll(() => page.getByTestId('add-card').count(), UI).toBe(0);
    await roundTrip(watcher);
    expect(listCards(watcher.doc)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await e2e.shot(page, 'rounds-phone-write-refused');

    // The facilitator unlocks and the state gets through again: the board is writable once more.
    holdState = false;
    await command({ type: 'boardSettings', groupId: group.id, locked: false });
    await page.getByTestId('add-card').first().waitFor(UI);
    expect(await page.getByTestId('board-write-refused').count()).toBe(0);
    expect(e2e.pageErrors).toEqual([]);
  });

  it('lets a breakout agenda item carry its round, started with the item', async () => {
    const url = e2e.server().url;
    const created = await createWorkshop(url, { title: 'Forum dwudniowe', template: 'di-5' });
    const command = (body: Parameters<typeof runCommand>[3]) =>
      runCommand(url, created.id, created.facilitatorToken, body);
    const planned = await command({
      type: 'agenda',
      action: 'set',
      days: [
        {
          startsAt: '09:00',
          items: [
            { title: 'Diagnoza', kind: 'breakout', minutes: 60, speakers: [] },
            { title: 'Analiza SWOT', kind: 'breakout', minutes: 45, speakers: [] },
          ],
        },
      ],
    });
    const swotItem = planned.agenda[1];
    if (!swotItem) throw new Error('no agenda item');
    await command({ type: 'agenda', action: 'start', itemId: planned.agenda[0]?.id ?? '' });

    const { page } = await e2e.newPage({ width: 1366, height: 768 });
    await page.goto(`${url}/f/${created.facilitatorToken}?view=prepare`);
    const row = page.getByTestId('agenda-item').nth(1);
    await row.getByTestId('agenda-round').locator('summary').click();
    await row.getByTestId('agenda-round-title').fill('Mocne i słabe strony');
    await row.getByTestId('agenda-round-sections').selectOption('swot');
    await row.getByTestId('agenda-round-regroup').selectOption('auto');
    expect(await axeViolations(page), 'agenda round').toEqual([]);
    await row.getByTestId('agenda-round-save').click();
    await expect
      .poll(async () => (await getWorkshop(url, created.id, created.facilitatorToken)).agenda[1]?.round?.title, UI)
      .toBe('Mocne i słabe strony');
    await expect
      .poll(() => row.getByTestId('agenda-round').locator('summary').textContent(), UI)
      .toContain('Mocne i słabe strony');

    await row.getByTestId('agenda-start').click();
    await expect
      .poll(async () => {
        const w = await getWorkshop(url, created.id, created.facilitatorToken);
        return w.rounds.find((r) => r.id === w.currentRoundId)?.title;
      }, UI)
      .toBe('Mocne i słabe strony');
    const started = await getWorkshop(url, created.id, created.facilitatorToken);
    expect(started.sections.map((x) => x.id)).toEqual(['strengths', 'weaknesses', 'opportunities', 'threats']);
    expect(e2e.pageErrors).toEqual([]);
  });

  it('keeps cards of sections no longer listed under "Inne", each named, with nothing added there', async () => {
    const url = e2e.server().url;
    const created = await createWorkshop(url, { title: 'Plan DI — powiat hajnowski', template: 'di-5' });
    const anna = await joinWorkshop(url, created.joinCode, 'Anna Nowak');
    const command = (body: Parameters<typeof runCommand>[3]) =>
      runCommand(url, created.id, created.facilitatorToken, body);
    await command({ type: 'assign', mode: 'auto' });
    const state = await command({ type: 'phase', to: 'breakout', minutes: 30 });
    const group = state.groups.find((g) => g.memberIds.includes(anna.participantId));
    if (!group) throw new Error('Anna has no group');
    const writer = await openBoard(cleanup, e2e.server().port, group.docName, created.facilitatorToken);
    writer.doc.transact(() => {
      setCardText(writer.doc, addCard(writer.doc, { sectionId: 'needs', authorId: null }), 'Dowóz do lekarza');
      setCardText(writer.doc, addCard(writer.doc, { sectionId: 'gaps', authorId: null }), 'Brak asystentów');
    });
    await roundTrip(writer);
    await command({ type: 'sections', groupId: group.id, sections: SECTION_PRESETS.recommendations.sections });

    const { page } = await e2e.newPage(PHONE);
    await page.goto(new URL(anna.links.board, url).href);
    // The sections in force first, then the cards left over, in the order the board keeps them.
    const headings = async () => (await page.locator('[data-testid="section"] h2').allTextContents()).sort();
    await expect.poll(headings, UI).toEqual(['Inne: Luki i bariery', 'Inne: Potrzeby', 'Rekomendacje']);
    expect(await page.locator('[data-testid="section"] h2').first().textContent()).toBe('Rekomendacje');
    expect((await page.getByTestId('card-text').allTextContents()).sort()).toEqual([
      'Brak asystentów',
      'Dowóz do lekarza',
    ]);
    const stray = page.locator('[data-testid="section"][data-section-id="needs"]');
    expect(await stray.getByTestId('add-card').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });

  it('shows the round the facilitator picks on the projector, the current one by default', async () => {
    const url = e2e.server().url;
    const created = await createWorkshop(url, { title: 'Plan DI — powiat hajnowski', template: 'di-5' });
    await joinWorkshop(url, created.joinCode, 'Anna Nowak');
    const command = (body: Parameters<typeof runCommand>[3]) =>
      runCommand(url, created.id, created.facilitatorToken, body);
    await command({ type: 'assign', mode: 'auto' });
    const first = await command({ type: 'phase', to: 'breakout', minutes: 30 });
    const group = first.groups[0];
    if (!group) throw new Error('no group');
    const writer = await openBoard(cleanup, e2e.server().port, group.docName, created.facilitatorToken);
    setCardText(writer.doc, addCard(writer.doc, { sectionId: 'needs', authorId: null }), 'Brak transportu');
    await roundTrip(writer);
    const second = await command({ type: 'round', action: 'new', title: 'Rekomendacje', regroup: 'keep' });

    const { page: projector } = await e2e.newPage({ width: 1920, height: 1080 });
    await projector.goto(`${url}/p/${created.projectorToken}`);
    const count = projector.locator(
      `[data-testid="projector-group"][data-group-id="${group.id}"] [data-testid="section-count"][data-section-id="needs"] dd`,
    );
    await expect
      .poll(() => projector.getByTestId('projector-round').textContent(), UI)
      .toBe('Runda 2 z 2: Rekomendacje');
    await expect.poll(() => count.textContent(), UI).toBe('0');

    const { page: console_ } = await e2e.newPage({ width: 1366, height: 768 });
    await console_.goto(`${url}/f/${created.facilitatorToken}?view=plenary`);
    await console_.getByTestId('projector-round').selectOption(second.rounds[0]?.id ?? '');
    await expect.poll(() => projector.getByTestId('projector-round').textContent(), UI).toBe('Runda 1 z 2');
    await expect.poll(() => count.textContent(), UI).toBe('1');
    expect(await axeViolations(console_), 'plenary view with the round select').toEqual([]);
    expect(await axeViolations(projector), 'projector on round 1').toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });
});

function labels(inputs: Element[]): string[] {
  return inputs.map((i) => (i as HTMLInputElement).value);
}

function sectionIds(sections: Element[]): (string | null)[] {
  return sections.map((s) => s.getAttribute('data-section-id'));
}

function groupOf(state: WorkshopState, participantId: string): string | null {
  return state.participants.find((p) => p.id === participantId)?.groupId ?? null;
}
