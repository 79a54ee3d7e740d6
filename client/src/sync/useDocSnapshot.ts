import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { useBoardDoc } from './useBoardDoc';

/** Re-reads at most this often while a group types: enough for a wall, cheap for five boards. */
const READ_EVERY_MS = 300;

/**
 * A doc read as a plain value (projector, console lists, the participant's vote): `read(doc)`
 * after each remote change (throttled), and no re-read while `frozen` (WCAG 2.2.2), so the screen
 * stays still until the facilitator lets it move again. A projector opened (or reloaded) while
 * frozen still takes the server's state once, so a freeze never holds an empty board.
 * Readers keep a copy on the device too, so a projector or console reloaded with no network still
 * shows the boards as last seen; they never write, so the copy only ever holds the server's state.
 * `held` is true while frozen once a change has arrived and was not shown (as the projector's
 * `data-held` for the workshop state), so "frozen and unchanged" can be told from "nothing came".
 */
export function useDocSnapshot<T>(docName: string, token: string, read: (doc: Y.Doc) => T, frozen: boolean) {
  const board = useBoardDoc(docName, token, true);
  const { doc, synced } = board;
  const [value, setValue] = useState<T>(() => read(doc));
  const [held, setHeld] = useState(false);
  const frozenNow = useRef(frozen);
  frozenNow.current = frozen;
  const syncedNow = useRef(synced);
  syncedNow.current = synced;
  // This doc has been read with the server's state in it; from then on a freeze holds.
  const loaded = useRef(false);
  // Declared first so it runs first: a new doc (another board) has not been read yet.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the doc changes, by design
  useEffect(() => {
    loaded.current = false;
  }, [doc]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a freeze lifted or a first sync re-reads at once
  useEffect(() => {
    let timer: number | null = null;
    const refresh = (changed: boolean) => {
      timer = null;
      if (frozenNow.current && loaded.current) {
        if (changed) setHeld(true);
        return;
      }
      setValue(read(doc));
      setHeld(false);
      if (syncedNow.current) loaded.current = true;
    };
    refresh(false);
    const onUpdate = () => {
      if (timer === null) timer = window.setTimeout(() => refresh(true), READ_EVERY_MS);
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      if (timer !== null) window.clearTimeout(timer);
    };
  }, [doc, read, frozen, synced]);
  return { value, held, synced, refused: board.refused };
}
