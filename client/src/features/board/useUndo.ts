import { createCardsUndoManager, deleteCard as deleteCardIn } from '@warsztat/shared';
import { type KeyboardEvent, useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';

/** How long the "card deleted — undo" offer stays on screen. */
export const DELETE_UNDO_MS = 10_000;

export interface UndoState {
  manager: Y.UndoManager | null;
  canUndo: boolean;
  canRedo: boolean;
  undo: () => void;
  redo: () => void;
  /** The card just deleted, while its undo offer stands. */
  deleted: { cardId: string; item: unknown } | null;
  deleteCard: (cardId: string) => void;
  undoDelete: () => void;
  dismissDelete: () => void;
  /** Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z and Ctrl+Y for the board (not inside the summary editor, which has its own). */
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

/**
 * Undo and redo of this person's own card changes (Y.UndoManager tracking only the local origin,
 * so a colleague's words are never taken back), plus a delete that can be undone from a toast.
 */
export function useUndo(doc: Y.Doc, origin: object, enabled: boolean): UndoState {
  // Made in an effect, not a memo: React may mount twice, and a destroyed manager cannot restart.
  const [manager, setManager] = useState<Y.UndoManager | null>(null);
  const [stacks, setStacks] = useState({ canUndo: false, canRedo: false });
  const [deleted, setDeleted] = useState<UndoState['deleted']>(null);

  useEffect(() => {
    if (!enabled) return;
    const made = createCardsUndoManager(doc, origin);
    const onChange = () => setStacks({ canUndo: made.canUndo(), canRedo: made.canRedo() });
    made.on('stack-item-added', onChange);
    made.on('stack-item-popped', onChange);
    made.on('stack-cleared', onChange);
    setManager(made);
    return () => {
      made.destroy();
      setManager(null);
      setStacks({ canUndo: false, canRedo: false });
    };
  }, [doc, origin, enabled]);

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), DELETE_UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted]);

  const undo = useCallback(() => manager?.undo(), [manager]);
  const redo = useCallback(() => manager?.redo(), [manager]);

  const deleteCard = useCallback(
    (cardId: string) => {
      // The delete is its own undo step, never merged with typing just before it.
      manager?.stopCapturing();
      doc.transact(() => deleteCardIn(doc, cardId), origin);
      manager?.stopCapturing();
      setDeleted({ cardId, item: manager?.undoStack.at(-1) ?? null });
    },
    [doc, origin, manager],
  );

  const undoDelete = useCallback(() => {
    // Only while the delete is still the latest own change: otherwise undo would take back something else.
    if (manager && deleted && manager.undoStack.at(-1) === deleted.item) manager.undo();
    setDeleted(null);
  }, [manager, deleted]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (!manager || !(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (event.target instanceof HTMLElement && event.target.closest('.summary-editor')) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        manager.undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        manager.redo();
      }
    },
    [manager],
  );

  return {
    manager,
    ...stacks,
    undo,
    redo,
    deleted,
    deleteCard,
    undoDelete,
    dismissDelete: () => setDeleted(null),
    onKeyDown,
  };
}
