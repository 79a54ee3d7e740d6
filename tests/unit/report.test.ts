import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AgendaKind, addCard, castVote, type OrgType, summaryFragment } from '@warsztat/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EMPTY_CONTROL, type WorkshopRecord } from '../../server/src/persistence/Store.js';
import { buildReport } from '../../server/src/report/buildReport.js';
import { renderMarkdown } from '../../server/src/report/renderMarkdown.js';
import { summaryBlocks } from '../../server/src/report/summaryBlocks.js';

/**
 * The report model built from the RKRES Podlaskie 2022 fixture (seed 000's shape): five DI groups,
 * twenty participants of mixed organisation types, a few cards per group.
 */
interface Fixture {
  workshop: { title: string; organiser: string; venue: string; date: string; mode: 'onsite'; locale: 'pl' };
  agenda: { kind: AgendaKind; title: string; startsAt: string; minutes: number; speakers: string[] }[];
  groups: { name: string; attendance: 'onsite' | 'online' }[];
  participants: { name: string; organisation: string; orgType: OrgType; attendance: 'onsite' | 'online' }[];
  cards: { group: number; section: string; text: string }[];
}

const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/rkres-podlaskie-2022.json'), 'utf8'),
) as Fixture;

function workshopFrom(f: Fixture, locale: 'pl' | 'en' = 'pl'): WorkshopRecord {
  return {
    id: 'w1',
    ...f.workshop,
    locale,
    template: 'di-5',
    joinCode: 'ABCDEF',
    version: 1,
    phase: 'closed',
    spotlightGroupId: null,
    timer: { endsAt: null, pausedRemainingMs: null },
    agenda: f.agenda.map((item, i) => ({ ...item, id: `a${i}`, day: 0 })),
    createdAt: 0,
    control: { ...EMPTY_CONTROL, agendaDays: [{ date: f.workshop.date }] },
    groups: f.groups.map((g, i) => ({
      id: `g${i}`,
      name: g.name,
      attendance: g.attendance,
      position: i,
      rapporteurId: i === 0 ? 'p0' : null,
      capacity: null,
      prompt: '',
    })),
    participants: f.participants.map((p, i) => ({
      id: `p${i}`,
      ...p,
      groupId: `g${i % f.groups.length}`,
      joinedAt: i,
    })),
  };
}

/** Boards with the fixture's cards; returns the boards and each card's id by its text. */
function boardsFrom(f: Fixture): { boards: Map<string, Y.Doc>; idOf: Map<string, string> } {
  const boards = new Map<string, Y.Doc>();
  const idOf = new Map<string, string>();
  f.groups.forEach((_g, i) => {
    boards.set(`g${i}`, new Y.Doc());
  });
  for (const card of f.cards) {
    const doc = boards.get(`g${card.group}`) as Y.Doc;
    idOf.set(card.text, addCard(doc, { sectionId: card.section, text: card.text, now: 1 }));
  }
  return { boards, idOf };
}

function vote(doc: Y.Doc, cardId: string, voters: number): void {
  for (let v = 0; v < voters; v++) castVote(doc, cardId, `voter${v}`, 1, 10);
}

