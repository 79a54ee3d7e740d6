import {
  type AgendaKind,
  ATTENDANCES,
  type Attendance,
  type Locale,
  listCards,
  type Mode,
  ORG_TYPES,
  type OrgType,
  summaryFragment,
  TEMPLATES,
} from '@warsztat/shared';
import type * as Y from 'yjs';
import type { WorkshopRecord } from '../persistence/Store.js';
import { LABELS, quote, type ReportLabels } from './labels.js';
import { type Block, summaryBlocks } from './summaryBlocks.js';

/**
 * The report (DESIGN §1) as data: every renderer (Markdown, DOCX, PDF, JSON) formats this model
 * and nothing else, so the four files always say the same thing. Building it is pure — the
 * workshop record and the group boards in, the model out — which keeps it unit-testable without
 * a server.
 */
export interface ReportCard {
  id: string;
  text: string;
  votes: number;
}

export interface ReportSection {
  id: string;
  label: string;
  cards: ReportCard[];
}

export interface ReportGroup {
  id: string;
  name: string;
  rapporteur: string | null;
  sections: ReportSection[];
  summary: Block[];
}

export interface ReportAgendaItem {
  startsAt: string;
  kind: AgendaKind;
  kindLabel: string;
  title: string;
  minutes: number;
  speakers: string[];
  /** The item as a plain sentence (or two, with speakers) in the report's language. */
  sentence: string;
}

export interface ReportDay {
  heading: string;
  date: string | null;
  items: ReportAgendaItem[];
}

export interface Count<K> {
  key: K;
  label: string;
  count: number;
}

export interface RankedRecommendation {
  rank: number;
  text: string;
  votes: number;
  groupId: string;
  groupName: string;
}

export interface Report {
  locale: Locale;
  labels: ReportLabels;
  header: {
    title: string;
    /** ISO date as stored, and as words for the document ("24 listopada 2022"). */
    date: string | null;
    dateText: string | null;
    venue: string | null;
    mode: Mode;
    modeLabel: string;
    organiser: string | null;
  };
  lead: string;
  days: ReportDay[];
  attendance: {
    total: number;
    byOrgType: Count<OrgType | null>[];
    byAttendance: Count<Attendance>[];
  };
  groups: ReportGroup[];
  recommendations: RankedRecommendation[];
}

/** Section whose cards are ranked across groups. */
export const RECOMMENDATIONS_SECTION = 'recommendations';

function dateText(locale: Locale, iso: string | null): string | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  // Noon UTC: the calendar day is the same in every European time zone.
  const date = new Date(`${iso}T12:00:00Z`);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    date,
  );
}

function listText(locale: Locale, items: string[]): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

function buildDays(w: WorkshopRecord, labels: ReportLabels): ReportDay[] {
  const byDay = new Map<number, WorkshopRecord['agenda']>();
  for (const item of w.agenda) {
    const list = byDay.get(item.day);
    if (list) list.push(item);
    else byDay.set(item.day, [item]);
  }
  const multiDay = byDay.size > 1;
  return [...byDay.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, items]) => {
      // The first day's date defaults to the workshop's, so a one-day agenda needs no day dates.
      const date = w.control.agendaDays[day]?.date ?? (day === 0 ? w.date : null);
      const words = dateText(w.locale, date);
      return {
        heading: multiDay ? `${labels.day(day + 1)}${words ? ` — ${words}` : ''}` : (words ?? labels.day(1)),
        date,
        items: items.map((item) => {
          const speakers = item.speakers.filter((s) => s.trim() !== '');
          // "Podsumowanie: „Podsumowanie”" says it twice; a title that only names the kind is left out.
          const title = item.title.trim();
          const named = title !== '' && title.toLowerCase() !== labels.kind[item.kind].toLowerCase();
          const phrase = labels.phrase(item.kind, item.minutes);
          const sentence = labels.sentence(item.startsAt, phrase, named ? quote(w.locale, title) : null);
          return {
            startsAt: item.startsAt,
            kind: item.kind,
            kindLabel: labels.kind[item.kind],
            title: item.title,
            minutes: item.minutes,
            speakers,
            sentence: speakers.length > 0 ? `${sentence} ${labels.speakers(listText(w.locale, speakers))}` : sentence,
          };
        }),
      };
    });
}

