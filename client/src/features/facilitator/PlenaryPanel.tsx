import {
  addPlenaryItem,
  type Card,
  cardsBySection,
  deletePlenaryItem,
  type GroupView,
  listPlenaryItems,
  MAX_PLENARY_BUDGET,
  type PlenaryItem,
  recommendationsSectionId,
  setPlenaryItemText,
  shiftPlenaryItem,
  sortPlenaryByVotes,
  type WorkshopState,
} from '@warsztat/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { CommandCheckbox } from '../../app/CommandCheckbox';
import { useBoardDoc } from '../../sync/useBoardDoc';
import { useDocSnapshot } from '../../sync/useDocSnapshot';
import type { Run } from './useCommand';
import '../../styles/plenary.css';

interface Props {
  workshop: WorkshopState;
  token: string;
  run: Run;
}

/** Each group's recommendation cards, read live for the "pull into plenary" list. */
const readRecommendationsOf = (sectionId: string | null) => (doc: Y.Doc) =>
  sectionId ? (cardsBySection(doc).get(sectionId) ?? []) : [];

/**
 * Plenary consolidation: the facilitator pulls recommendation cards from the group boards into the
 * plenary doc (source group and text kept, text editable), orders them by hand or by the room's
 * votes, and runs the vote (open, budget, reveal, clear). The order here is the report's order.
 */
export function PlenaryPanel(props: Props) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  // Before the groups have worked there is nothing to consolidate: the panel holds no sockets
  // (each one counts against the workshop's connection cap) until asked or until the work starts.
  const early = props.workshop.phase === 'draft' || props.workshop.phase === 'lobby';
  if (early && !shown) {
    return (
      <section className="card-panel plenary-panel" aria-labelledby="plenary-heading" data-testid="plenary-panel">
        <div className="panel-header">
          <h2 id="plenary-heading">{t('plenary.heading')}</h2>
        </div>
        <p className="muted small">{t('plenary.hint')}</p>
        <button type="button" className="button" data-testid="plenary-show" onClick={() => setShown(true)}>
          {t('plenary.show')}
        </button>
      </section>
    );
  }
  return <PlenaryContent {...props} />;
}

