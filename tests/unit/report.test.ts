import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AgendaKind,
  addCard,
  canonicalTimeZone,
  readConsolidated,
  summaryBlocksOf as summaryBlocks,
  summaryFragment,
} from '@warsztat/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WorkshopRecord } from '../../server/src/domain/workshop.js';
import { reportFilename } from '../../server/src/report/assemble.js';
import { buildReport, type ConsolidatedRecommendation, narrativeParts } from '../../server/src/report/buildReport.js';
import { resourceKeys } from '../../server/src/report/i18n/index.js';
import { midSentence } from '../../server/src/report/narrative.js';
import { renderMarkdown } from '../../server/src/report/renderMarkdown.js';
import {
  CONSOLIDATED,
  seed000,
  seedBoards,
  seedPlenary,
  seedWorkshopRecord,
  summaryText,
  vote,
} from '../helpers/seedWorkshop.js';

/**
 * The report model and its Markdown on a workshop built like seed 000 (RKRES Podlaskie, 24.11.2022):
 * five DI groups, twenty participants of mixed organisation types, cards in every section, a
 * summary per group, and the plenary's consolidated recommendations.
 */
const NOW = Date.UTC(2022, 10, 24, 14, 5);

function consolidated(): ConsolidatedRecommendation[] {
  return readConsolidated(seedPlenary()).map((i) => ({ text: i.text, groupId: i.sourceGroupId, votes: i.votes }));
}

function seedReport(w: WorkshopRecord = seedWorkshopRecord()) {
  return buildReport(w, seedBoards().boards, { consolidated: consolidated(), now: NOW });
}

