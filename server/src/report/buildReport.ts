import { ATTENDANCES, type Locale, type NarrativePart, type NarrativePartView, ORG_TYPES } from '@warsztat/shared';
import type * as Y from 'yjs';
import type { WorkshopRecord } from '../domain/workshop.js';
import { type ReportT, reportT } from './i18n/index.js';
import type {
  AttendanceRow,
  ConsolidatedRecommendation,
  Report,
  ReportDay,
  ReportGroup,
  ReportWords,
} from './model.js';
import {
  closingText,
  datesWords,
  dateWords,
  intlLocale,
  introText,
  itemText,
  listWords,
  tellsStory,
} from './narrative.js';
import { buildRounds } from './rounds.js';

/**
 * Builds the report model (model.ts) from the workshop record, the group boards and the plenary's
 * consolidated recommendations. Pure: no store, no server — unit tests call it directly.
 */
export type * from './model.js';

/** Section whose cards are ranked across groups when there is no plenary consolidation. */
export const RECOMMENDATIONS_SECTION = 'recommendations';

export interface ReportOptions {
  /** The plenary's consolidated list in final order; null or empty: rank the groups' cards by votes. */
  consolidated?: ConsolidatedRecommendation[] | null;
  now?: number;
}

function part(w: WorkshopRecord, id: NarrativePart, title: string | null, generated: string): NarrativePartView {
  const edited = w.control.narrative[id];
  return edited !== undefined && edited.trim() !== ''
    ? { part: id, title, generated, text: edited, edited: true }
    : { part: id, title, generated, text: generated, edited: false };
}

function votesText(t: ReportT, n: number): string | null {
  return n > 0 ? t('votes', { count: n }) : null;
}

function buildDays(w: WorkshopRecord, t: ReportT, presented: boolean): ReportDay[] {
  const days = [...new Set(w.agenda.map((i) => i.day))].sort((a, b) => a - b);
  const told = w.agenda.filter(tellsStory);
  return days.map((day) => {
    const date = w.control.agendaDays[day]?.date ?? (day === 0 ? w.date : null);
    const words = dateWords(t, w.locale, date);
    const n = t('day', { n: day + 1 });
    return {
      heading: days.length > 1 ? (words ? `${n} — ${words}` : n) : (words ?? n),
      items: w.agenda
        .filter((item) => item.day === day)
        .map((item) => {
          const index = told.indexOf(item);
          const paragraph =
            index < 0
              ? null
              : part(
                  w,
                  `item:${item.id}`,
                  item.title,
                  itemText(t, w.locale, item, { index, last: index === told.length - 1, presented }),
                );
          return {
            id: item.id,
            startsAt: item.startsAt,
            kindLabel: t(`kind.${item.kind}`),
            title: item.title,
            speakers: item.speakers.filter((s) => s.trim() !== ''),
            paragraph,
          };
        }),
    };
  });
}

/** Counts by organisation type and attendance; names only of those who agreed at join. */
function buildAttendance(w: WorkshopRecord, t: ReportT): Report['attendance'] {
  const rows = new Map<AttendanceRow['key'], AttendanceRow>();
  const totals = { onsite: 0, online: 0, total: 0 };
  for (const p of w.participants) {
    let row = rows.get(p.orgType);
    if (!row) {
      const label = p.orgType === null ? t('orgTypeMissing') : t(`orgType.${p.orgType}`);
      row = { key: p.orgType, label, counts: { onsite: 0, online: 0 }, total: 0 };
      rows.set(p.orgType, row);
    }
    row.counts[p.attendance] += 1;
    row.total += 1;
    totals[p.attendance] += 1;
    totals.total += 1;
  }
  // Erased people (issue #19) are counted under their own row, with nothing but their attendance.
  for (const erased of w.control.erased) {
    let row = rows.get('erased');
    if (!row) {
      row = { key: 'erased', label: t('erasedParticipant'), counts: { onsite: 0, online: 0 }, total: 0 };
      rows.set('erased', row);
    }
    row.counts[erased.attendance] += 1;
    row.total += 1;
    totals[erased.attendance] += 1;
    totals.total += 1;
  }
  const ordered = [...ORG_TYPES, null, 'erased' as const].flatMap((key) => rows.get(key) ?? []);
  const consent = new Set(w.control.namesInReport);
  const named = w.participants
    .filter((p) => consent.has(p.id))
    .map((p) => (p.organisation ? `${p.name} (${p.organisation})` : p.name));
  const sentences = [
    t('people.count', { count: totals.total }) +
      (totals.online > 0 && totals.onsite > 0 ? t('people.split', totals) : '') +
      t('people.end'),
  ];
  if (ordered.some((r) => r.key !== null && r.key !== 'erased')) {
    const types = ordered.filter((r) => r.key !== null && r.key !== 'erased').map((r) => `${r.label} (${r.total})`);
    sentences.push(t('people.byType', { list: listWords(w.locale, types) }));
  }
  if (named.length > 0) {
    sentences.push(t('people.named', { list: named.join(', ') }));
    if (named.length < totals.total) sentences.push(t('people.othersUnnamed'));
  } else if (totals.total > 0) {
    sentences.push(t('people.noneNamed'));
  }
  return { total: totals.total, paragraph: sentences.join(' '), rows: ordered, totals };
}

