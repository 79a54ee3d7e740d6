import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cardText, openCard, sectionOfCard, texts, UI, useBoardFixture } from './boardRoom.js';

/**
 * Two people on one group board in Chromium: typing into the same card at once, moving the same
 * card at once, undo of one's own changes, dot voting, the rapporteur summary and the lock.
 */
describe('the group board with two people in Chromium', () => {
  const board = useBoardFixture();

  it('keeps both people’s words when they type into the same card at once', async () => {
    const room = await board.openRoom();
    const id = await board.addCard(room, 'needs', 'Transport');
    // Each taps the card to open it (it reads as text until then, issue #20); the caret is in its text.
    const field = (page: Page) => page.locator(`[data-card-id="${id}"] [data-testid="card-text"]`);
    await openCard(room.anna, id);
    await room.anna.keyboard.press('End');
    await openCard(room.piotr, id);
    await room.piotr.keyboard.press('Home');
    // Piotr sees that Anna is in this card (presence), shown in the card's header, not over the text.
    await expect.poll(() => room.piotr.getByTestId('card-editing').textContent(), UI).toContain('Anna K.');
    await Promise.all([
      room.anna.keyboard.type(' do lekarza', { delay: 25 }),
      room.piotr.keyboard.type('Dowóz i ', { delay: 25 }),
    ]);
    const expected = 'Dowóz i Transport do lekarza';
    await expect.poll(() => field(room.anna).inputValue(), UI).toBe(expected);
    await expect.poll(() => field(room.piotr).inputValue(), UI).toBe(expected);
  });

  it('converges when both move the same card to different sections at once', async () => {
    const room = await board.openRoom();
    const id = await board.addCard(room, 'needs', 'Mieszkania chronione');
    const select = (page: Page) => page.locator(`[data-card-id="${id}"] [data-testid="move-card"]`);
    await openCard(room.anna, id);
    await openCard(room.piotr, id);
    await Promise.all([select(room.anna).selectOption('gaps'), select(room.piotr).selectOption('recommendations')]);
    await expect
      .poll(async () => {
        const [a, p] = [await sectionOfCard(room.anna, id), await sectionOfCard(room.piotr, id)];
        return a.length === 1 && p.length === 1 && a[0] === p[0] ? a[0] : null;
      }, UI)
      .toMatch(/^(gaps|recommendations)$/);
    expect(await room.anna.getByTestId('card').count()).toBe(1);
  });

  it('undoes one’s own edits only, and brings a deleted card back', async () => {
    const room = await board.openRoom(undefined, undefined, { annaClock: true });
    const id = await board.addCard(room, 'needs', 'Opieka');
    const other = await board.addCard(room, 'gaps', 'Kolejki');
    // Piotr edits another card; Anna's undo must not touch it.
    await (await openCard(room.piotr, other)).fill('Kolejki do specjalistów');
    await expect.poll(() => texts(room.anna), UI).toContain('Kolejki do specjalistów');
    const annaField = await openCard(room.anna, id);
    await room.anna.keyboard.press('End');
    // Past the undo manager's capture window (500 ms), so the typing below is an undo step of its
    // own: Anna's clock (it flows as usual) jumps ahead instead of the test sleeping.
    await room.anna.clock.fastForward(600);
    await room.anna.keyboard.type(' wytchnieniowa');
    await expect.poll(() => annaField.inputValue(), UI).toBe('Opieka wytchnieniowa');
    await room.anna.keyboard.press('Control+z');
    await expect.poll(() => annaField.inputValue(), UI).toBe('Opieka');
    // Redo waits in the participant board's "Więcej" menu.
    await room.anna.getByTestId('board-menu').click();
    await room.anna.getByTestId('redo').click();
    // The menu took focus, so the card reads as text again.
    await expect.poll(() => cardText(room.anna, id), UI).toBe('Opieka wytchnieniowa');
    expect(await texts(room.anna)).toContain('Kolejki do specjalistów');

    await openCard(room.anna, id);
    await room.anna.locator(`[data-card-id="${id}"] [data-testid="delete-card"]`).click();
    await expect.poll(() => texts(room.piotr), UI).not.toContain('Opieka wytchnieniowa');
    // Focus lands on the undo offer, so Enter brings the card back.
    await expect
      .poll(() => room.anna.evaluate(() => document.activeElement?.getAttribute('data-testid')), UI)
      .toBe('undo-delete');
    await room.anna.keyboard.press('Enter');
    await expect.poll(() => texts(room.piotr), UI).toContain('Opieka wytchnieniowa');
  });

  it('spends dots within the facilitator’s budget and shows totals only once revealed', async () => {
    const room = await board.openRoom();
    const a = await board.addCard(room, 'recommendations', 'Centrum usług środowiskowych');
    // Closed while drafting: no vote button, only a word that voting has not opened yet.
    await room.anna.getByTestId('voting-closed').waitFor(UI);
    expect(await room.anna.getByTestId('vote-add').count()).toBe(0);
    await board.command(room, { type: 'boardSettings', groupId: null, voteBudget: 2, votingOpen: true });
    await expect.poll(() => room.anna.getByTestId('votes-left').getAttribute('data-left'), UI).toBe('2');
    const vote = (page: Page) => page.locator(`[data-card-id="${a}"] [data-testid="vote-add"]`);
    await vote(room.anna).click();
    await vote(room.anna).click();
    await vote(room.anna).click();
    await expect.poll(() => room.anna.getByTestId('board-message').textContent(), UI).toMatch(/nie masz już głosów/i);
    await expect.poll(() => room.anna.getByTestId('votes-left').getAttribute('data-left'), UI).toBe('0');
    await vote(room.piotr).click();
    expect(await room.piotr.getByTestId('vote-total').count()).toBe(0);
    await board.command(room, { type: 'boardSettings', groupId: null, votesRevealed: true });
    await expect
      .poll(() => room.piotr.locator(`[data-card-id="${a}"] [data-testid="vote-total"]`).getAttribute('data-count'), UI)
      .toBe('3');
  });

  it('lets the rapporteur write a rich-text summary that others and the projector read live', async () => {
    const room = await board.openRoom();
    await board.command(room, { type: 'rapporteur', groupId: room.groupId, participantId: room.annaId });
    await expect.poll(() => room.piotr.getByTestId('summary-editor').getAttribute('contenteditable'), UI).toBe('false');
    const editor = room.anna.getByTestId('summary-editor');
    await editor.click();
    // The editor loads when the summary first gets focus (issue #15), then takes the caret.
    await expect.poll(() => editor.getAttribute('contenteditable'), UI).toBe('true');
    await expect
      .poll(() => room.anna.evaluate(() => document.activeElement?.getAttribute('data-testid')), UI)
      .toBe('summary-editor');
    await room.anna.keyboard.type('Najważniejsze: ');
    await room.anna.keyboard.press('Control+b');
    await room.anna.keyboard.type('mieszkania wspomagane');
    await expect
      .poll(() => room.piotr.getByTestId('summary-editor').textContent(), UI)
      .toBe('Najważniejsze: mieszkania wspomagane');
    expect(await room.piotr.locator('[data-testid="summary-editor"] strong').textContent()).toBe(
      'mieszkania wspomagane',
    );
    await board.command(room, { type: 'phase', to: 'plenary' });
    await board.command(room, { type: 'phase', to: 'presenting', groupId: room.groupId });
    const { page: projector } = await board.newPage(1920, 1080);
    await projector.goto(new URL(`/p/${room.projectorToken}`, board.server().url).href);
    // The projector shows the summary as text in its own large type (so a freeze can hold it still),
    // marks included, and has no editor at all.
    await expect
      .poll(() => projector.getByTestId('projector-summary-text').textContent(), UI)
      .toBe('Najważniejsze: mieszkania wspomagane');
    expect(await projector.locator('[data-testid="projector-summary-text"] strong').textContent()).toBe(
      'mieszkania wspomagane',
    );
    expect(await projector.locator('[contenteditable]').count()).toBe(0);
  });

  it('locks the board read-only when the facilitator says so', async () => {
    const room = await board.openRoom();
    await board.command(room, { type: 'boardSettings', groupId: room.groupId, locked: true });
    await expect.poll(() => room.anna.getByTestId('add-card').count(), UI).toBe(0);
    await board.command(room, { type: 'boardSettings', groupId: room.groupId, locked: false });
    await expect.poll(() => room.anna.getByTestId('add-card').count(), UI).toBe(4);
    // The same from the facilitator's console: one checkbox locks every group's board.
    const { page: console } = await board.newPage();
    // Board settings are in the console's Prepare view (issue #16).
    await console.goto(new URL(`/f/${room.facilitatorToken}?view=prepare`, board.server().url).href);
    // click, not check(): the box follows the server's state, which arrives a round trip later.
    await console.getByTestId('lock-all').click();
    await expect.poll(() => console.getByTestId('lock-all').isChecked(), UI).toBe(true);
    await expect.poll(() => room.piotr.getByTestId('add-card').count(), UI).toBe(0);
    await console.getByTestId('lock-all').click();
    await expect.poll(() => room.piotr.getByTestId('add-card').count(), UI).toBe(4);
  });
});