/**
 * Counts only. Names are published only with a participant's consent, and there is no consent
 * field yet, so no participant is named here (the rapporteur is the one exception: presenting the
 * group's work in plenary is a public role, and the report says who presented).
 */
function buildAttendance(w: WorkshopRecord, labels: ReportLabels): Report['attendance'] {
  const byType = new Map<OrgType | null, number>();
  const byAttendance = new Map<Attendance, number>();
  for (const p of w.participants) {
    byType.set(p.orgType, (byType.get(p.orgType) ?? 0) + 1);
    byAttendance.set(p.attendance, (byAttendance.get(p.attendance) ?? 0) + 1);
  }
  const types: (OrgType | null)[] = [...ORG_TYPES, null];
  return {
    total: w.participants.length,
    byOrgType: types
      .filter((key) => (byType.get(key) ?? 0) > 0)
      .map((key) => ({
        key,
        label: key === null ? labels.orgTypeMissing : labels.orgType[key],
        count: byType.get(key) ?? 0,
      })),
    byAttendance: ATTENDANCES.map((key) => ({ key, label: labels.attendance[key], count: byAttendance.get(key) ?? 0 })),
  };
}

function buildGroup(w: WorkshopRecord, group: WorkshopRecord['groups'][number], doc: Y.Doc | undefined): ReportGroup {
  const template = TEMPLATES[w.template].sections;
  const cards = doc ? listCards(doc) : [];
  const sections: ReportSection[] = template.map((s) => ({ id: s.id, label: s.label[w.locale], cards: [] }));
  for (const card of cards) {
    let section = sections.find((s) => s.id === card.sectionId);
    if (!section) {
      // A section the template does not know (another client's schema): kept under its id, not lost.
      section = { id: card.sectionId, label: card.sectionId, cards: [] };
      sections.push(section);
    }
    section.cards.push({ id: card.id, text: card.text, votes: card.votes });
  }
  const rapporteur = w.participants.find((p) => p.id === group.rapporteurId)?.name ?? null;
  return {
    id: group.id,
    name: group.name,
    rapporteur,
    sections,
    summary: doc ? summaryBlocks(summaryFragment(doc)) : [],
  };
}

/** Every recommendation card across groups: most votes first, ties in group order, then board order. */
function rankRecommendations(groups: ReportGroup[]): RankedRecommendation[] {
  const all = groups.flatMap((g, groupIndex) =>
    (g.sections.find((s) => s.id === RECOMMENDATIONS_SECTION)?.cards ?? [])
      .filter((c) => c.text.trim() !== '')
      .map((c, boardIndex) => ({ card: c, group: g, groupIndex, boardIndex })),
  );
  all.sort((a, b) => b.card.votes - a.card.votes || a.groupIndex - b.groupIndex || a.boardIndex - b.boardIndex);
  return all.map(({ card, group }, i) => ({
    rank: i + 1,
    text: card.text,
    votes: card.votes,
    groupId: group.id,
    groupName: group.name,
  }));
}

/** `boards` maps group id → that group's board (a missing board reads as empty). */
/** The header's labelled fields that have a value (date, venue, mode, organiser), in order. */
export function headerFields({ labels: l, header: h }: Report): Array<[label: string, value: string]> {
  const fields: Array<[string, string | null]> = [
    [l.field.date, h.dateText],
    [l.field.venue, h.venue],
    [l.field.mode, h.modeLabel],
    [l.field.organiser, h.organiser],
  ];
  return fields.filter((f): f is [string, string] => f[1] !== null && f[1] !== '');
}

export function buildReport(w: WorkshopRecord, boards: ReadonlyMap<string, Y.Doc>): Report {
  const labels = LABELS[w.locale];
  const groups = [...w.groups].sort((a, b) => a.position - b.position).map((g) => buildGroup(w, g, boards.get(g.id)));
  const words = dateText(w.locale, w.date);
  return {
    locale: w.locale,
    labels,
    header: {
      title: w.title,
      date: w.date,
      dateText: words,
      venue: w.venue,
      mode: w.mode,
      modeLabel: labels.mode[w.mode],
      organiser: w.organiser,
    },
    lead: labels.lead(quote(w.locale, w.title), words, w.organiser),
    days: buildDays(w, labels),
    attendance: buildAttendance(w, labels),
    groups,
    recommendations: rankRecommendations(groups),
  };
}
