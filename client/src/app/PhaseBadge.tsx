import type { Phase } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';

export function PhaseBadge({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  return (
    <span className={`phase phase--${phase}`} data-testid="phase" data-phase={phase}>
      <span className="visually-hidden">{t('phase.label')}: </span>
      {t(`phase.${phase}`)}
    </span>
  );
}
