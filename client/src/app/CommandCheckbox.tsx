import { type InputHTMLAttributes, useState } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'checked' | 'onChange'> & {
  /** The stored value, from the server's state. */
  checked: boolean;
  /** Sends the command; resolves once the server answered (`false` when it refused). */
  send: (next: boolean) => Promise<unknown>;
};

/**
 * A checkbox whose truth is server state. A controlled input would snap back until the new state
 * arrives, so on a slow venue network a click looks ignored; this one shows the click at once and
 * hands back to the server's value when the command is answered (the state is sent before the
 * answer, so an accepted change never flickers; a refused one returns to the stored value).
 */
export function CommandCheckbox({ checked, send, ...rest }: Props) {
  const [pending, setPending] = useState<boolean | null>(null);
  return (
    <input
      {...rest}
      type="checkbox"
      checked={pending ?? checked}
      onChange={(e) => {
        const next = e.target.checked;
        setPending(next);
        void send(next).finally(() => setPending(null));
      }}
    />
  );
}
