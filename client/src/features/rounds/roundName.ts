import type { TFunction } from 'i18next';

/**
 * "Runda 2: Rekomendacje", or "Runda 1" alone for a round without a title (the first round of a
 * workshop that never named it). With `count`: "Runda 2 z 3: …".
 */
export function roundName(t: TFunction, n: number, title: string | null | undefined, count?: number): string {
  const named = (title ?? '').trim() !== '';
  if (count === undefined) {
    return named ? t('rounds.roundTab', { n, title }) : t('rounds.roundUntitled', { n });
  }
  return named ? t('rounds.current', { n, count, title }) : t('rounds.currentUntitled', { n, count });
}
