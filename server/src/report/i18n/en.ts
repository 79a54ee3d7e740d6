import { ORG_TYPE_LABELS } from '@warsztat/shared';
import type { ReportResources } from './pl.js';

/** The report in English: the same keys as Polish (the type checks it), plural forms `_one`/`_other`. */
type Resources<T> = { [K in keyof T]: T[K] extends string ? string : Resources<T[K]> };
type EnglishPlurals<T> = {
  [K in keyof T as K extends `${string}_${'few' | 'many'}` ? never : K]: T[K] extends string
    ? string
    : EnglishPlurals<T[K]>;
};

export const en: EnglishPlurals<Resources<ReportResources>> = {
  orgType: ORG_TYPE_LABELS.en,
  orgTypeMissing: 'Not given',
  /** Attendance row of participants erased on request (issue #19): counted, never named. */
  erasedParticipant: 'Participant erased',
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
    agenda: 'How the meeting went',
    program: 'Programme',
    attendance: 'Participants',
    groups: 'Group work',
    summary: "Rapporteur's summary",
    recommendations: 'Recommendations',
    closing: 'Closing',
  },
  field: {
    date: 'Date',
    venue: 'Venue',
    mode: 'Format',
    organiser: 'Organiser',
    rapporteur: 'Rapporteur',
    members: 'Members',
    generatedAt: 'Report generated',
  },
  table: {
    time: 'Time',
    item: 'Item',
    speakers: 'Led by',
    orgType: 'Organisation type',
    total: 'Total',
    rank: 'No.',
    recommendation: 'Recommendation',
    group: 'Group',
    votes: 'Votes',
  },
  day: 'Day {{n}}',
  dateWords: '{{date}}',
  noCards: 'No cards.',
  noRecommendations: 'The groups wrote no recommendations.',
  noAgenda: 'No agenda was recorded.',
  nameWithheld: 'chosen by the group (name withheld without consent)',
  noRapporteur: 'none chosen',
  members_one: '{{count}} person',
  members_other: '{{count}} people',
  votes_one: '{{count}} vote',
  votes_other: '{{count}} votes',
  recommendationsOrder: {
    plenary: 'In the order the participants agreed in plenary.',
    votes: "By the votes cast on the groups' boards (ties in group order).",
  },
  intro: {
    dated: '{{when}}, the meeting {{title}} took place{{mode}}{{venue}}{{organiser}}.',
    undated: 'The meeting {{title}} took place{{mode}}{{venue}}{{organiser}}.',
    oneDay: 'On {{date}}',
    days: 'On {{range}}',
    mode: { onsite: '', online: ' online', hybrid: ' in hybrid form (on site and online)' },
    venue: ' ({{venue}})',
    organiser: ', organised by {{organiser}}',
  },
  item: {
    sentence: '{{connector}}, at {{at}}, {{phrase}}{{title}}{{speakers}}.',
    title: ': {{title}}',
    topic: ' on {{title}}',
    duration: ' ({{minutes}} min)',
    speakers: ' ({{list}})',
    connector: {
      first: 'To open the meeting',
      next1: 'Next',
      next2: 'After that',
      next3: 'In the following part of the meeting',
      last: 'To close',
    },
    phrase: {
      welcome: 'participants were welcomed and the topic and aims of the meeting were presented',
      presentation: 'a presentation was given',
      panel: 'a panel discussion took place',
      breakout: 'participants worked in workshop groups',
      plenary: 'a plenary session took place',
      discussion: 'a discussion took place',
      'study-visit': 'a study visit took place',
      break: 'there was a break ({{minutes}} min)',
      summary: 'the talks and the results of the work were summed up',
    },
    presented:
      "After the group work, a representative of each group presented the group's output to the other participants.",
  },
  groups: {
    split_one: 'Participants worked in one group: {{list}}.',
    split_other: 'Participants were divided into {{count}} groups: {{list}}.',
    sections: 'Each group worked out, workshop-style: {{list}}.',
    none: 'Participants did not work in groups.',
  },
  people: {
    count_one: '{{count}} person took part in the meeting',
    count_other: '{{count}} people took part in the meeting',
    split: ' ({{onsite}} on site, {{online}} online)',
    end: '.',
    byType: 'Organisation types represented: {{list}}.',
    named: 'Participants who agreed to be named in the report: {{list}}.',
    othersUnnamed: 'The other participants did not agree to be named.',
    noneNamed: 'The report names no participants: nobody agreed to be named.',
  },
  closing: {
    plenary_one: 'In plenary, the participants agreed on {{count}} recommendation.',
    plenary_other: 'In plenary, the participants agreed on {{count}} recommendations and their order.',
    votes_one: 'The groups formulated {{count}} recommendation.',
    votes_other: "The groups formulated {{count}} recommendations in all, ranked by the participants' votes.",
    thanks: 'We warmly thank all participants for taking part in the meeting.',
  },
  fromGroup: 'group {{name}}',
};
