import { listPlenaryItems, type PlenaryItem } from '@warsztat/shared';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/** The plenary doc's items in their order, read again on every change of the doc. */
export function usePlenaryItems(doc: Y.Doc): PlenaryItem[] {
  const [items, setItems] = useState<PlenaryItem[]>([]);
  useEffect(() => {
    const read = () => setItems(listPlenaryItems(doc));
    read();
    doc.on('update', read);
    return () => doc.off('update', read);
  }, [doc]);
  return items;
}