describe('report of a workshop built like seed 000', () => {
  it('opens like the seed: "W dniu 24 listopada 2022 r. odbyło się spotkanie …, zorganizowane przez: …"', () => {
    const report = seedReport();
    expect(report.intro.text).toBe(
      'W dniu 24 listopada 2022 r. odbyło się spotkanie „Spotkanie Regionalnego Komitetu Rozwoju Ekonomii ' +
        'Społecznej” (Białystok), zorganizowane przez: Regionalny Ośrodek Polityki Społecznej w Białymstoku.',
    );
    expect(report.header).toEqual([
      ['Data', '24 listopada 2022 r.'],
      ['Miejsce', 'Białystok'],
      ['Forma', 'Stacjonarnie'],
      ['Organizator', 'Regionalny Ośrodek Polityki Społecznej w Białymstoku'],
    ]);
  });

  it('tells each agenda item as its own past-tense paragraph, connectors varied, speakers in parentheses', () => {
    const paragraphs = seedReport().days[0]?.items.map((i) => i.paragraph?.text);
    expect(paragraphs).toEqual([
      'Na początku spotkania, o godz. 10:00, przywitano uczestników oraz przedstawiono tematykę i cel spotkania (Dyrektor ROPS).',
      'Następnie, o godz. 10:10, przedstawiono prezentację pt. „Statystyka w ekonomii społecznej” (Pracownik ROPS).',
      'W dalszej kolejności, o godz. 10:40, przedstawiono prezentację pt. „Wprowadzenie do prac nad Planem ' +
        'Deinstytucjonalizacji” (Doradca makroregionalny SIRES).',
      'W kolejnej części spotkania, o godz. 11:00, uczestnicy pracowali w grupach warsztatowych nad tematem ' +
        '„Praca w grupach: obszary deinstytucjonalizacji” (60 min). Po zakończeniu prac warsztatowych ' +
        'przedstawiciel każdej grupy zaprezentował pozostałym uczestnikom wypracowany materiał.',
      'Następnie, o godz. 12:00, odbyła się sesja plenarna pt. „Prezentacja wypracowanych materiałów”.',
      'W dalszej kolejności, o godz. 12:40, odbyła się dyskusja pt. „Rola RKRES, OWES i ROPS we wzmacnianiu usług społecznych”.',
      'Na zakończenie, o godz. 13:10, podsumowano wystąpienia i wyniki prac.',
    ]);
  });

  it('says how the room was split: "Uczestnicy zostali podzieleni na 5 grup: seniorzy, …"', () => {
    expect(seedReport().rounds[0]?.intro.text).toBe(
      'Uczestnicy zostali podzieleni na 5 grup: seniorzy, dzieci i młodzież (rodziny biologiczne, zastępcze, ' +
        'adopcyjne), osoby w kryzysie bezdomności, osoby z problemami zdrowia psychicznego i osoby z ' +
        'niepełnosprawnościami. Każda grupa opracowała w formie warsztatowej: potrzeby, zasoby i obecne usługi, ' +
        'luki i bariery i rekomendacje.',
    );
  });

  it('counts participants by organisation type and attendance, and names only those who agreed', () => {
    const report = seedReport();
    const a = report.attendance;
    expect(a.total).toBe(20);
    expect(a.totals).toEqual({ onsite: 20, online: 0, total: 20 });
    const byType = Object.fromEntries(a.rows.map((r) => [r.key, r]));
    expect(byType.ngo).toEqual({
      key: 'ngo',
      label: 'Stowarzyszenie lub fundacja',
      counts: { onsite: 3, online: 0 },
      total: 3,
    });
    expect(byType.jst?.total).toBe(2);
    expect(a.rows.reduce((n, r) => n + r.total, 0)).toBe(20);
    expect(a.paragraph).toMatch(/^W spotkaniu wzięło udział 20 osób\. Reprezentowane typy organizacji: /);
    // p0 and p5 agreed at join; nobody else's name is anywhere in the file.
    const [p0, , , , , p5] = seed000.participants;
    expect(a.paragraph).toContain(
      `zgodzili się na podanie nazwiska w raporcie: ${p0?.name} (${p0?.organisation}), ${p5?.name}`,
    );
    const md = renderMarkdown(report);
    seed000.participants.forEach((p, i) => {
      if (i !== 0 && i !== 5) expect(md).not.toContain(p.name);
    });
  });

  it('counts mixed attendance in words and in the table', () => {
    const w = seedWorkshopRecord();
    w.participants = w.participants.map((p, i) => (i < 6 ? { ...p, attendance: 'online' } : p));
    const a = buildReport(w, new Map(), { now: NOW }).attendance;
    expect(a.paragraph).toMatch(/^W spotkaniu wzięło udział 20 osób \(14 na miejscu, 6 online\)\./);
    expect(a.totals).toEqual({ onsite: 14, online: 6, total: 20 });
  });

  it("gives each group's cards by section in board order, its size, rapporteur (named only with consent) and summary", () => {
    const report = seedReport();
    expect((report.rounds[0]?.groups ?? []).map((g) => g.name)).toEqual(seed000.groups.map((g) => g.name));
    const [seniors, children] = report.rounds[0]?.groups ?? [];
    expect(seniors?.membersText).toBe('4 osoby');
    expect(seniors?.rapporteurText).toBe(seed000.participants[0]?.name);
    expect(children?.rapporteurText).toBe('osoba wybrana przez grupę (bez zgody na podanie nazwiska)');
    expect(seniors?.sections.map((s) => [s.label, s.cards.map((c) => c.text)])).toEqual([
      ['Potrzeby', ['Usługi opiekuńcze w miejscu zamieszkania, także w weekendy']],
      ['Zasoby i obecne usługi', ['Istniejące dzienne domy pomocy i kluby (1)']],
      ['Luki i bariery', ['Brak opiekunów wytchnieniowych na terenach wiejskich']],
      ['Rekomendacje', ['Zlecać usługi opiekuńcze spółdzielniom socjalnym w trybie klauzul społecznych']],
    ]);
    expect((report.rounds[0]?.groups ?? []).map((g) => g.summary[0]?.runs[0]?.text)).toEqual(
      [0, 1, 2, 3, 4].map(summaryText),
    );
  });

  it("lists the plenary's consolidated recommendations in their final order, with source group", () => {
    const r = seedReport().recommendations;
    expect(r.source).toBe('plenary');
    expect(r.items.map((i) => [i.rank, i.text, i.groupName])).toEqual([
      [1, CONSOLIDATED[0].text, 'Osoby z problemami zdrowia psychicznego'],
      [2, CONSOLIDATED[1].text, 'Seniorzy'],
      [3, CONSOLIDATED[2].text, null],
    ]);
    expect(seedReport().closing.text).toBe(
      'Na sesji plenarnej uczestnicy uzgodnili 3 rekomendacje i ustalili ich kolejność. ' +
        'Serdecznie dziękujemy wszystkim uczestnikom za udział w spotkaniu.',
    );
  });

  it("without a plenary consolidation, ranks the groups' recommendation cards by votes (ties in group order)", () => {
    const { boards, idOf } = seedBoards();
    vote(boards.get('g3') as Y.Doc, idOf.get('Centra zdrowia psychicznego współpracujące z KIS i CIS') ?? '', 3);
    vote(
      boards.get('g4') as Y.Doc,
      idOf.get('Zatrudnienie wspomagane w ZAZ i przedsiębiorstwach społecznych') ?? '',
      1,
    );
    const report = buildReport(seedWorkshopRecord(), boards, { now: NOW });
    expect(report.recommendations.source).toBe('votes');
    expect(report.recommendations.items.map((i) => [i.rank, i.votes, i.groupName?.slice(0, 12)])).toEqual([
      [1, 3, 'Osoby z prob'],
      [2, 1, 'Osoby z niep'],
      [3, 0, 'Seniorzy'],
      [4, 0, 'Dzieci i mło'],
      [5, 0, 'Osoby w kryz'],
    ]);
    const md = renderMarkdown(report);
    expect(md).toContain('1. Centra zdrowia psychicznego współpracujące z KIS i CIS _(3 głosy)_');
    expect(md).toContain('_(1 głos)_');
  });

  it("counts only the workshop's participants' votes, each within the board's budget (issue #14)", () => {
    const { boards, idOf } = seedBoards();
    const board = boards.get('g3') as Y.Doc;
    const honest = idOf.get('Centra zdrowia psychicznego współpracujące z KIS i CIS') ?? '';
    vote(board, honest, 2);
    // One writer invents fifty voters on another card, and gives itself 99 votes there.
    const other = addCard(board, { sectionId: 'recommendations', text: 'Karta z wymyślonymi głosami', now: 1 });
    const card = board.getMap('cards').get(other) as Y.Map<unknown>;
    const map = new Y.Map<number>();
    card.set('votes', map);
    for (let i = 0; i < 50; i++) map.set(`fake-${i}`, 9);
    map.set('p3', 99);
    const report = buildReport(seedWorkshopRecord(), boards, { now: NOW });
    const ranked = report.recommendations.items.map((i) => [i.text, i.votes]);
    // p3 counts with the default budget of 5; the fifty strangers count for nothing.
    expect(ranked[0]).toEqual(['Karta z wymyślonymi głosami', 5]);
    expect(ranked[1]).toEqual(['Centra zdrowia psychicznego współpracujące z KIS i CIS', 2]);
  });

  it('renders Markdown with every part in the seed order', () => {
    const md = renderMarkdown(seedReport());
    const order = [
      `# ${seed000.workshop.title}`,
      'W dniu 24 listopada 2022 r.',
      '## Przebieg spotkania',
      '## Program',
      '| 10:10 | Statystyka w ekonomii społecznej | Pracownik ROPS |',
      '## Uczestnicy',
      '| Stowarzyszenie lub fundacja | 3 | 0 | 3 |',
      '## Praca w grupach',
      'Uczestnicy zostali podzieleni na 5 grup: seniorzy',
      '### Seniorzy',
      '#### Potrzeby',
      '#### Podsumowanie sprawozdawcy',
      '### Osoby z niepełnosprawnościami',
      '## Rekomendacje',
      `1. ${CONSOLIDATED[0].text} — Osoby z problemami zdrowia psychicznego`,
      '## Zakończenie',
    ];
    // Headings are matched as whole lines, or "## Rekomendacje" would be found in "#### Rekomendacje".
    const at = order.map((s) => `\n${md}`.indexOf(s.startsWith('#') ? `\n${s}\n` : s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
  });

  it("uses the organisers' edited text per part, and the generated draft again once an edit is cleared", () => {
    const w = seedWorkshopRecord();
    w.control.narrative = {
      intro: 'Spotkanie otworzyła Pani Dyrektor.\n\nDrugi akapit wstępu.',
      'item:a1': 'Pani Małgorzata Janczuk przedstawiła prezentację pt. „Statystyka w ekonomii społecznej”.',
      closing: '   ',
    };
    const report = buildReport(w, seedBoards().boards, { now: NOW });
    expect(report.intro).toMatchObject({
      edited: true,
      text: 'Spotkanie otworzyła Pani Dyrektor.\n\nDrugi akapit wstępu.',
    });
    expect(report.intro.generated).toMatch(/^W dniu 24 listopada 2022 r\./);
    expect(report.days[0]?.items[1]?.paragraph).toMatchObject({ edited: true, part: 'item:a1' });
    expect(report.closing.edited).toBe(false);
    const md = renderMarkdown(report);
    expect(md).toContain('Spotkanie otworzyła Pani Dyrektor.\n\nDrugi akapit wstępu.');
    expect(md).toContain('Pani Małgorzata Janczuk przedstawiła');
    expect(md).not.toContain('Następnie, o godz. 10:10');
    expect(narrativeParts(report).map((p) => p.part)).toEqual([
      'intro',
      'item:a0',
      'item:a1',
      'item:a2',
      'item:a3',
      'item:a4',
      'item:a5',
      'item:a6',
      'groups',
      'closing',
    ]);
  });

  it('leaves coffee breaks out of the story but keeps them on the programme', () => {
    const w = seedWorkshopRecord();
    w.agenda.splice(2, 0, {
      id: 'br',
      day: 0,
      kind: 'break',
      title: 'Przerwa kawowa',
      startsAt: '10:40',
      minutes: 15,
      speakers: [],
    });
    const report = buildReport(w, new Map(), { now: NOW });
    expect(report.days[0]?.items[2]).toMatchObject({ id: 'br', paragraph: null });
    expect(narrativeParts(report).map((p) => p.part)).not.toContain('item:br');
    expect(renderMarkdown(report)).toContain('| 10:40 | Przerwa kawowa |  |');
  });

  it('tells a two-day workshop "W dniach 4–5 marca 2021 r." with a heading per day', () => {
    const w = seedWorkshopRecord();
    w.date = '2021-03-04';
    w.agenda = [
      {
        id: 'd1',
        day: 0,
        kind: 'presentation',
        title: 'Nowa marka',
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
    const report = buildReport(w, new Map(), { now: NOW });
    expect(report.intro.text).toMatch(/^W dniach 4–5 marca 2021 r\. odbyło się spotkanie/);
    expect(report.days.map((d) => d.heading)).toEqual(['Dzień 1 — 4 marca 2021 r.', 'Dzień 2 — 5 marca 2021 r.']);
    expect(report.days[0]?.items[0]?.paragraph?.text).toBe(
      'Na początku spotkania, o godz. 09:00, przedstawiono prezentację pt. „Nowa marka” (A, B i C).',
    );
  });

  it("prints times in the workshop's time zone", () => {
    expect(seedReport().generatedAt).toBe('Raport wygenerowano: 24 listopada 2022 15:05 CET');
    const w = seedWorkshopRecord();
    w.control.timeZone = 'America/New_York';
    expect(buildReport(w, new Map(), { now: NOW }).generatedAt).toMatch(/24 listopada 2022 09:05/);
    // Without a date the file is named after the day it was created on the workshop's calendar.
    w.date = null;
    w.createdAt = Date.UTC(2022, 10, 25, 2);
    expect(reportFilename(w, 'pdf')).toBe(
      'warsztat-2022-11-24-spotkanie-regionalnego-komitetu-rozwoju-ekonomii-spolecznej.pdf',
    );
    w.control.timeZone = 'Europe/Warsaw';
    expect(reportFilename(w, 'pdf')).toMatch(/^warsztat-2022-11-25-/);
  });

  it('accepts only real IANA time zones, in their canonical spelling', () => {
    expect(canonicalTimeZone('Europe/Warsaw')).toBe('Europe/Warsaw');
    expect(canonicalTimeZone('europe/warsaw')).toBe('Europe/Warsaw');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('America/North_Dakota/New_Salem')).toBe('America/North_Dakota/New_Salem');
    for (const bad of ['Mars/Olympus', '+01:00', 'CET1', '', 'Europe/Warsaw; DROP'])
      expect(canonicalTimeZone(bad)).toBeNull();
  });
});

describe('report of a two-day online workshop built like seed 002 (Platforma, Warmia i Mazury 2021)', () => {
  interface Platforma {
    workshop: { title: string; organiser: string; venue: string; mode: 'online' };
    days: {
      date: string;
      agenda: { kind: AgendaKind; title: string; startsAt: string; minutes: number; speakers: string[] }[];
    }[];
    groups: { name: string; attendance: 'online' }[];
  }
  const fixture = JSON.parse(
    readFileSync(join(import.meta.dirname, '../fixtures/platforma-wm-2021.json'), 'utf8'),
  ) as Platforma;

  function platforma(): WorkshopRecord {
    const w = seedWorkshopRecord();
    return {
      ...w,
      ...fixture.workshop,
      date: null,
      template: 'org-types',
      agenda: fixture.days.flatMap((d, day) => d.agenda.map((item, i) => ({ ...item, id: `d${day}i${i}`, day }))),
      control: { ...w.control, agendaDays: fixture.days.map((d) => ({ date: d.date })), namesInReport: [] },
      groups: fixture.groups.map((g, i) => ({
        ...g,
        id: `g${i}`,
        position: i,
        rapporteurId: null,
        capacity: null,
        prompt: '',
      })),
      participants: w.participants.slice(0, 12).map((p, i) => ({ ...p, attendance: 'online', groupId: `g${i % 4}` })),
    };
  }

  it('opens with the date range and the online form, and splits into 4 groups ("na 4 grupy")', () => {
    const report = buildReport(platforma(), new Map(), { now: NOW });
    expect(report.intro.text).toBe(
      'W dniach 4–5 marca 2021 r. odbyło się w trybie online spotkanie „Regionalna Platforma Współpracy na rzecz ' +
        'Rozwoju Ekonomii Społecznej”, zorganizowane przez: Regionalny Ośrodek Polityki Społecznej w Olsztynie.',
    );
    expect(report.header[0]).toEqual(['Data', '4–5 marca 2021 r.']);
    expect(report.rounds[0]?.intro.text).toMatch(
      // Proper names keep their capitals mid-sentence.
      /^Uczestnicy zostali podzieleni na 4 grupy: Centra Integracji Społecznej \(CIS\), Kluby Integracji Społecznej \(KIS\), Warsztaty Terapii Zajęciowej \(WTZ\) i Zakłady Aktywności Zawodowej \(ZAZ\)\./,
    );
    expect(report.days.map((d) => d.heading)).toEqual(['Dzień 1 — 4 marca 2021 r.', 'Dzień 2 — 5 marca 2021 r.']);
    expect(report.attendance.paragraph).toMatch(/^W spotkaniu wzięło udział 12 osób\./);
    expect(report.attendance.paragraph).toContain(
      'Raport nie podaje nazwisk uczestników: nikt nie wyraził na to zgody.',
    );
    // The break is on the programme but not in the story.
    expect(narrativeParts(report).some((p) => p.title === 'Przerwa')).toBe(false);
    const md = renderMarkdown(report);
    expect(md).toContain('\n### Dzień 2 — 5 marca 2021 r.\n');
    expect(md).toContain('Grupy nie zapisały rekomendacji.');
  });
});

describe('English report', () => {
  it('has every Polish resource key (plural forms aside)', () => {
    expect(resourceKeys('en')).toEqual(resourceKeys('pl'));
  });

  it('is English throughout: with the typed content taken out, no Polish letter or word is left', () => {
    const w = seedWorkshopRecord('en');
    const report = buildReport(w, seedBoards().boards, { consolidated: consolidated(), now: NOW });
    expect(report.intro.text).toBe(
      'On 24 November 2022, the meeting “Spotkanie Regionalnego Komitetu Rozwoju Ekonomii Społecznej” took place ' +
        '(Białystok), organised by Regionalny Ośrodek Polityki Społecznej w Białymstoku.',
    );
    expect(report.rounds[0]?.intro.text).toMatch(/^Participants were divided into 5 groups: /);
    expect((report.rounds[0]?.groups ?? [])[0]?.sections.map((s) => s.label)).toEqual([
      'Needs',
      'Existing services and resources',
      'Gaps and barriers',
      'Recommendations',
    ]);
    let md = renderMarkdown(report);
    // What people typed stays as typed (Polish here); everything else must be the report's English.
    const typed = [
      w.title,
      w.venue,
      w.organiser,
      ...w.agenda.flatMap((i) => [i.title, ...i.speakers]),
      // Group names also appear mid-sentence, lower-cased ("divided into 5 groups: seniorzy, …").
      ...w.groups.flatMap((g) => [g.name, midSentence(g.name)]),
      ...w.participants.flatMap((p) => [p.name, p.organisation]),
      ...[...seedBoards().boards.values()].flatMap((d) =>
        [...d.getMap('cards').values()].map((c) => String((c as Y.Map<unknown>).get('text'))),
      ),
      ...[0, 1, 2, 3, 4].map(summaryText),
      ...CONSOLIDATED.map((c) => c.text),
    ].filter((s): s is string => typeof s === 'string' && s !== '');
    for (const s of typed.sort((a, b) => b.length - a.length)) md = md.split(s).join('');
    expect(md).not.toMatch(/[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/);
    for (const word of ['godz', 'grup', 'Uczestnicy', 'spotkani', 'Razem', 'Sprawozdawca', 'głos', 'osób', ' r.']) {
      expect(md).not.toContain(word);
    }
  });
});

describe('card and summary text', () => {
  it('keeps text typed into a card literal in Markdown: no HTML, no formatting, no links', () => {
    const doc = new Y.Doc();
    addCard(doc, { sectionId: 'needs', text: '<script>alert(1)</script> **nie pogrubiaj** [link](http://x)' });
    addCard(doc, { sectionId: 'gaps', text: '# nie nagłówek\n- nie lista\n1. nie numer' });
    const md = renderMarkdown(buildReport(seedWorkshopRecord(), new Map([['g0', doc]]), { now: NOW }));
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
    const md = renderMarkdown(buildReport(seedWorkshopRecord(), new Map([['g0', doc]]), { now: NOW }));
    expect(md).toContain(
      '#### Podsumowanie sprawozdawcy\n\nGrupa uznała, że **najpilniejsze** są usługi.\n\n- asystencja &lt;osobista&gt;',
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
