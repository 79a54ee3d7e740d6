import { useTranslation } from 'react-i18next';
import '../../styles/rounds.css';
import { roundName } from './roundName';
import type { RoundBoard } from './roundState';

/**
 * Which round's board to show, as a row of toggle buttons (a plain list: a board below is the
 * panel, and arrows stay free for the board's own keys). The current round is marked in words.
 */
export function RoundTabs({
  boards,
  shown,
  onShow,
}: {
  boards: readonly RoundBoard[];
  shown: string | null;
  onShow: (docName: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="round-tabs" data-testid="round-tabs">
      <legend className="visually-hidden">{t('rounds.rounds')}</legend>
      {boards.map((b, i) => (
        <button
          key={b.docName}
          type="button"
          className="button button--small"
          aria-pressed={b.docName === shown}
          data-testid="round-tab"
          data-doc-name={b.docName}
          data-current={b.current}
          onClick={() => onShow(b.docName)}
        >
          {roundName(t, b.round?.n ?? i + 1, b.round?.title)}
          {b.current && ` ${t('rounds.currentMark')}`}
        </button>
      ))}
    </fieldset>
  );
}
