import { useTranslation } from 'react-i18next';

/**
 * "Poprzednia strona / Następna strona" of the projector, for the facilitator's console and the
 * presenting rapporteur's phone (issue #20 point 3): while a group presents, pages turn when the
 * person speaking says so. `turn` sends the command; the projector wraps past its last page.
 */
export function PageTurner({ page, turn }: { page: number; turn: (step: 1 | -1) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="page-turner" data-testid="page-turner">
      <legend>{t('projector.pagesLegend', { page: page + 1 })}</legend>
      <div className="control-row">
        <button
          type="button"
          className="button"
          data-testid="page-previous"
          aria-disabled={page === 0}
          onClick={() => page > 0 && turn(-1)}
        >
          <span aria-hidden="true">◀ </span>
          {t('projector.pagePrevious')}
        </button>
        <button type="button" className="button" data-testid="page-next" onClick={() => turn(1)}>
          {t('projector.pageNext')}
          <span aria-hidden="true"> ▶</span>
        </button>
      </div>
    </fieldset>
  );
}
