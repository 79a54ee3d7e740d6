import type { Attendance } from './orgTypes.js';

export const TEMPLATE_IDS = ['di-5', 'di-5-online', 'org-types', 'blank'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** A board section; labels live in the template so boards written by any client stay self-describing. */
export interface SectionTemplate {
  id: string;
  label: { pl: string; en: string };
  /** A question under the heading (issue #17: set per section on the console); absent in templates. */
  prompt?: string | undefined;
}

export interface GroupTemplate {
  name: { pl: string; en: string };
  attendance: Attendance;
}

export interface WorkshopTemplate {
  id: TemplateId;
  groups: GroupTemplate[];
  sections: SectionTemplate[];
}

export const DI_SECTIONS: SectionTemplate[] = [
  { id: 'needs', label: { pl: 'Potrzeby', en: 'Needs' } },
  { id: 'resources', label: { pl: 'Zasoby i obecne usługi', en: 'Existing services and resources' } },
  { id: 'gaps', label: { pl: 'Luki i bariery', en: 'Gaps and barriers' } },
  { id: 'recommendations', label: { pl: 'Rekomendacje', en: 'Recommendations' } },
];

const DI_GROUPS: GroupTemplate[] = [
  { name: { pl: 'Seniorzy', en: 'Seniors' }, attendance: 'onsite' },
  {
    name: {
      pl: 'Dzieci i młodzież (rodziny biologiczne, zastępcze, adopcyjne)',
      en: 'Children and youth (biological, foster, adoptive families)',
    },
    attendance: 'onsite',
  },
  { name: { pl: 'Osoby w kryzysie bezdomności', en: 'People in homelessness crisis' }, attendance: 'onsite' },
  {
    name: { pl: 'Osoby z problemami zdrowia psychicznego', en: 'People with mental health problems' },
    attendance: 'onsite',
  },
  { name: { pl: 'Osoby z niepełnosprawnościami', en: 'People with disabilities' }, attendance: 'onsite' },
];

const ONLINE_GROUP: GroupTemplate = { name: { pl: 'Grupa online', en: 'Online group' }, attendance: 'online' };

export const TEMPLATES: Record<TemplateId, WorkshopTemplate> = {
  'di-5': { id: 'di-5', groups: DI_GROUPS, sections: DI_SECTIONS },
  'di-5-online': { id: 'di-5-online', groups: [...DI_GROUPS, ONLINE_GROUP], sections: DI_SECTIONS },
  'org-types': {
    id: 'org-types',
    groups: [
      {
        name: { pl: 'Centra Integracji Społecznej (CIS)', en: 'Social Integration Centres (CIS)' },
        attendance: 'onsite',
      },
      { name: { pl: 'Kluby Integracji Społecznej (KIS)', en: 'Social Integration Clubs (KIS)' }, attendance: 'onsite' },
      {
        name: { pl: 'Warsztaty Terapii Zajęciowej (WTZ)', en: 'Occupational Therapy Workshops (WTZ)' },
        attendance: 'onsite',
      },
      {
        name: { pl: 'Zakłady Aktywności Zawodowej (ZAZ)', en: 'Vocational Activity Establishments (ZAZ)' },
        attendance: 'onsite',
      },
    ],
    sections: DI_SECTIONS,
  },
  blank: {
    id: 'blank',
    groups: [{ name: { pl: 'Grupa 1', en: 'Group 1' }, attendance: 'onsite' }],
    sections: [{ id: 'notes', label: { pl: 'Notatki', en: 'Notes' } }],
  },
};