function PlenaryContent({ workshop, token, run }: Props) {
  const { t } = useTranslation();
  const plenary = useBoardDoc(workshop.plenary.docName, token);
  const { doc } = plenary;
  const [items, setItems] = useState<PlenaryItem[]>([]);
  useEffect(() => {
    const read = () => setItems(listPlenaryItems(doc));
    read();
    doc.on('update', read);
    return () => doc.off('update', read);
  }, [doc]);
  const totals = workshop.plenary.totals ?? {};
  const pulled = new Set(items.map((i) => i.sourceCardId).filter((id): id is string => id !== null));
  const sectionId = recommendationsSectionId(workshop.sections);
  const [draft, setDraft] = useState('');
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
    <section className="card-panel plenary-panel" aria-labelledby="plenary-heading" data-testid="plenary-panel">
      <div className="panel-header">
        <h2 id="plenary-heading">{t('plenary.heading')}</h2>
        <span className="muted small" data-testid="plenary-sync">
          {plenary.synced ? t('sync.live') : t('sync.connecting')}
        </span>
      </div>
      <p className="muted small">{t('plenary.hint')}</p>
      <div className="plenary-grid">
        <div>
          <h3>{t('plenary.fromGroups')}</h3>
          {workshop.groups.map((g) => (
            <GroupRecommendations
              key={g.id}
              group={g}
              token={token}
              sectionId={sectionId}
              pulled={pulled}
              onPull={(card) => addPlenaryItem(doc, { text: card.text, sourceGroupId: g.id, sourceCardId: card.id })}
            />
          ))}
        </div>
        <div>
          <h3 id="plenary-list-heading">{t('plenary.consolidated')}</h3>
          <VotingControls workshop={workshop} run={run} onSort={() => sortPlenaryByVotes(doc, totals)} />
          {items.length === 0 && <p className="muted">{t('plenary.empty')}</p>}
          <ol className="plenary-items" aria-labelledby="plenary-list-heading" ref={list} data-testid="plenary-items">
            {items.map((item, index) => {
              const source = workshop.groups.find((g) => g.id === item.sourceGroupId)?.name;
              return (
                <li key={item.id} className="plenary-item" data-testid="plenary-item" data-item-id={item.id}>
                  <div className="plenary-item-head">
                    <span className="plenary-rank">{index + 1}.</span>
                    <span className="muted small">{source ?? t('plenary.typedHere')}</span>
                    <span className="tag" data-testid="plenary-votes">
                      {t('projector.votes', { count: totals[item.id] ?? 0 })}
                    </span>
                  </div>
                  <ItemText doc={doc} item={item} label={t('plenary.itemText', { n: index + 1 })} />
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
          <form
            className="control-row"
            onSubmit={(e) => {
              e.preventDefault();
              if (!draft.trim()) return;
              addPlenaryItem(doc, { text: draft.trim(), sourceGroupId: null });
              setDraft('');
            }}
          >
            <label htmlFor="plenary-new" className="visually-hidden">
              {t('plenary.addOwn')}
            </label>
            <input
              id="plenary-new"
              data-testid="plenary-new"
              value={draft}
              placeholder={t('plenary.addOwn')}
              maxLength={2000}
              onChange={(e) => setDraft(e.target.value)}
            />
            <button type="submit" className="button">
              {t('plenary.add')}
            </button>
          </form>
        </div>
      </div>
    </section>
  );
}

function ItemText({ doc, item, label }: { doc: Y.Doc; item: PlenaryItem; label: string }) {
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

function GroupRecommendations({
  group,
  token,
  sectionId,
  pulled,
  onPull,
}: {
  group: GroupView;
  token: string;
  sectionId: string | null;
  pulled: ReadonlySet<string>;
  onPull: (card: Card) => void;
}) {
  const { t } = useTranslation();
  const [read] = useState(() => readRecommendationsOf(sectionId));
  const { value: cards } = useDocSnapshot(group.docName, token, read, false);
  return (
    <section className="plenary-source" data-testid="plenary-source" data-group-id={group.id}>
      <h4>{group.name}</h4>
      {cards.length === 0 ? (
        <p className="muted small">{t('projector.noCards')}</p>
      ) : (
        <ul className="plenary-source-cards">
          {cards.map((card) => {
            const done = pulled.has(card.id);
            return (
              <li key={card.id}>
                <span>{card.text || t('projector.emptyCard')}</span>
                <button
                  type="button"
                  className="button button--small"
                  data-testid="plenary-pull"
                  disabled={done || card.text.trim() === ''}
                  aria-label={done ? t('plenary.pulled') : t('plenary.pull', { text: card.text })}
                  onClick={() => onPull(card)}
                >
                  {done ? t('plenary.pulled') : t('plenary.pullShort')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function VotingControls({ workshop, run, onSort }: { workshop: WorkshopState; run: Run; onSort: () => void }) {
  const { t } = useTranslation();
  const { plenary } = workshop;
  const [budget, setBudget] = useState(String(plenary.budget));
  useEffect(() => setBudget(String(plenary.budget)), [plenary.budget]);
  const total = Object.values(plenary.totals ?? {}).reduce((a, b) => a + b, 0);
  return (
    <div className="voting-controls" data-testid="voting-controls">
      <p className="small" data-testid="voting-status">
        <strong>{plenary.votingOpen ? t('plenary.votingIsOpen') : t('plenary.votingClosed')}</strong>
      </p>
      <div className="control-row">
        <button
          type="button"
          className={`button${plenary.votingOpen ? '' : ' button--primary'}`}
          aria-pressed={plenary.votingOpen}
          data-testid="voting-toggle"
          onClick={() => void run({ type: 'plenary', action: 'settings', votingOpen: !plenary.votingOpen })}
        >
          {plenary.votingOpen ? t('plenary.closeVoting') : t('plenary.openVoting')}
        </button>
        <label className="checkbox-row">
          <CommandCheckbox
            data-testid="votes-revealed"
            checked={plenary.revealed}
            send={(next) => run({ type: 'plenary', action: 'settings', revealed: next })}
          />
          {t('plenary.reveal')}
        </label>
      </div>
      <div className="control-row">
        <label htmlFor="plenary-budget">{t('plenary.budget')}</label>
        <input
          id="plenary-budget"
          data-testid="plenary-budget"
          className="minutes-input"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_PLENARY_BUDGET}
          value={budget}
          onChange={(e) => setBudget(e.target.value)}
          onBlur={() => {
            const n = Math.round(Number(budget));
            if (Number.isFinite(n) && n >= 1 && n <= MAX_PLENARY_BUDGET && n !== plenary.budget) {
              void run({ type: 'plenary', action: 'settings', budget: n });
            } else setBudget(String(plenary.budget));
          }}
        />
        <span className="muted small" data-testid="votes-cast">
          {t('plenary.votesCast', { count: total })}
        </span>
      </div>
      <div className="control-row">
        <button type="button" className="button" data-testid="sort-by-votes" onClick={onSort}>
          {t('plenary.sortByVotes')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="clear-votes"
          disabled={total === 0}
          onClick={() => {
            if (window.confirm(t('plenary.confirmClear'))) void run({ type: 'plenary', action: 'clearVotes' });
          }}
        >
          {t('plenary.clearVotes')}
        </button>
      </div>
    </div>
  );
}
