import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
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
  /**
   * Participant boards fold the rarely used controls (undo/redo, text size, contrast and `menuExtra`)
   * into one "Więcej" menu, so a phone shows the cards in its first screen (issue #20 point 1).
   */
  menu?: boolean;
  menuExtra?: ReactNode;
}

/** Status, presence, votes left, undo/redo and display options, in one wrapping row. */
export function BoardToolbar({ board, undo, readOnly, voter, menu = false, menuExtra }: Props) {
  const { t } = useTranslation();
  const { settings } = useBoard();
  const used = useVotesUsed(voter);
  const budget = settings.voteBudget;
  const left = Math.max(0, budget - used);
  const tools = (
    <>
      {!readOnly && <UndoButtons undo={undo} />}
      <DisplayOptions />
    </>
  );
  return (
    <div className="board-toolbar">
      <SyncStatusBadge board={board} readOnly={readOnly} />
      <PresenceBar awareness={board.awareness} />
      {voter !== null && !readOnly && budget > 0 && settings.votingOpen && (
        <output className="votes-left" data-testid="votes-left" data-left={left}>
          {t('board.votesLeft', { left, budget })}
        </output>
      )}
      {voter !== null && !readOnly && budget > 0 && !settings.votingOpen && (
        <span className="tag" data-testid="voting-closed">
          {t('board.votingClosed')}
        </span>
      )}
      {settings.votesRevealed && <span className="tag">{t('board.votesRevealed')}</span>}
      <div className="board-toolbar-end">
        {menu ? (
          <BoardMenu>
            {menuExtra}
            {tools}
          </BoardMenu>
        ) : (
          tools
        )}
      </div>
    </div>
  );
}

function UndoButtons({ undo }: { undo: UndoState }) {
  const { t } = useTranslation();
  return (
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
  );
}

/** A disclosure button and its panel (not a role="menu": its content is ordinary buttons and text). */
function BoardMenu({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  // Escape closes the open menu from anywhere and gives focus back to its button.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <div className="board-menu">
      <button
        ref={toggle}
        type="button"
        className="button"
        data-testid="board-menu"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {t('board.more')}
        <span aria-hidden="true">{open ? ' ▴' : ' ▾'}</span>
      </button>
      <div id={panelId} className="board-menu-panel" data-testid="board-menu-panel" hidden={!open}>
        {children}
      </div>
    </div>
  );
}
