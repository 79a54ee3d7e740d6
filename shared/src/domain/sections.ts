import { DI_SECTIONS, type SectionTemplate } from './templates.js';

/**
 * Board sections a facilitator chooses (issue #17): the workshop's default and per-group overrides,
 * per breakout round. Bounds are shared so the console can say them before the server refuses.
 */
export const MIN_SECTIONS = 1;
export const MAX_SECTIONS = 8;
export const MAX_SECTION_LABEL_CHARS = 80;
export const MAX_SECTION_PROMPT_CHARS = 300;
/** Section ids are stored on every card (`sectionId`), so they stay short and URL-safe. */
export const SECTION_ID = /^[a-z0-9-]{1,32}$/;

/**
 * Where cards of a section no longer listed are shown and reported ("Inne"): they are kept, never
 * moved or deleted, because the facilitator may put the section back.
 */
export const OTHER_SECTION_LABEL = { pl: 'Inne', en: 'Other' } as const;

export const SECTION_PRESET_IDS = ['di', 'recommendations', 'problem-tree', 'swot', 'works'] as const;
export type SectionPresetId = (typeof SECTION_PRESET_IDS)[number];

export interface SectionPreset {
  id: SectionPresetId;
  label: { pl: string; en: string };
  sections: SectionTemplate[];
}

/** The console's presets; each section carries both languages so a board reads in either. */
export const SECTION_PRESETS: Record<SectionPresetId, SectionPreset> = {
  di: {
    id: 'di',
    label: { pl: 'Deinstytucjonalizacja (DI)', en: 'Deinstitutionalisation (DI)' },
    sections: DI_SECTIONS,
  },
  recommendations: {
    id: 'recommendations',
    label: { pl: 'Rekomendacje', en: 'Recommendations' },
    sections: [{ id: 'recommendations', label: { pl: 'Rekomendacje', en: 'Recommendations' } }],
  },
  'problem-tree': {
    id: 'problem-tree',
    label: { pl: 'Drzewo problemów', en: 'Problem tree' },
    sections: [
      { id: 'causes', label: { pl: 'Przyczyny', en: 'Causes' } },
      { id: 'problem', label: { pl: 'Problem', en: 'Problem' } },
      { id: 'effects', label: { pl: 'Skutki', en: 'Effects' } },
    ],
  },
  swot: {
    id: 'swot',
    label: { pl: 'SWOT', en: 'SWOT' },
    sections: [
      { id: 'strengths', label: { pl: 'Mocne strony', en: 'Strengths' } },
      { id: 'weaknesses', label: { pl: 'Słabe strony', en: 'Weaknesses' } },
      { id: 'opportunities', label: { pl: 'Szanse', en: 'Opportunities' } },
      { id: 'threats', label: { pl: 'Zagrożenia', en: 'Threats' } },
    ],
  },
  works: {
    id: 'works',
    label: { pl: 'Co działa / co nie działa / co zmienić', en: 'What works / what does not / what to change' },
    sections: [
      { id: 'works', label: { pl: 'Co działa', en: 'What works' } },
      { id: 'does-not-work', label: { pl: 'Co nie działa', en: 'What does not work' } },
      { id: 'to-change', label: { pl: 'Co zmienić', en: 'What to change' } },
    ],
  },
};
