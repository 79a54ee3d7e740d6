import { type PlenaryItem, setPlenaryItemText } from '@warsztat/shared';
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';

/** One consolidated item's text, edited in the plenary doc as the facilitator types. */
export function PlenaryItemText({ doc, item, label }: { doc: Y.Doc; item: PlenaryItem; label: string }) {
  // Local text while typing; the doc's text whenever it changes elsewhere and this field is idle.
  const [value, setValue] = useState(item.text);
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) setValue(item.text);
  }, [item.text]);
  return (
    <textarea
      className="plenary-text"
      aria-label={label}
      data-testid="plenary-text"
      rows={2}
      maxLength={2000}
      value={value}
      onFocus={() => {
        editing.current = true;
      }}
      onBlur={() => {
        editing.current = false;
        setValue(item.text);
      }}
      onChange={(e) => {
        setValue(e.target.value);
        setPlenaryItemText(doc, item.id, e.target.value);
      }}
    />
  );
}