describe('buildReport on the RKRES Podlaskie 2022 fixture', () => {
  it('counts participants by organisation type with Polish labels, and by attendance, naming nobody', () => {
    const w = workshopFrom(fixture);
    const report = buildReport(w, boardsFrom(fixture).boards);
    expect(report.attendance.total).toBe(20);
    const byType = Object.fromEntries(report.attendance.byOrgType.map((c) => [c.key, c]));
    expect(byType.ngo).toEqual({ key: 'ngo', label: 'Stowarzyszenie lub fundacja', count: 3 });
    expect(byType.ops).toEqual({ key: 'ops', label: 'Ośrodek pomocy społecznej', count: 2 });
    expect(byType.jst?.count).toBe(2);
    expect(report.attendance.byOrgType.reduce((n, c) => n + c.count, 0)).toBe(20);
    expect(report.attendance.byAttendance).toEqual([
      { key: 'onsite', label: 'Na miejscu', count: 20 },
      { key: 'online', label: 'Online', count: 0 },
    ]);
    // Only the rapporteur (p0, group 0) may be named; nobody else appears anywhere in the file.
    const md = renderMarkdown(report);
    for (const p of fixture.participants.slice(1)) expect(md).not.toContain(p.name);
  });

  it('tells the agenda in plain Polish sentences with start times and speakers', () => {
    const report = buildReport(workshopFrom(fixture), new Map());
    expect(report.header).toMatchObject({
      dateText: '24 listopada 2022',
      modeLabel: 'Stacjonarnie',
      venue: 'Białystok',
    });
    expect(report.days).toHaveLength(1);
    const [welcome, , , breakout] = report.days[0]?.items ?? [];
    expect(welcome?.sentence).toBe(
      'O godz. 10:00 spotkanie rozpoczęło się powitaniem: „Powitanie i cel spotkania”. Prowadzenie: Dyrektor ROPS.',
    );
    expect(breakout?.sentence).toBe(
      'O godz. 11:00 uczestnicy pracowali w grupach (60 min): „Praca w grupach: obszary deinstytucjonalizacji”.',
    );
    // The fixture's last item is titled just "Podsumowanie": the sentence does not repeat it.
    expect(report.days[0]?.items.at(-1)?.sentence).toBe('O godz. 13:10 nastąpiło podsumowanie.');
    expect(breakout?.kindLabel).toBe('Praca w grupach');
  });

  it('speaks English for an English workshop', () => {
    const report = buildReport(workshopFrom(fixture, 'en'), new Map());
    expect(report.attendance.byOrgType.find((c) => c.key === 'ops')?.label).toBe(
      'Municipal social assistance centre (OPS)',
    );
    expect(report.days[0]?.items[0]?.sentence).toMatch(/^At 10:00 the meeting opened with a welcome/);
    expect(report.groups[0]?.sections.map((s) => s.label)).toEqual([
      'Needs',
      'Existing services and resources',
      'Gaps and barriers',
      'Recommendations',
    ]);
  });

  it("lists each group's cards by template section in board order, with the rapporteur", () => {
    const report = buildReport(workshopFrom(fixture), boardsFrom(fixture).boards);
    expect(report.groups).toHaveLength(5);
    const seniors = report.groups[0];
    expect(seniors?.rapporteur).toBe('Anna K.');
    expect(report.groups[1]?.rapporteur).toBeNull();
    expect(seniors?.sections.map((s) => [s.label, s.cards.map((c) => c.text)])).toEqual([
      ['Potrzeby', ['Usługi opiekuńcze w miejscu zamieszkania, także w weekendy']],
      ['Zasoby i obecne usługi', []],
      ['Luki i bariery', ['Brak opiekunów wytchnieniowych na terenach wiejskich']],
      ['Rekomendacje', ['Zlecać usługi opiekuńcze spółdzielniom socjalnym w trybie klauzul społecznych']],
    ]);
  });

  it('ranks recommendations across groups by votes, ties in group order', () => {
    const { boards, idOf } = boardsFrom(fixture);
    const id = (text: string) => idOf.get(text) ?? '';
    vote(boards.get('g3') as Y.Doc, id('Centra zdrowia psychicznego współpracujące z KIS i CIS'), 3);
    vote(boards.get('g1') as Y.Doc, id('Sieć mieszkań treningowych dla usamodzielniających się wychowanków'), 1);
    vote(boards.get('g4') as Y.Doc, id('Zatrudnienie wspomagane w ZAZ i przedsiębiorstwach społecznych'), 1);
    const report = buildReport(workshopFrom(fixture), boards);
    expect(report.recommendations.map((r) => [r.rank, r.votes, r.groupName.slice(0, 12)])).toEqual([
      [1, 3, 'Osoby z prob'],
      [2, 1, 'Dzieci i mło'],
      [3, 1, 'Osoby z niep'],
      [4, 0, 'Seniorzy'],
      [5, 0, 'Osoby w kryz'],
    ]);
    const md = renderMarkdown(report);
    expect(md).toContain('1. Centra zdrowia psychicznego współpracujące z KIS i CIS _(3 głosy)_');
    expect(md).toContain('_(1 głos)_');
  });

  it('keeps text typed into a card literal in Markdown: no HTML, no formatting, no links', () => {
    const w = workshopFrom(fixture);
    const doc = new Y.Doc();
    addCard(doc, { sectionId: 'needs', text: '<script>alert(1)</script> **nie pogrubiaj** [link](http://x)' });
    addCard(doc, { sectionId: 'gaps', text: '# nie nagłówek\n- nie lista\n1. nie numer' });
    const md = renderMarkdown(buildReport(w, new Map([['g0', doc]])));
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt; \\*\\*nie pogrubiaj\\*\\* \\[link\\](http://x)');
    expect(md).toContain('- \\# nie nagłówek\\\n  \\- nie lista\\\n  1\\. nie numer');
  });

  it("converts the rapporteur's TipTap summary to paragraphs and lists, marks kept", () => {
    const doc = new Y.Doc();
    const fragment = summaryFragment(doc);
    const paragraph = (runs: [string, Record<string, object>?][]) => {
      const p = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      p.insert(0, [text]);
      const fill = () => {
        for (const [s, a] of runs) text.insert(text.length, s, a ?? {});
      };
      return { p, fill };
    };
    const first = paragraph([['Grupa uznała, że '], ['najpilniejsze', { bold: {} }], [' są usługi.']]);
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    const inItem = paragraph([['asystencja <osobista>']]);
    fragment.insert(0, [first.p, list]);
    list.insert(0, [item]);
    item.insert(0, [inItem.p]);
    first.fill();
    inItem.fill();

    expect(summaryBlocks(fragment)).toEqual([
      {
        kind: 'paragraph',
        depth: 0,
        runs: [{ text: 'Grupa uznała, że ' }, { text: 'najpilniejsze', bold: true }, { text: ' są usługi.' }],
      },
      { kind: 'bullet', depth: 0, runs: [{ text: 'asystencja <osobista>' }] },
    ]);
    const md = renderMarkdown(buildReport(workshopFrom(fixture), new Map([['g0', doc]])));
    expect(md).toContain(
      '#### Podsumowanie sprawozdawcy\n\nGrupa uznała, że **najpilniejsze** są usługi.\n\n- asystencja &lt;osobista&gt;',
    );
  });

  it('tells a two-day agenda day by day, each with its own date', () => {
    const w = workshopFrom(fixture);
    w.agenda = [
      {
        id: 'd1',
        day: 0,
        kind: 'presentation',
        title: 'Nowa marka ekonomii społecznej',
        startsAt: '09:00',
        minutes: 30,
        speakers: ['A', 'B', 'C'],
      },
      {
        id: 'd2',
        day: 1,
        kind: 'study-visit',
        title: 'Konsorcjum spółdzielcze',
        startsAt: '10:00',
        minutes: 60,
        speakers: [],
      },
    ];
    w.control.agendaDays = [{ date: '2021-03-04' }, { date: '2021-03-05' }];
    const report = buildReport(w, new Map());
    expect(report.days.map((d) => d.heading)).toEqual(['Dzień 1 — 4 marca 2021', 'Dzień 2 — 5 marca 2021']);
    expect(report.days[0]?.items[0]?.sentence).toBe(
      'O godz. 09:00 przedstawiono prezentację: „Nowa marka ekonomii społecznej”. Prowadzenie: A, B i C.',
    );
    expect(report.days[1]?.items[0]?.sentence).toBe(
      'O godz. 10:00 odbyła się wizyta studyjna: „Konsorcjum spółdzielcze”.',
    );
  });

  it('flattens nested lists, quotes and hard breaks of a summary, and skips what it cannot read', () => {
    const doc = new Y.Doc();
    const fragment = summaryFragment(doc);
    const para = (text: string) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(text)]);
      return p;
    };
    const outer = new Y.XmlElement('orderedList');
    const item = new Y.XmlElement('listItem');
    const inner = new Y.XmlElement('bulletList');
    const innerItem = new Y.XmlElement('listItem');
    const quote = new Y.XmlElement('blockquote');
    const broken = para('przed');
    fragment.insert(0, [outer, quote, broken, new Y.XmlElement('horizontalRule'), new Y.XmlElement('paragraph')]);
    outer.insert(0, [item]);
    item.insert(0, [para('pierwszy'), inner]);
    inner.insert(0, [innerItem]);
    innerItem.insert(0, [para('zagnieżdżony')]);
    quote.insert(0, [para('cytat')]);
    broken.insert(1, [new Y.XmlElement('hardBreak'), new Y.XmlText('po')]);

    expect(summaryBlocks(fragment)).toEqual([
      { kind: 'ordered', depth: 0, runs: [{ text: 'pierwszy' }] },
      { kind: 'bullet', depth: 1, runs: [{ text: 'zagnieżdżony' }] },
      { kind: 'quote', depth: 0, runs: [{ text: 'cytat' }] },
      { kind: 'paragraph', depth: 0, runs: [{ text: 'przed' }, { text: '\n' }, { text: 'po' }] },
    ]);
  });
});
