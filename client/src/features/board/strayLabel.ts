import type { Locale, SectionTemplate } from '@warsztat/shared';
import type { TFunction } from 'i18next';

/**
 * The heading of cards whose section is no longer listed (issue #17): "Inne", or "Inne: Potrzeby"
 * when the section's former label is known. Named, because after a change of sections a board may
 * hold several such groups of cards, and two regions both called "Inne" could not be told apart
 * (nor by a screen reader's landmark list). Unknown ones with company are told apart by their id.
 */
export function strayLabel(
  id: string,
  former: readonly SectionTemplate[],
  strays: number,
  locale: Locale,
  t: TFunction,
): string {
  const label = former.find((s) => s.id === id)?.label[locale];
  if (label) return t('board.otherSectionOf', { name: label });
  return strays > 1 ? t('board.otherSectionOf', { name: id }) : t('board.otherSection');
}
