import { DndContext } from '@dnd-kit/core';
import type { BoardSettings, SectionTemplate } from '@warsztat/shared';
import { addCard, BoardStore, DEFAULT_BOARD_SETTINGS } from '@warsztat/shared';
import {
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { useControlStore } from '../../stores/controlStore';
import { useBoardDoc } from '../../sync/useBoardDoc';
import './board.css';
import { BoardSection } from './BoardSection';
import { BoardToolbar } from './BoardToolbar';
import { type BoardApi, BoardContext, type BoardLabels } from './boardContext';
import { createCardEditing } from './cardEditing';
import { colorFor, setLocalUser } from './presence';
import { SummaryReader } from './SummaryReader';
import { strayLabel } from './strayLabel';
import { useBoardDnd } from './useBoardDnd';
import { useUndo } from './useUndo';

// TipTap is the heaviest dependency: it loads only when someone who may write the summary starts
// to (focuses it); until then, and for everyone else, SummaryReader shows it.
const SummaryEditor = lazy(() => import('./SummaryEditor').then((m) => ({ default: m.SummaryEditor })));

interface Props {
  docName: string;
  token: string;
  sections: SectionTemplate[];
  /** No controls at all; the server enforces it too. */
  readOnly?: boolean;
  /** Projector variant: large type. */
  large?: boolean;
  /** Written into new cards as `authorId`; also who votes (null: not a voter, e.g. a facilitator). */
  authorId?: string | null;
  /** Group name, used for the board's accessible label. */
  title?: string;
  /** Facilitator's board settings for this group (vote budget, visibility, lock). */
  settings?: BoardSettings | undefined;
  /** The facilitator's question for this group, shown on top. */
  prompt?: string | undefined;
  /** Shown to the others on this board (presence). */
  userName?: string | null;
  /** Level of the section headings under the page's own (default 2: right under the h1). */
  headingLevel?: 2 | 3 | 4;
  /** May write the rapporteur summary. */
  canEditSummary?: boolean;
  /** Who may write the summary, in words (issue #20 point 9), shown under it. */
  summaryWriters?: string | undefined;
  /** Sections this board may have had before (other rounds, presets): names cards left under "Inne". */
  formerSections?: SectionTemplate[] | undefined;
  /** Participant boards: rarely used controls go into one menu, with these extra ones on top. */
  menuExtra?: ReactNode;
}

/** A group's board: one column per section (stacked on phones), live over Yjs. */
export function Board(props: Props) {
  const { docName, token, sections, large = false, authorId = null, title } = props;
  const settings = props.settings ?? DEFAULT_BOARD_SETTINGS;
  const headingLevel = props.headingLevel ?? 2;
  const { t, i18n } = useTranslation();
  const locale = currentLocale();
  // Every screen keeps an offline copy (the projector's only ever holds the server's state), so a
  // reload with no network still shows the board.
  const board = useBoardDoc(docName, token);
  const { doc, origin, awareness } = board;
  // The server dropped an edit (issue #17: a new round, a lock): say so and offer no more edits
  // until the server sends a new state that leaves this board writable (if it still refuses, the
  // next edit is refused and said again at once).
  const readOnly = (props.readOnly ?? false) || board.writeRefused;
  const { forgetWriteRefusal } = board;
  const stateSeen = useControlStore((s) => s.workshop);
  // biome-ignore lint/correctness/useExhaustiveDependencies: every new state from the server re-offers edits
  useEffect(() => {
    if (!props.readOnly) forgetWriteRefusal();
  }, [props.readOnly, forgetWriteRefusal, stateSeen]);
  const store = useMemo(() => new BoardStore(doc), [doc]);
  useEffect(() => store.connect(), [store]);
  const undo = useUndo(doc, origin, !readOnly);
  const editing = useMemo(() => createCardEditing(), []);
  const openCard = editing.getState().openAndFocus;
  const [message, setMessage] = useState('');
  const canEditSummary = !readOnly && (props.canEditSummary ?? false);
  // TipTap loads the first time the summary gets focus, and stays for the rest of the visit.
  const [editingSummary, setEditingSummary] = useState(false);
  // After a delete the card's own buttons are gone: focus goes to the undo offer, not to <body>.
  const undoButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (undo.deleted) undoButton.current?.focus();
  }, [undo.deleted]);

  useEffect(() => {
    if (readOnly || !props.userName) return;
    setLocalUser(awareness, props.userName, colorFor(authorId ?? props.userName));
  }, [awareness, props.userName, authorId, readOnly]);

  const act = useCallback(<T,>(write: () => T): T => doc.transact(write, origin) as T, [doc, origin]);
  const sectionLabel = useCallback(
    (id: string) => sections.find((s) => s.id === id)?.label[locale] ?? t('board.otherSection'),
    [sections, locale, t],
  );
  const dnd = useBoardDnd(doc, store, act, sectionLabel, openCard);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `locale` is the trigger (t reads it)
  const labels: BoardLabels = useMemo(() => {
    const slot = '\u0000';
    const openCard = t('board.openCard', { label: slot });
    const editing = t('board.editing', { names: slot });
    return {
      facilitator: t('boardSettings.facilitatorName'),
      openCardHint: t('board.openCardHint'),
      emptyCard: t('board.emptyCard'),
      openCard: (label) => openCard.replace(slot, label),
      editing: (names) => editing.replace(slot, names),
    };
  }, [t, locale]);

  const api: BoardApi = useMemo(
    () => ({
      doc,
      store,
      awareness,
      undo: undo.manager,
      act,
      sections,
      readOnly,
      participantId: authorId,
      settings,
      // A facilitator at the console sees totals early; the projector only once revealed, like the room.
      showTotals: settings.votesRevealed || (authorId === null && !readOnly),
      large,
      headingLevel,
      editing,
      deleteCard: undo.deleteCard,
      addCard: (sectionId) => openCard(act(() => addCard(doc, { sectionId, authorId }))),
      notify: setMessage,
      labels,
    }),
    [
      doc,
      store,
      awareness,
      undo.manager,
      undo.deleteCard,
      act,
      sections,
      readOnly,
      authorId,
      settings,
      large,
      headingLevel,
      editing,
      openCard,
      labels,
    ],
  );

  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(''), 5_000);
    return () => clearTimeout(timer);
  }, [message]);

  const known = new Set(sections.map((s) => s.id));
  const withCards = useSyncExternalStore(store.subscribe, () => store.sections());
  const strays = withCards.filter((id) => !known.has(id));
  const prompt = props.prompt?.trim() || null;
  const hint = (sectionId: string) => {
    const key = `boardHints.${sectionId}`;
    return !prompt && i18n.exists(key) ? (t(key as 'boardHints.needs') as string) : null;
  };

  return (
    <BoardContext.Provider value={api}>
      <section
        className={`board${large ? ' board--large' : ''}${readOnly ? ' board--readonly' : ''}`}
        data-testid="board"
        data-doc-name={docName}
        aria-label={title ? t('board.label', { name: title }) : undefined}
        onKeyDown={undo.onKeyDown}
      >
        <BoardToolbar
          board={board}
          undo={undo}
          readOnly={readOnly}
          voter={authorId}
          menu={props.menuExtra !== undefined}
          menuExtra={props.menuExtra}
        />
        {board.writeRefused && !props.readOnly && (
          <output className="notice" data-testid="board-write-refused">
            {t('boardAccess.downgraded')}
          </output>
        )}
        {prompt && (
          <p className="board-prompt" data-testid="board-prompt">
            <span className="board-prompt-label">{t('board.prompt')}</span> {prompt}
          </p>
        )}
        <DndContext {...dnd}>
          <div className="board-sections">
            {sections.map((section) => (
              <BoardSection
                key={section.id}
                sectionId={section.id}
                label={section.label[locale]}
                hint={hint(section.id)}
                canAdd
              />
            ))}
            {strays.map((id) => (
              <BoardSection
                key={id}
                sectionId={id}
                label={strayLabel(id, props.formerSections ?? [], strays.length, locale, t)}
                hint={null}
                canAdd={false}
              />
            ))}
          </div>
        </DndContext>
        {canEditSummary && editingSummary ? (
          <Suspense fallback={<SummaryReader doc={doc} headingLevel={headingLevel} />}>
            <SummaryEditor doc={doc} headingLevel={headingLevel} editable autoFocus />
          </Suspense>
        ) : (
          <SummaryReader
            doc={doc}
            headingLevel={headingLevel}
            onEdit={canEditSummary ? () => setEditingSummary(true) : undefined}
          />
        )}
        {props.summaryWriters && (
          <p className="muted small summary-writers" data-testid="summary-writers">
            {props.summaryWriters}
          </p>
        )}
        <div className="board-toasts">
          <output className="toast" aria-live="polite" data-testid="board-message" hidden={!message}>
            {message}
          </output>
          {undo.deleted && (
            <div className="toast" data-testid="undo-toast">
              <output>{t('board.deleted')}</output>
              <button
                ref={undoButton}
                type="button"
                className="button button--small"
                data-testid="undo-delete"
                onClick={undo.undoDelete}
              >
                {t('board.undo')}
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('board.dismiss')}
                onClick={undo.dismissDelete}
              >
                <span aria-hidden="true">×</span>
              </button>
            </div>
          )}
        </div>
      </section>
    </BoardContext.Provider>
  );
}
