import type { Attendance, SummaryBlock as Block, Locale, NarrativePartView, OrgType } from '@warsztat/shared';

export type { NarrativePartView };

/**
 * The report (DESIGN §1, issue #7) as data: every renderer (Markdown, DOCX, PDF, JSON) formats this
 * model and nothing else, so the four files always say the same thing, and every word in it comes
 * from the report's i18next resources in the workshop's language. Building it is pure — the
 * workshop record, the group boards and the consolidated recommendations in, the model out.
 */
export interface ReportCard {
  id: string;
  text: string;
  votes: number;
  /** "3 głosy", or null without votes. */
  votesText: string | null;
}

export interface ReportSection {
  id: string;
  label: string;
  cards: ReportCard[];
}

export interface ReportGroup {
  id: string;
  name: string;
  members: number;
  membersText: string;
  /** The rapporteur's name when they agreed to be named; otherwise a phrase saying it is withheld. */
  rapporteurText: string;
  sections: ReportSection[];
  summary: Block[];
}

/** One breakout round's "Praca w grupach" part (issue #17); a workshop with one round has one. */
export interface ReportRound {
  id: string;
  /** The round's title, or null for an untitled one. */
  title: string | null;
  heading: string;
  /** The part's opening paragraph (editable: `groups` for the first round, `round:<id>` for later ones). */
  intro: NarrativePartView;
  groups: ReportGroup[];
}

export interface ReportAgendaItem {
  id: string;
  startsAt: string;
  kindLabel: string;
  title: string;
  speakers: string[];
  /** The item's paragraph (null for breaks: they are on the programme, not in the story). */
  paragraph: NarrativePartView | null;
}

export interface ReportDay {
  heading: string;
  items: ReportAgendaItem[];
}

export interface AttendanceRow {
  /** `erased`: participants erased on request (issue #19), counted so the totals still add up. */
  key: OrgType | null | 'erased';
  label: string;
  counts: Record<Attendance, number>;
  total: number;
}

export interface RankedRecommendation {
  rank: number;
  text: string;
  votes: number;
  votesText: string | null;
  groupId: string | null;
  groupName: string | null;
}

/** A recommendation as the plenary consolidated it (the plenary doc's accessor gives these in final order). */
export interface ConsolidatedRecommendation {
  text: string;
  groupId: string | null;
  votes: number;
}

export interface ReportWords {
  heading: Record<'agenda' | 'program' | 'attendance' | 'groups' | 'summary' | 'recommendations' | 'closing', string>;
  field: Record<'rapporteur' | 'members' | 'generatedAt', string>;
  table: Record<
    'time' | 'item' | 'speakers' | 'orgType' | 'total' | 'rank' | 'recommendation' | 'group' | 'votes',
    string
  >;
  attendance: Record<Attendance, string>;
  noCards: string;
  noRecommendations: string;
  noAgenda: string;
}

export interface Report {
  locale: Locale;
  timeZone: string;
  words: ReportWords;
  title: string;
  /** Labelled header fields that have a value (date, venue, format, organiser), in order. */
  header: Array<[label: string, value: string]>;
  generatedAt: string;
  intro: NarrativePartView;
  days: ReportDay[];
  attendance: {
    total: number;
    paragraph: string;
    rows: AttendanceRow[];
    totals: Record<Attendance, number> & { total: number };
  };
  /** "Praca w grupach", one part per round that has something to report. */
  rounds: ReportRound[];
  recommendations: { source: 'plenary' | 'votes'; note: string; items: RankedRecommendation[] };
  closing: NarrativePartView;
}
