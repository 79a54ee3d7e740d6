import { getCard, MAX_CARD_TEXT, setCardText } from '@warsztat/shared';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { transformCaret } from './caret';

interface Props {
  doc: Y.Doc;
  cardId: string;
  /** The card's text as last read from the doc. */
  text: string;
  autoFocus: boolean;
  onFocused: () => void;
}

/**
 * The card's textarea. The DOM element holds the local value (uncontrolled), every keystroke is
 * diffed into the Y.Text by `setCardText`, and a remote change is written back into the element
 * with the caret moved past it — so two people typing in one card both keep their words and
 * nobody's caret jumps. While an IME composition is open the element is left alone.
 */
export function CardText({ doc, cardId, text, autoFocus, onFocused }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const composing = useRef(false);

  const reconcile = () => {
    const el = ref.current;
    if (!el || composing.current) return;
    const latest = getCard(doc, cardId)?.text ?? text;
    if (el.value === latest) return;
    if (document.activeElement !== el) {
      el.value = latest;
      return;
    }
    const before = el.value;
    const start = transformCaret(before, latest, el.selectionStart);
    const end = transformCaret(before, latest, el.selectionEnd);
    el.value = latest;
    el.setSelectionRange(start, end);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: reconcile reads the latest text from the doc itself.
  useLayoutEffect(reconcile, [text]);

  useEffect(() => {
    if (autoFocus && ref.current) {
      ref.current.focus();
      onFocused();
    }
  }, [autoFocus, onFocused]);

  const commit = () => {
    const el = ref.current;
    if (el && !composing.current) setCardText(doc, cardId, el.value);
  };

  return (
    <textarea
      ref={ref}
      className="card-text"
      data-testid="card-text"
      aria-label={t('board.cardText')}
      defaultValue={text}
      maxLength={MAX_CARD_TEXT}
      rows={3}
      onInput={commit}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={() => {
        composing.current = false;
        commit();
        reconcile();
      }}
    />
  );
}
