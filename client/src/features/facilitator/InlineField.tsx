import { type InputHTMLAttributes, useEffect, useState } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onBlur' | 'onKeyDown'> & {
  /** The server's value; a change by another facilitator replaces the draft. */
  value: string;
  /** Called with the draft when it is left or Enter is pressed; false refuses it (the field reverts). */
  save: (draft: string) => boolean;
};

/**
 * A field edited in place (issue #20 point 6): it saves when left or on Enter, and Escape gives the
 * stored value back. Nothing is sent while typing, so a half-typed title never reaches the room.
 */
export function InlineField({ value, save, ...rest }: Props) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft === value) return;
    if (!save(draft)) setDraft(value);
  };
  return (
    <input
      {...rest}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(value);
      }}
    />
  );
}
