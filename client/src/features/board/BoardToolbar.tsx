import { useTranslation } from 'react-i18next';
import type { BoardDoc } from '../../sync/useBoardDoc';
import { useBoard, useVotesUsed } from './boardContext';
import { DisplayOptions } from './DisplayOptions';
import { PresenceBar } from './PresenceBar';
import { SyncStatusBadge } from './SyncStatusBadge';
import type { UndoState } from './useUndo';

interface Props {
  board: BoardDoc;
  undo: UndoState;
  readOnly: boolean;
  /** Participant id of a voter; null for facilitators and the projector. */
  voter: string | null;
}

/** Status, presence, votes left, undo/redo and display options, in one wrapping row. */
export function BoardToolbar({ board, undo, readOnly, voter }: Props) {
  const { t } = useTranslation();
  const { settings } = useBoard();
  const used = useVotesUsed(voter);
  const budget = settings.voteBudget;
  const left = Math.max(0, budget - used);
  return (
    <div className="board-toolbar">
      <SyncStatusBadge board={board} readOnly={readOnly} />
      <PresenceBar awareness={board.awareness} />
      {voter !== null && !readOnly && budget > 0 && (
        <output className="votes-left" data-testid="votes-left" data-left={left}>
          {t('board.votesLeft', { left, budget })}
        </output>
      )}
      {settings.votesRevealed && <span className="tag">{t('board.votesRevealed')}</span>}
      <div className="board-toolbar-end">
        {!readOnly && (
          <div className="undo-buttons">
            <button
              type="button"
              className="button button--small"
              data-testid="undo"
              aria-disabled={!undo.canUndo}
              title={t('board.undoHint')}
              onClick={undo.undo}
            >
              <span aria-hidden="true">↶ </span>
              {t('board.undo')}
            </button>
            <button
              type="button"
              className="button button--small"
              data-testid="redo"
              aria-disabled={!undo.canRedo}
              title={t('board.redoHint')}
              onClick={undo.redo}
            >
              <span aria-hidden="true">↷ </span>
              {t('board.redo')}
            </button>
          </div>
        )}
        <DisplayOptions />
      </div>
    </div>
  );
}
