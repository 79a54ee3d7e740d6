import type { Locale, SectionInput, SectionTemplate } from '@warsztat/shared';

/** One section as the console edits it: a label and a prompt in the workshop's language. */
export interface DraftSection {
  /** React key: stays while the label is edited. */
  key: string;
  id: string;
  label: string;
  prompt: string;
  /**
   * Both languages of a preset's or stored label. Sent as they are while the label is not edited,
   * so a preset reads in English on an English screen too; an edited label is one text for both.
   */
  original: { pl: string; en: string } | null;
}

/** Stored or preset sections as a draft in the workshop's language. */
export function draftOf(sections: readonly SectionTemplate[], locale: Locale): DraftSection[] {
  return sections.map((s) => ({
    key: s.id,
    id: s.id,
    label: s.label[locale],
    prompt: s.prompt ?? '',
    original: { ...s.label },
  }));
}

export function toCommandSections(draft: readonly DraftSection[], locale: Locale): SectionInput[] {
  return draft.map((s) => {
    const text = s.label.trim();
    const label = s.original && s.original[locale] === text ? s.original : text;
    const prompt = s.prompt.trim();
    return prompt ? { id: s.id, label, prompt } : { id: s.id, label };
  });
}

/** An id no section of the draft has (`section-2`, …): cards store it, so it must not clash. */
export function newSectionId(draft: readonly DraftSection[]): string {
  const taken = new Set(draft.map((s) => s.id));
  let n = draft.length + 1;
  while (taken.has(`section-${n}`)) n += 1;
  return `section-${n}`;
}

export function emptySection(draft: readonly DraftSection[]): DraftSection {
  const id = newSectionId(draft);
  return { key: id, id, label: '', prompt: '', original: null };
}
