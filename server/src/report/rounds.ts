import { boardSettingsFor, countedVotes, listCards, readSummary, type SectionTemplate } from '@warsztat/shared';
import type * as Y from 'yjs';
import { boardKey, type RoundRecord, sectionsFor } from '../domain/rounds.js';
import type { WorkshopRecord } from '../domain/workshop.js';
import type { ReportT } from './i18n/index.js';
import type { NarrativePartView, ReportGroup, ReportRound, ReportSection } from './model.js';
import { groupsText, listWords, midSentence, quote } from './narrative.js';

/**
 * "Praca w grupach", one part per breakout round (issue #17): each group's cards under the sections
 * that were in force for it in that round, cards of a section no longer listed under "Inne". A
 * workshop with one round reads exactly as before rounds existed; with several, each part opens the
 * way the seed reports do ("W drugiej części warsztatu grupy pracowały nad …").
 */

/** What an editable part is called: `part()` in buildReport.ts, passed in to keep one definition. */
export type PartOf = (id: `round:${string}` | 'groups', title: string | null, generated: string) => NarrativePartView;

function votesText(t: ReportT, n: number): string | null {
  return n > 0 ? t('votes', { count: n }) : null;
}

function buildGroup(
  w: WorkshopRecord,
  t: ReportT,
  round: RoundRecord,
  group: WorkshopRecord['groups'][number],
  doc: Y.Doc | undefined,
): ReportGroup {
  const listed = sectionsFor(w, round, group.id);
  const sections: ReportSection[] = listed.map((s) => ({ id: s.id, label: s.label[w.locale], cards: [] }));
  // Cards of a section no longer listed are kept, under one "Inne" at the end (as on the board).
  const other: ReportSection = { id: '', label: t('otherSection'), cards: [] };
  const cards = doc ? listCards(doc) : [];
  const voters = new Set(w.participants.map((p) => p.id));
  const votes = countedVotes(cards, voters, boardSettingsFor(w.control.boards, group.id).voteBudget);
  for (const card of cards) {
    const section = sections.find((s) => s.id === card.sectionId) ?? other;
    const n = votes.get(card.id) ?? 0;
    section.cards.push({ id: card.id, text: card.text, votes: n, votesText: votesText(t, n) });
  }
  if (other.cards.length > 0) sections.push(other);
  const current = round.members === null;
  const members = current
    ? w.participants.filter((p) => p.groupId === group.id).length +
      w.control.erased.filter((e) => e.groupId === group.id).length
    : (round.members?.[group.id]?.length ?? 0);
  const rapporteurId = current ? group.rapporteurId : (round.rapporteurs?.[group.id] ?? null);
  const rapporteur = w.participants.find((p) => p.id === rapporteurId);
  const consent = new Set(w.control.namesInReport);
  const rapporteurText = !rapporteur
    ? t('noRapporteur')
    : consent.has(rapporteur.id)
      ? rapporteur.name
      : t('nameWithheld');
  return {
    id: group.id,
    name: group.name,
    members,
    membersText: t('members', { count: members }),
    rapporteurText,
    sections,
    summary: doc ? readSummary(doc) : [],
  };
}

const hasContent = (groups: ReportGroup[]) =>
  groups.some((g) => g.summary.length > 0 || g.sections.some((s) => s.cards.length > 0));

/** "potrzeby, zasoby … i rekomendacje" for one group's sections. */
function sectionWords(w: WorkshopRecord, sections: SectionTemplate[]): string {
  return listWords(
    w.locale,
    sections.map((s) => midSentence(s.label[w.locale])),
  );
}

/**
 * The sentence about what the groups worked out: one list when all had the same sections; else the
 * groups with their own sections named, and the largest set said once for "pozostałe grupy".
 */
function sectionsSentence(w: WorkshopRecord, t: ReportT, round: RoundRecord, groups: WorkshopRecord['groups']): string {
  const buckets = new Map<string, { names: string[]; sections: SectionTemplate[] }>();
  for (const g of groups) {
    const sections = sectionsFor(w, round, g.id);
    const key = JSON.stringify(sections);
    const bucket = buckets.get(key) ?? { names: [], sections };
    bucket.names.push(g.name);
    buckets.set(key, bucket);
  }
  const sets = [...buckets.values()];
  const [only] = sets;
  if (!only) return '';
  if (sets.length === 1) return t('groups.sections', { list: sectionWords(w, only.sections) });
  const largest = sets.reduce((a, b) => (b.names.length > a.names.length ? b : a));
  const rest = largest.names.length > 1 ? largest : null;
  const list = sets
    .filter((set) => set !== rest)
    .map((set) =>
      t('groups.groupSections', {
        name: listWords(w.locale, set.names.map(midSentence)),
        list: sectionWords(w, set.sections),
      }),
    );
  if (rest) list.push(t('groups.groupSections', { name: t('groups.others'), list: sectionWords(w, rest.sections) }));
  return t('groups.sectionsPerGroup', { list: list.join('; ') });
}

function ordinal(t: ReportT, n: number): string {
  const word = t(`round.ordinal.${n}`, { defaultValue: '' });
  return word !== '' ? word : t('round.ordinalNumber', { n });
}

/**
 * Every round that has something to report (all of them when none has; the only one always),
 * each with its heading, its editable opening paragraph and its groups.
 */
export function buildRounds(
  w: WorkshopRecord,
  t: ReportT,
  boards: ReadonlyMap<string, Y.Doc>,
  part: PartOf,
): ReportRound[] {
  const ordered = [...w.groups].sort((a, b) => a.position - b.position);
  const all = w.control.rounds.map((round) => ({
    round,
    groups: ordered.map((g) => buildGroup(w, t, round, g, boards.get(boardKey(w, round.id, g.id)))),
  }));
  const withContent = all.filter((r) => hasContent(r.groups));
  const shown = all.length === 1 || withContent.length === 0 ? all.slice(-1) : withContent;
  const heading = t('heading.groups');
  const names = ordered.map((g) => g.name);
  return shown.map(({ round, groups }, index) => {
    const isFirst = round.id === w.control.rounds[0]?.id;
    // The first round's paragraph keeps the part id it always had, so text edited before rounds stays.
    const partId = isFirst ? 'groups' : (`round:${round.id}` as const);
    const title = round.title.trim();
    if (shown.length === 1) {
      const text = groupsText(t, w.locale, names, []);
      const generated = ordered.length === 0 ? text : `${text} ${sectionsSentence(w, t, round, ordered)}`;
      return { id: round.id, title: title || null, heading, intro: part(partId, null, generated), groups };
    }
    const n = index + 1;
    const opening = title
      ? t('round.topic', { ordinal: ordinal(t, n), title: quote(w.locale, title) })
      : t(n === 1 ? 'round.first' : 'round.noTopic', { ordinal: ordinal(t, n) });
    const split = n === 1 ? ` ${groupsText(t, w.locale, names, [])}` : '';
    const generated = `${opening}${split} ${sectionsSentence(w, t, round, ordered)}`.trim();
    return {
      id: round.id,
      title: title || null,
      heading: title ? t('round.heading', { heading, title }) : t('round.untitled', { heading, n }),
      intro: part(partId, title || null, generated),
      groups,
    };
  });
}
