import type { Card } from '@warsztat/shared';
import { cardsBySection } from '@warsztat/shared';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/** Cards by section, re-read after every doc update (simple and fast enough for board sizes here). */
export function useCards(doc: Y.Doc): Map<string, Card[]> {
  const [cards, setCards] = useState(() => cardsBySection(doc));
  useEffect(() => {
    setCards(cardsBySection(doc));
    const onUpdate = () => setCards(cardsBySection(doc));
    doc.on('update', onUpdate);
    return () => doc.off('update', onUpdate);
  }, [doc]);
  return cards;
}
