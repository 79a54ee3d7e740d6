import {
  addCard,
  type CreateWorkshopAnswer,
  type Locale,
  listCards,
  SECTION_PRESETS,
  type WorkshopState,
} from '@warsztat/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Cleanup } from '../helpers/cleanup.js';
import { openBoard, roundTrip } from '../helpers/provider.js';
import { docxParagraphs, downloadReport, pdfText } from '../helpers/reportFiles.js';
import {
  api,
  createWorkshop,
  getWorkshop,
  joinWorkshop,
  runCommand,
  startTestServer,
  type TestServer,
} from '../helpers/server.js';

/**
 * Issue #17's report: one "Praca w grupach" part per round, with its title and each group's cards
 * under that group's sections in that round ("Inne" for a section no longer listed), then the
 * recommendations — in Markdown, DOCX, PDF and the JSON backup, whose import round-trips rounds,
 * sections and call links. A copy keeps the sections but none of the rounds' boards.
 */
const cleanup = new Cleanup();
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer(cleanup);
});
afterAll(() => cleanup.run());

const CALL = 'https://meet.example.org/seniorzy';

interface Ran {
  w: CreateWorkshopAnswer;
  state: WorkshopState;
  /** The two groups written on: A with the problem tree in round 1, B with the default. */
  a: WorkshopState['groups'][number];
  b: WorkshopState['groups'][number];
}

async function writeCards(docName: string, token: string, cards: Array<[sectionId: string, text: string]>) {
  const board = await openBoard(cleanup, t.port, docName, token);
  for (const [sectionId, text] of cards) addCard(board.doc, { sectionId, text });
  await roundTrip(board);
  board.provider.destroy();
}

/** Two rounds: a diagnosis with a problem tree for group A, then recommendations after a reshuffle. */
async function twoRounds(locale: Locale): Promise<Ran> {
  const w = await createWorkshop(t.url, { title: 'Plan rozwoju usług społecznych', locale, date: '2026-03-04' });
  for (const name of ['Anna', 'Bartek', 'Celina', 'Darek', 'Ela']) await joinWorkshop(t.url, w.joinCode, name);
  const run = (command: Parameters<typeof runCommand>[3]) => runCommand(t.url, w.id, w.facilitatorToken, command);
  let state = await run({ type: 'assign', mode: 'auto' });
  const [a, b] = state.groups;
  if (!a || !b) throw new Error('no groups');
  await run({ type: 'sections', groupId: a.id, sections: SECTION_PRESETS['problem-tree'].sections });
  await run({ type: 'group', action: 'update', groupId: a.id, callUrl: CALL });
  await run({ type: 'round', action: 'new', title: 'Diagnoza', regroup: 'keep' });
  await run({ type: 'phase', to: 'breakout', minutes: 30 });
  // Round 1: the problem tree, and one card left in a section the group no longer has.
  await writeCards(a.docName, w.facilitatorToken, [
    ['causes', 'Brak transportu na wsi'],
    ['effects', 'Samotność seniorów'],
    ['needs', 'Karta z dawnej sekcji'],
  ]);
  await writeCards(b.docName, w.facilitatorToken, [['needs', 'Opieka wytchnieniowa']]);

  state = await run({
    type: 'round',
    action: 'new',
    title: 'Rekomendacje',
    sections: [
      { id: 'recommendations', label: { pl: 'Rekomendacje dla regionu', en: 'Recommendations for the region' } },
    ],
    regroup: 'auto',
  });
  const a2 = state.groups.find((g) => g.id === a.id);
  const b2 = state.groups.find((g) => g.id === b.id);
  if (!a2 || !b2) throw new Error('groups gone');
  await writeCards(a2.docName, w.facilitatorToken, [['recommendations', 'Dowóz na zajęcia w gminach wiejskich']]);
  await writeCards(b2.docName, w.facilitatorToken, [['recommendations', 'Centrum opieki wytchnieniowej']]);
  return { w, state, a, b };
}

async function download(w: CreateWorkshopAnswer, format: string): Promise<Buffer> {
  const { status, bytes } = await downloadReport(t.url, w.id, format, w.facilitatorToken);
  expect(status).toBe(200);
  return bytes;
}

