import {
  deletePlenaryItem,
  type GroupView,
  listPlenaryItems,
  type PlenaryItem,
  shiftPlenaryItem,
} from '@warsztat/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Run } from '../useCommand';
import { PlenaryItemText } from './PlenaryItemText';

interface Props {
  doc: Y.Doc;
  items: readonly PlenaryItem[];
  groups: readonly GroupView[];
  totals: Readonly<Record<string, number>>;
  run: Run;
}

/**
 * The consolidated list in the report's order: each item's source, votes and text, moved up or
 * down by hand or removed. After a move the focus follows the item, onto the same arrow, or onto
 * the other one when the item reached an edge and the pressed arrow is gone.
 */
export function PlenaryItems({ doc, items, groups, totals, run }: Props) {
  const { t } = useTranslation();
  const [focus, setFocus] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!focus) return;
    list.current?.querySelector<HTMLElement>(`[data-focus-key="${focus}"]`)?.focus();
    setFocus(null);
  }, [focus]);

  const shift = (id: string, delta: -1 | 1) => {
    shiftPlenaryItem(doc, id, delta);
    const now = listPlenaryItems(doc);
    const at = now.findIndex((i) => i.id === id);
    const edge = at === 0 || at === now.length - 1;
    setFocus(`${id}:${edge ? -delta : delta}`);
  };
  const remove = (item: PlenaryItem) => {
    deletePlenaryItem(doc, item.id);
    // Its voters get their votes back.
    void run({ type: 'plenary', action: 'forget', itemId: item.id });
  };

  return (
    <ol className="plenary-items" aria-labelledby="plenary-list-heading" ref={list} data-testid="plenary-items">
      {items.map((item, index) => {
        const source = groups.find((g) => g.id === item.sourceGroupId)?.name;
        return (
          <li key={item.id} className="plenary-item" data-testid="plenary-item" data-item-id={item.id}>
            <div className="plenary-item-head">
              <span className="plenary-rank">{index + 1}.</span>
              <span className="muted small">{source ?? t('plenary.typedHere')}</span>
              <span className="tag" data-testid="plenary-votes">
                {t('projector.votes', { count: totals[item.id] ?? 0 })}
              </span>
            </div>
            <PlenaryItemText doc={doc} item={item} label={t('plenary.itemText', { n: index + 1 })} />
            <div className="control-row">
              {index > 0 && (
                <button
                  type="button"
                  className="button button--small"
                  data-focus-key={`${item.id}:-1`}
                  aria-label={t('plenary.moveUp', { n: index + 1 })}
                  onClick={() => shift(item.id, -1)}
                >
                  <span aria-hidden="true">↑</span>
                </button>
              )}
              {index < items.length - 1 && (
                <button
                  type="button"
                  className="button button--small"
                  data-focus-key={`${item.id}:1`}
                  data-testid="plenary-down"
                  aria-label={t('plenary.moveDown', { n: index + 1 })}
                  onClick={() => shift(item.id, 1)}
                >
                  <span aria-hidden="true">↓</span>
                </button>
              )}
              <button
                type="button"
                className="button button--small button--danger"
                aria-label={t('plenary.remove', { n: index + 1 })}
                onClick={() => remove(item)}
              >
                {t('plenary.removeShort')}
              </button>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
