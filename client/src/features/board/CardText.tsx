import { getCard, MAX_CARD_TEXT, setCardText } from '@warsztat/shared';
import { type KeyboardEvent, useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoard } from './boardContext';
import { rebaseEdit, transformCaret } from './caret';
import { setEditing } from './presence';

interface Props {
  cardId: string;
  /** The card's text as last read from the doc (initial value; later changes come from the doc). */
  text: string;
  autoFocus: boolean;
  onFocused: () => void;
  onKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  /** Accessible name, e.g. "Card 3 of 12 in Needs". */
  label: string;
}

/**
 * The card's textarea, uncontrolled: the element holds the local value and `base` remembers the
 * text it last agreed on with the doc.
 * - Local input: the edit `base → element` is written with `setCardText` (which diffs), rebased
 *   first if the doc moved on meanwhile (only possible after an IME composition).
 * - Remote change: applied to the element synchronously by this card's store subscription (fired
 *   at the end of the transaction that touched this card, and only for it) — not on
 *   the next React render, because a keystroke landing between the update and that render would
 *   diff a stale element against the new doc and erase the other person's words — with the caret
 *   moved past the change.
 * While an IME composition is open the element is left alone.
 */
export function CardText({ cardId, text, autoFocus, onFocused, onKeyDown, label }: Props) {
  const { t } = useTranslation();
  const { doc, store, act, awareness } = useBoard();
  const ref = useRef<HTMLTextAreaElement>(null);
  const composing = useRef(false);
  const base = useRef(text);

  const commit = () => {
    const el = ref.current;
    if (!el || composing.current) return;
    const remote = getCard(doc, cardId)?.text;
    if (remote === undefined) return;
    if (remote !== base.current) {
      const merged = rebaseEdit(base.current, el.value, remote);
      el.value = merged.text;
      el.setSelectionRange(merged.caret, merged.caret);
    }
    base.current = el.value;
    const value = el.value;
    act(() => setCardText(doc, cardId, value));
  };

  const pull = () => {
    const el = ref.current;
    if (!el || composing.current) return;
    const remote = getCard(doc, cardId)?.text;
    if (remote === undefined || remote === base.current) return;
    if (el.value !== base.current) {
      commit();
      return;
    }
    if (document.activeElement === el) {
      const start = transformCaret(el.value, remote, el.selectionStart);
      const end = transformCaret(el.value, remote, el.selectionEnd);
      el.value = remote;
      el.setSelectionRange(start, end);
    } else {
      el.value = remote;
    }
    base.current = remote;
  };
  const pullRef = useRef(pull);
  pullRef.current = pull;

  useEffect(() => store.subscribeCard(cardId, () => pullRef.current()), [store, cardId]);

  // A safety net when the card re-renders with new text; normally `pull` has already run. `text`
  // is only the trigger: the value is read from the doc.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `text` is the trigger, not an input
  useLayoutEffect(() => pullRef.current(), [text]);

  useEffect(() => {
    if (autoFocus && ref.current) {
      ref.current.focus();
      onFocused();
    }
  }, [autoFocus, onFocused]);

  return (
    <textarea
      ref={ref}
      className="card-text"
      data-testid="card-text"
      aria-label={label || t('board.cardText')}
      defaultValue={text}
      maxLength={MAX_CARD_TEXT}
      rows={3}
      onInput={commit}
      onKeyDown={onKeyDown}
      onFocus={() => setEditing(awareness, cardId)}
      onBlur={() => setEditing(awareness, null)}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={() => {
        composing.current = false;
        commit();
      }}
    />
  );
}
