import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AgendaKind,
  addCard,
  addPlenaryItem,
  castVote,
  type Locale,
  type OrgType,
  summaryFragment,
} from '@warsztat/shared';
import * as Y from 'yjs';
import { emptyControl } from '../../server/src/domain/control.js';
import type { WorkshopRecord } from '../../server/src/domain/workshop.js';

/**
 * A workshop built like seed 000 (the RKRES Podlaskie meeting of 24.11.2022), from the
 * `rkres-podlaskie-2022.json` fixture: five DI groups, twenty participants of mixed organisation
 * types, cards in every section of every board, a rapporteur and a summary per group, and
 * consolidated recommendations in the plenary doc — everything a report draws on.
 */
export interface SeedFixture {
  workshop: { title: string; organiser: string; venue: string; date: string; mode: 'onsite'; locale: 'pl' };
  agenda: { kind: AgendaKind; title: string; startsAt: string; minutes: number; speakers: string[] }[];
  groups: { name: string; attendance: 'onsite' | 'online' }[];
  participants: { name: string; organisation: string; orgType: OrgType; attendance: 'onsite' | 'online' }[];
  cards: { group: number; section: string; text: string }[];
}

export const seed000 = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/rkres-podlaskie-2022.json'), 'utf8'),
) as SeedFixture;

/** One card per DI section that the fixture leaves empty, so every section of every board has text. */
export const EXTRA_CARDS: Record<string, string> = {
  needs: 'Potrzeba koordynacji usług w gminie',
  resources: 'Istniejące dzienne domy pomocy i kluby',
  gaps: 'Za mało kadr do usług środowiskowych',
  recommendations: 'Wspólny regionalny katalog usług społecznych',
};

/** The rapporteur's summary of group `i`, one paragraph. */
export function summaryText(i: number): string {
  return `Grupa ${i + 1} uznała za najpilniejsze usługi w miejscu zamieszkania i współpracę z PES.`;
}

export function seedWorkshopRecord(locale: Locale = 'pl', f: SeedFixture = seed000): WorkshopRecord {
  const { title, organiser, venue, date, mode } = f.workshop;
  return {
    id: 'w1',
    title,
    organiser,
    venue,
    date,
    mode,
    locale,
    template: 'di-5',
    joinCode: 'ABCDEF',
    version: 1,
    phase: 'closed',
    spotlightGroupId: null,
    timer: { endsAt: null, pausedRemainingMs: null },
    agenda: f.agenda.map((item, i) => ({ ...item, id: `a${i}`, day: 0 })),
    createdAt: Date.UTC(2022, 10, 24, 8),
    control: { ...emptyControl(), agendaDays: [{ date }], timeZone: 'Europe/Warsaw', namesInReport: ['p0', 'p5'] },
    groups: f.groups.map((g, i) => ({
      id: `g${i}`,
      name: g.name,
      attendance: g.attendance,
      position: i,
      // Rapporteurs: the first member of each group (p0 agreed to be named; p1–p4 did not).
      rapporteurId: `p${i}`,
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

export function writeSummary(doc: Y.Doc, text: string): void {
  const p = new Y.XmlElement('paragraph');
  summaryFragment(doc).insert(0, [p]);
  p.insert(0, [new Y.XmlText(text)]);
}

/** The five boards (fixture cards plus one per empty section, a summary each) and card ids by text. */
export function seedBoards(f: SeedFixture = seed000): { boards: Map<string, Y.Doc>; idOf: Map<string, string> } {
  const boards = new Map<string, Y.Doc>();
  const idOf = new Map<string, string>();
  f.groups.forEach((_g, i) => {
    const doc = new Y.Doc();
    boards.set(`g${i}`, doc);
    for (const card of f.cards.filter((c) => c.group === i)) {
      idOf.set(card.text, addCard(doc, { sectionId: card.section, text: card.text, now: 1 }));
    }
    for (const [section, text] of Object.entries(EXTRA_CARDS)) {
      if (!f.cards.some((c) => c.group === i && c.section === section)) {
        idOf.set(`${text} ${i}`, addCard(doc, { sectionId: section, text: `${text} (${i + 1})`, now: 1 }));
      }
    }
    writeSummary(doc, summaryText(i));
  });
  return { boards, idOf };
}

/** `voters` votes on a card by the seed's participants p0, p1, … (the report counts only real participants). */
export function vote(doc: Y.Doc, cardId: string, voters: number): void {
  for (let v = 0; v < voters; v++) castVote(doc, cardId, `p${v}`, 1, 10);
}

/** Consolidated recommendations in a plenary doc, in the order the room agreed (not the boards' order). */
export const CONSOLIDATED = [
  { text: 'Centra zdrowia psychicznego współpracujące z KIS i CIS', group: 3 },
  { text: 'Zlecać usługi opiekuńcze spółdzielniom socjalnym w trybie klauzul społecznych', group: 0 },
  { text: 'Regionalny program mieszkań wspomaganych', group: null },
] as const;

export function seedPlenary(): Y.Doc {
  const doc = new Y.Doc();
  for (const item of CONSOLIDATED) {
    addPlenaryItem(doc, { text: item.text, sourceGroupId: item.group === null ? null : `g${item.group}` });
  }
  return doc;
}