/** Every recommendation card across groups: most votes first, ties in group order, then board order. */
function rankByVotes(groups: ReportGroup[]): ConsolidatedRecommendation[] {
  const all = groups.flatMap((g, groupIndex) =>
    (g.sections.find((s) => s.id === RECOMMENDATIONS_SECTION)?.cards ?? [])
      .filter((c) => c.text.trim() !== '')
      .map((c, boardIndex) => ({ c, g, groupIndex, boardIndex })),
  );
  all.sort((a, b) => b.c.votes - a.c.votes || a.groupIndex - b.groupIndex || a.boardIndex - b.boardIndex);
  return all.map(({ c, g }) => ({ text: c.text, groupId: g.id, votes: c.votes }));
}

function generatedAtText(locale: Locale, timeZone: string, now: number): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(now));
}

/** `boards` maps group id → that group's board (a missing board reads as empty). */
export function buildReport(
  w: WorkshopRecord,
  boards: ReadonlyMap<string, Y.Doc>,
  options: ReportOptions = {},
): Report {
  const t = reportT(w.locale);
  const { timeZone } = w.control;
  const ordered = [...w.groups].sort((a, b) => a.position - b.position);
  const rounds = buildRounds(w, t, boards, (id, title, generated) => part(w, id, title, generated));
  const groups = rounds.flatMap((r) => r.groups);
  const plenary = options.consolidated ?? [];
  const source = plenary.length > 0 ? 'plenary' : 'votes';
  const list = source === 'plenary' ? plenary : rankByVotes(groups);
  const items = list.map((r, i) => ({
    rank: i + 1,
    text: r.text,
    votes: r.votes,
    votesText: votesText(t, r.votes),
    groupId: r.groupId,
    groupName: ordered.find((g) => g.id === r.groupId)?.name ?? null,
  }));
  const dates = [w.date, ...w.control.agendaDays.map((d) => d.date)].filter((d): d is string => d !== null);
  const header: Array<[string, string | null]> = [
    [t('field.date'), datesWords(t, w.locale, dates)?.words ?? null],
    [t('field.venue'), w.venue],
    [t('field.mode'), t(`mode.${w.mode}`)],
    [t('field.organiser'), w.organiser],
  ];
  return {
    locale: w.locale,
    timeZone,
    words: words(t),
    title: w.title,
    header: header.filter((f): f is [string, string] => f[1] !== null && f[1] !== ''),
    generatedAt: `${t('field.generatedAt')}: ${generatedAtText(w.locale, timeZone, options.now ?? Date.now())}`,
    intro: part(
      w,
      'intro',
      null,
      introText(t, w.locale, { title: w.title, mode: w.mode, venue: w.venue, organiser: w.organiser, dates }),
    ),
    days: buildDays(
      w,
      t,
      ordered.some((g) => g.rapporteurId !== null),
    ),
    attendance: buildAttendance(w, t),
    rounds,
    recommendations: { source, note: t(`recommendationsOrder.${source}`), items },
    closing: part(w, 'closing', null, closingText(t, items.length, source)),
  };
}

function words(t: ReportT): ReportWords {
  const pick = <K extends string>(prefix: string, keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, t(`${prefix}.${k}`)])) as Record<K, string>;
  return {
    heading: pick('heading', ['agenda', 'program', 'attendance', 'groups', 'summary', 'recommendations', 'closing']),
    field: pick('field', ['rapporteur', 'members', 'generatedAt']),
    table: pick('table', ['time', 'item', 'speakers', 'orgType', 'total', 'rank', 'recommendation', 'group', 'votes']),
    attendance: pick('attendance', ATTENDANCES),
    noCards: t('noCards'),
    noRecommendations: t('noRecommendations'),
    noAgenda: t('noAgenda'),
  };
}

/** The editable parts in reading order, for the console's report editor. */
export function narrativeParts(report: Report): NarrativePartView[] {
  const items = report.days.flatMap((d) => d.items.flatMap((i) => (i.paragraph ? [i.paragraph] : [])));
  return [report.intro, ...items, ...report.rounds.map((r) => r.intro), report.closing];
}
