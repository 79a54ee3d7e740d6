import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { useBoardDoc } from './useBoardDoc';

/** Re-reads at most this often while a group types: enough for a wall, cheap for five boards. */
const READ_EVERY_MS = 300;

/**
 * A doc read as a plain value (projector, console lists, the participant's vote): `read(doc)` after each remote change
 * (throttled), and no re-read at all while `frozen` (WCAG 2.2.2), so the screen stays still until
 * the facilitator lets it move again. No offline copy: the projector never writes.
 */
export function useDocSnapshot<T>(docName: string, token: string, read: (doc: Y.Doc) => T, frozen: boolean) {
  const board = useBoardDoc(docName, token, false);
  const { doc } = board;
  const [value, setValue] = useState<T>(() => read(doc));
  useEffect(() => {
    if (frozen) return;
    let timer: number | null = null;
    const refresh = () => {
      timer = null;
      setValue(read(doc));
    };
    refresh();
    const onUpdate = () => {
      if (timer === null) timer = window.setTimeout(refresh, READ_EVERY_MS);
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      if (timer !== null) window.clearTimeout(timer);
    };
  }, [doc, read, frozen]);
  return { value, synced: board.synced, refused: board.refused };
}