const ROUND_1_PL = 'W pierwszej części warsztatu grupy pracowały nad tematem „Diagnoza”.';
const ROUND_2_PL = 'W drugiej części warsztatu grupy pracowały nad tematem „Rekomendacje”.';

describe('report of a workshop with two rounds and custom sections', () => {
  let pl: Ran;
  beforeAll(async () => {
    pl = await twoRounds('pl');
  });

  it('has one "Praca w grupach" part per round in Markdown, each group’s cards under its sections', async () => {
    const md = (await download(pl.w, 'md')).toString('utf8');
    const one = md.indexOf('## Praca w grupach: Diagnoza');
    const two = md.indexOf('## Praca w grupach: Rekomendacje');
    const recommendations = md.indexOf('\n## Rekomendacje\n');
    expect(one).toBeGreaterThan(0);
    expect(two).toBeGreaterThan(one);
    expect(recommendations).toBeGreaterThan(two);
    const first = md.slice(one, two);
    const second = md.slice(two, recommendations);
    expect(first).toContain(ROUND_1_PL);
    expect(first).toMatch(/Uczestnicy zostali podzieleni na 5 grup: /);
    // Group A worked on a problem tree, the others on the default sections.
    expect(first).toContain(
      'Grupy opracowały w formie warsztatowej: seniorzy — przyczyny, problem i skutki; pozostałe grupy — potrzeby, ',
    );
    expect(first).toMatch(/#### Przyczyny\n\n- Brak transportu na wsi\n/);
    expect(first).toMatch(/#### Skutki\n\n- Samotność seniorów\n/);
    expect(first).toMatch(/#### Inne\n\n- Karta z dawnej sekcji\n/);
    expect(first).toMatch(/#### Potrzeby\n\n- Opieka wytchnieniowa\n/);
    expect(first).not.toContain('Dowóz na zajęcia');
    expect(second).toContain(ROUND_2_PL);
    expect(second).toContain('Każda grupa opracowała w formie warsztatowej: rekomendacje dla regionu.');
    expect(second).toMatch(/#### Rekomendacje dla regionu\n\n- Dowóz na zajęcia w gminach wiejskich\n/);
    expect(second).not.toContain('Brak transportu');
    // The recommendations come from every round's boards.
    const ranked = md.slice(recommendations);
    expect(ranked).toContain('Dowóz na zajęcia w gminach wiejskich');
    expect(ranked).toContain('Centrum opieki wytchnieniowej');
  });

  it('has the same parts in the DOCX (Word headings) and the PDF (pdftotext)', async () => {
    const paragraphs = docxParagraphs(new Uint8Array(await download(pl.w, 'docx')));
    const h1 = paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(h1.slice(-4)).toEqual([
      'Praca w grupach: Diagnoza',
      'Praca w grupach: Rekomendacje',
      'Rekomendacje',
      'Zakończenie',
    ]);
    const h3 = paragraphs.filter((p) => p.style === 'Heading3').map((p) => p.text);
    expect(h3.slice(0, 4)).toEqual(['Przyczyny', 'Problem', 'Skutki', 'Inne']);
    expect(h3).toContain('Rekomendacje dla regionu');
    const texts = paragraphs.map((p) => p.text);
    for (const text of [ROUND_1_PL, ROUND_2_PL]) expect(texts.some((p) => p.startsWith(text))).toBe(true);
    expect(texts).toContain('Karta z dawnej sekcji');

    const pdf = pdfText(cleanup, new Uint8Array(await download(pl.w, 'pdf')));
    for (const text of [
      'Praca w grupach: Diagnoza',
      ROUND_1_PL,
      'Przyczyny',
      'Brak transportu na wsi',
      'Inne',
      'Karta z dawnej sekcji',
      'Praca w grupach: Rekomendacje',
      ROUND_2_PL,
      'Rekomendacje dla regionu',
      'Centrum opieki wytchnieniowej',
    ]) {
      expect(pdf).toContain(text);
    }
    expect(pdf.indexOf(ROUND_2_PL)).toBeGreaterThan(pdf.indexOf(ROUND_1_PL));
  });

  it('reads in English too', async () => {
    const en = await twoRounds('en');
    const md = (await download(en.w, 'md')).toString('utf8');
    expect(md).toContain('## Group work: Diagnoza');
    expect(md).toContain('In the first part of the workshop, the groups worked on “Diagnoza”.');
    expect(md).toContain('In the second part of the workshop, the groups worked on “Rekomendacje”.');
    expect(md).toMatch(/#### Causes\n\n- Brak transportu na wsi\n/);
    expect(md).toMatch(/#### Other\n\n- Karta z dawnej sekcji\n/);
    expect(md).toContain('#### Recommendations for the region');
  });

  it('round-trips rounds, sections, call links and every round’s board through the JSON backup', async () => {
    const backup = JSON.parse((await download(pl.w, 'json')).toString('utf8')) as {
      workshop: { control: Record<string, unknown> };
      boards: Array<{ groupId: string; roundId?: string; update: string }>;
      report: { rounds: Array<{ title: string | null; groups: unknown[] }> };
    };
    expect(backup.report.rounds.map((r) => r.title)).toEqual(['Diagnoza', 'Rekomendacje']);
    const groups = pl.state.groups.length;
    expect(backup.boards).toHaveLength(2 * groups);
    expect(backup.boards.filter((b) => b.roundId === 'r2')).toHaveLength(groups);
    expect(backup.boards.filter((b) => b.roundId === undefined)).toHaveLength(groups);

    const imported = await api<CreateWorkshopAnswer>(t.url, 'POST', '/api/workshops/import', { body: backup });
    expect(imported.status).toBe(201);
    const copy = imported.body;
    const state = await getWorkshop(t.url, copy.id, copy.facilitatorToken);
    expect(state.rounds.map((r) => [r.id, r.title])).toEqual([
      ['r1', 'Diagnoza'],
      ['r2', 'Rekomendacje'],
    ]);
    expect(state.currentRoundId).toBe('r2');
    const a = state.groups.find((g) => g.id === pl.a.id);
    expect(a?.callUrl).toBe(CALL);
    expect(a?.boards.map((b) => b.docName)).toEqual([`${copy.id}.${pl.a.id}`, `${copy.id}.${pl.a.id}.r2`]);
    expect(a?.boards[0]?.sections).toEqual(SECTION_PRESETS['problem-tree'].sections);
    const old = await openBoard(cleanup, t.port, a?.boards[0]?.docName ?? '', copy.facilitatorToken);
    expect(listCards(old.doc).map((c) => c.text)).toEqual(
      expect.arrayContaining(['Brak transportu na wsi', 'Samotność seniorów', 'Karta z dawnej sekcji']),
    );

    const again = JSON.parse((await download(copy, 'json')).toString('utf8')) as typeof backup;
    const cards = (b: { update: string }) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Buffer.from(b.update, 'base64'));
      return listCards(doc).map((c) => `${c.sectionId}:${c.text}`);
    };
    expect(again.boards.map((b) => [b.groupId, b.roundId, cards(b)])).toEqual(
      backup.boards.map((b) => [b.groupId, b.roundId, cards(b)]),
    );
    for (const field of ['rounds', 'currentRoundId', 'callUrls']) {
      expect(again.workshop.control[field], field).toEqual(backup.workshop.control[field]);
    }
  });

  it('copies the sections in force into a new workshop, without any round’s boards or call links', async () => {
    const copied = await api<CreateWorkshopAnswer>(t.url, 'POST', `/api/workshops/${pl.w.id}/copy`, {
      token: pl.w.facilitatorToken,
      body: {},
    });
    expect(copied.status).toBe(201);
    const state = await getWorkshop(t.url, copied.body.id, copied.body.facilitatorToken);
    expect(state.rounds).toEqual([{ id: 'r1', title: '', startedAt: null }]);
    expect(state.sections.map((s) => s.label.pl)).toEqual(['Rekomendacje dla regionu']);
    expect(state.groups.every((g) => g.boards.length === 1 && g.callUrl === null)).toBe(true);
    const board = await openBoard(cleanup, t.port, state.groups[0]?.docName ?? '', copied.body.facilitatorToken);
    expect(listCards(board.doc)).toEqual([]);
  });
});
