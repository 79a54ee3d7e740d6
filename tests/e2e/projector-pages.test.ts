import type { Command } from '@warsztat/shared';
import { addCard } from '@warsztat/shared';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { Cleanup } from '../helpers/cleanup.js';
import { openBoard } from '../helpers/provider.js';
import { createWorkshop, joinWorkshop, runCommand } from '../helpers/server.js';
import { axeViolations } from './axe.js';
import { UI, useE2E } from './harness.js';
import { readableText } from './readability.js';

/**
 * Issue #20 point 3 at 1920×1080: five or six groups fit one screen at breakout even with the
 * agenda line and a message in the header (the type shrinks before anything pages), and while a
 * group presents its pages turn when the facilitator or its rapporteur says so.
 */
const WALL = { width: 1920, height: 1080 };
const PHONE = { width: 360, height: 740 };
const TITLE = 'Plan deinstytucjonalizacji usług społecznych – powiat hajnowski';

describe('projector pages at 1920×1080', () => {
  const e2e = useE2E();
  const cleanup = new Cleanup();
  afterAll(() => cleanup.run());

  async function breakout(groups: 5 | 6) {
    const url = e2e.server().url;
    const w = await createWorkshop(url, { title: TITLE, date: '2026-12-03' });
    const run = (command: Command) => runCommand(url, w.id, w.facilitatorToken, command);
    if (groups === 6)
      await run({
        type: 'group',
        action: 'add',
        name: 'Osoby starsze w środowisku lokalnym',
        attendance: 'onsite',
        capacity: null,
        prompt: '',
      });
    const names = [
      'Katarzyna Nowak-Wiśniewska',
      'Anna Wiśniewska',
      'Halina Nowak',
      'Jan Kowalski',
      'Ewa Mazur',
      'Ola S.',
    ];
    const people = [];
    for (const name of names) people.push(await joinWorkshop(url, w.joinCode, name));
    const state = await run({ type: 'assign', mode: 'auto' });
    for (const g of state.groups) {
      const member = g.memberIds[0];
      if (member) await run({ type: 'rapporteur', groupId: g.id, participantId: member });
    }
    const agenda = await run({ type: 'agenda', action: 'demo' });
    await run({
      type: 'agenda',
      action: 'start',
      itemId: agenda.agenda.find((i) => i.kind === 'breakout')?.id ?? null,
    });
    await run({ type: 'broadcast', text: 'Zapiszcie najpierw potrzeby, potem rekomendacje', groupId: null });
    return { url, w, run, people, state };
  }

  async function onOnePage(projector: Page, groups: number) {
    await projector.getByTestId('projector-overview').waitFor(UI);
    await expect.poll(() => projector.getByTestId('projector-group').count(), UI).toBe(groups);
    await projector.getByTestId('current-agenda-item').waitFor(UI);
    await projector.getByTestId('broadcast-message').waitFor(UI);
    await e2e.shot(projector, `projector-breakout-${groups}-groups`);
    await expect.poll(() => projector.getByTestId('autofit').getAttribute('data-pages'), UI).toBe('1');
    const hidden = await projector.getByTestId('projector-group').evaluateAll(
      (els) =>
        els.filter((el) => {
          const r = el.getBoundingClientRect();
          return r.right > window.innerWidth || r.bottom > window.innerHeight || r.left < 0 || r.top < 0;
        }).length,
    );
    expect(hidden).toBe(0);
    const small = (await readableText(projector)).filter((s) => s.fontPx < 32);
    expect(small).toEqual([]);
    expect(await axeViolations(projector)).toEqual([]);
  }

  for (const groups of [5, 6] as const) {
    it(`shows all ${groups} groups on one page at breakout`, async () => {
      const { w } = await breakout(groups);
      // Starting the agenda's breakout item opened the groups.
      const { page: projector } = await e2e.newPage(WALL);
      await projector.goto(`${e2e.server().url}/p/${w.projectorToken}`);
      await onOnePage(projector, groups);
      expect(e2e.pageErrors).toEqual([]);
    });
  }

  it('turns a presenting group’s pages only when the facilitator or its rapporteur says so', async () => {
    const { url, w, run, people, state } = await breakout(5);
    const group = state.groups.find((g) => g.memberIds.length > 0);
    if (!group) throw new Error('a group with members');
    const rapporteur = people.find((p) => p.participantId === group.memberIds[0]);
    if (!rapporteur) throw new Error('the rapporteur');
    const board = (await openBoard(cleanup, e2e.server().port, group.docName, w.facilitatorToken)).doc as Y.Doc;
    for (let i = 1; i <= 60; i++) {
      addCard(board, {
        sectionId: i % 2 ? 'needs' : 'gaps',
        text: `Potrzeba ${i}: dostępne usługi społeczne świadczone w społeczności lokalnej`,
      });
    }
    await run({ type: 'phase', to: 'plenary' });
    await run({ type: 'phase', to: 'presenting', groupId: group.id });
    const { page: projector } = await e2e.newPage(WALL);
    await projector.goto(`${url}/p/${w.projectorToken}`);
    const { page: console } = await e2e.newPage({ width: 1366, height: 768 });
    await console.goto(`${url}/f/${w.facilitatorToken}`);
    const { page: phone } = await e2e.newPage(PHONE);
    await phone.goto(`${url}/b/${rapporteur.token}`);

    const fit = projector.getByTestId('autofit');
    await expect.poll(async () => Number(await fit.getAttribute('data-pages')), UI).toBeGreaterThan(1);
    expect(await fit.getAttribute('data-page')).toBe('1');
    // Every section's heading is on the page where its first card is.
    const orphans = await projector.evaluate(() => {
      const flow = document.querySelector('.autofit-flow');
      if (!flow) return -1;
      let count = 0;
      for (const section of Array.from(flow.querySelectorAll('.spot-section'))) {
        const heading = section.querySelector('.spot-section-title')?.getBoundingClientRect();
        const first = section.querySelector('.spot-card, .spot-empty')?.getBoundingClientRect();
        if (heading && first && Math.abs(heading.left - first.left) > 2) count++;
      }
      return count;
    });
    expect(orphans).toBe(0);

    await console.getByTestId('page-next').click();
    await expect.poll(() => fit.getAttribute('data-page'), UI).toBe('2');
    await phone.getByTestId('rapporteur-pages').waitFor(UI);
    await phone.getByTestId('page-previous').click();
    await expect.poll(() => fit.getAttribute('data-page'), UI).toBe('1');
    await phone.getByTestId('page-next').click();
    await expect.poll(() => fit.getAttribute('data-page'), UI).toBe('2');
    expect(await axeViolations(phone)).toEqual([]);
    expect(await axeViolations(console)).toEqual([]);
    // The next group starts on its first page.
    await run({ type: 'projector', action: 'next' });
    await expect.poll(() => fit.getAttribute('data-page'), UI).toBe('1');
    expect(e2e.pageErrors).toEqual([]);
  });
});
