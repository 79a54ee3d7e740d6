import {
  type AgendaKind,
  type Attendance,
  type Locale,
  type Mode,
  ORG_TYPE_LABELS,
  type OrgType,
} from '@warsztat/shared';

/**
 * The words a report needs, in Polish and English. Organisation types come from shared/ (the
 * same labels as the UI); the rest is the report's own wording (headings, past-tense sentences)
 * rather than UI labels.
 */
export interface ReportLabels {
  orgType: Record<OrgType, string>;
  orgTypeMissing: string;
  attendance: Record<Attendance, string>;
  mode: Record<Mode, string>;
  kind: Record<AgendaKind, string>;
  heading: {
    report: string;
    agenda: string;
    attendance: string;
    byOrgType: string;
    byAttendance: string;
    groups: string;
    summary: string;
    recommendations: string;
  };
  field: { date: string; venue: string; mode: string; organiser: string; rapporteur: string; total: string };
  day: (n: number) => string;
  noCards: string;
  noRecommendations: string;
  noAgenda: string;
  noRapporteur: string;
  /** "3 głosy" / "3 votes": Polish has three plural forms. */
  votes: (n: number) => string;
  /** Names are left out until participants can give consent (see buildReport). */
  namesNote: string;
  /** What an agenda item was, as the predicate of a past-tense sentence. */
  phrase: (kind: AgendaKind, minutes: number) => string;
  /** One sentence per agenda item: `at` is "HH:MM", `title` already quoted (null: the phrase says it all). */
  sentence: (at: string, phrase: string, title: string | null) => string;
  speakers: (list: string) => string;
  lead: (title: string, date: string | null, organiser: string | null) => string;
  fromGroup: string;
}

const plPlural = new Intl.PluralRules('pl');

export const LABELS: Record<Locale, ReportLabels> = {
  pl: {
    orgType: ORG_TYPE_LABELS.pl,
    orgTypeMissing: 'Nie podano',
    attendance: { onsite: 'Na miejscu', online: 'Online' },
    mode: { onsite: 'Stacjonarnie', online: 'Online', hybrid: 'Hybrydowo' },
    kind: {
      welcome: 'Powitanie',
      presentation: 'Prezentacja',
      panel: 'Panel',
      breakout: 'Praca w grupach',
      plenary: 'Sesja plenarna',
      discussion: 'Dyskusja',
      'study-visit': 'Wizyta studyjna',
      break: 'Przerwa',
      summary: 'Podsumowanie',
    },
    heading: {
      report: 'Raport z warsztatu',
      agenda: 'Przebieg spotkania',
      attendance: 'Uczestnicy',
      byOrgType: 'Według typu organizacji',
      byAttendance: 'Według formy udziału',
      groups: 'Wyniki pracy w grupach',
      summary: 'Podsumowanie sprawozdawcy',
      recommendations: 'Rekomendacje według liczby głosów',
    },
    field: {
      date: 'Data',
      venue: 'Miejsce',
      mode: 'Forma',
      organiser: 'Organizator',
      rapporteur: 'Sprawozdawca',
      total: 'Razem',
    },
    day: (n) => `Dzień ${n}`,
    noCards: 'Brak kart.',
    noRecommendations: 'Grupy nie zapisały rekomendacji.',
    noAgenda: 'Nie zapisano programu spotkania.',
    noRapporteur: 'nie wybrano',
    votes: (n) => {
      const form = plPlural.select(n);
      return `${n} ${form === 'one' ? 'głos' : form === 'few' ? 'głosy' : 'głosów'}`;
    },
    namesNote: 'Raport nie zawiera nazwisk uczestników.',
    phrase: (kind, minutes) => {
      switch (kind) {
        case 'welcome':
          return 'spotkanie rozpoczęło się powitaniem';
        case 'presentation':
          return 'przedstawiono prezentację';
        case 'panel':
          return 'odbył się panel dyskusyjny';
        case 'breakout':
          return `uczestnicy pracowali w grupach (${minutes} min)`;
        case 'plenary':
          return 'odbyła się sesja plenarna';
        case 'discussion':
          return 'odbyła się dyskusja';
        case 'study-visit':
          return 'odbyła się wizyta studyjna';
        case 'break':
          return `nastąpiła przerwa (${minutes} min)`;
        case 'summary':
          return 'nastąpiło podsumowanie';
      }
    },
    sentence: (at, phrase, title) => `O godz. ${at} ${phrase}${title ? `: ${title}` : ''}.`,
    speakers: (list) => `Prowadzenie: ${list}.`,
    lead: (title, date, organiser) =>
      `${date ? `W dniu ${date} r. odbyło się` : 'Odbyło się'} spotkanie ${title}${organiser ? `, zorganizowane przez: ${organiser}` : ''}.`,
    fromGroup: 'grupa',
  },
  en: {
    orgType: ORG_TYPE_LABELS.en,
    orgTypeMissing: 'Not given',
    attendance: { onsite: 'On site', online: 'Online' },
    mode: { onsite: 'On site', online: 'Online', hybrid: 'Hybrid' },
    kind: {
      welcome: 'Welcome',
      presentation: 'Presentation',
      panel: 'Panel',
      breakout: 'Group work',
      plenary: 'Plenary',
      discussion: 'Discussion',
      'study-visit': 'Study visit',
      break: 'Break',
      summary: 'Summary',
    },
    heading: {
      report: 'Workshop report',
      agenda: 'How the meeting went',
      attendance: 'Participants',
      byOrgType: 'By organisation type',
      byAttendance: 'By attendance',
      groups: 'Group work',
      summary: "Rapporteur's summary",
      recommendations: 'Recommendations by votes',
    },
    field: {
      date: 'Date',
      venue: 'Venue',
      mode: 'Format',
      organiser: 'Organiser',
      rapporteur: 'Rapporteur',
      total: 'Total',
    },
    day: (n) => `Day ${n}`,
    noCards: 'No cards.',
    noRecommendations: 'The groups wrote no recommendations.',
    noAgenda: 'No agenda was recorded.',
    noRapporteur: 'none chosen',
    votes: (n) => `${n} ${n === 1 ? 'vote' : 'votes'}`,
    namesNote: "The report does not list participants' names.",
    phrase: (kind, minutes) => {
      switch (kind) {
        case 'welcome':
          return 'the meeting opened with a welcome';
        case 'presentation':
          return 'a presentation was given';
        case 'panel':
          return 'a panel discussion took place';
        case 'breakout':
          return `participants worked in groups (${minutes} min)`;
        case 'plenary':
          return 'a plenary session took place';
        case 'discussion':
          return 'a discussion took place';
        case 'study-visit':
          return 'a study visit took place';
        case 'break':
          return `there was a break (${minutes} min)`;
        case 'summary':
          return 'the meeting was summed up';
      }
    },
    sentence: (at, phrase, title) => `At ${at} ${phrase}${title ? `: ${title}` : ''}.`,
    speakers: (list) => `Led by ${list}.`,
    lead: (title, date, organiser) =>
      `${date ? `On ${date}, the` : 'The'} meeting ${title} took place${organiser ? `, organised by ${organiser}` : ''}.`,
    fromGroup: 'group',
  },
};

/** Titles in running text are quoted the way each language quotes. */
export function quote(locale: Locale, text: string): string {
  return locale === 'pl' ? `„${text}”` : `“${text}”`;
}
