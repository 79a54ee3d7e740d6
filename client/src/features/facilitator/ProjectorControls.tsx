import {
  canTransition,
  type GroupView,
  nextInOrder,
  PROJECTOR_VIEWS,
  type ProjectorView,
  projectorScreen,
  SAFE_AREA_CORNERS,
  SAFE_AREA_MAX_HEIGHT_PCT,
  SAFE_AREA_MAX_WIDTH_PCT,
  SAFE_AREA_MIN_PCT,
  type SafeAreaCorner,
  type WorkshopState,
} from '@warsztat/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTurner } from '../../app/PageTurner';
import type { Run } from './useCommand';
import '../../styles/plenary.css';

interface Props {
  workshop: WorkshopState;
  run: Run;
}

/**
 * What the room's screen shows: the view (or `auto`, following the phase), the presentation order
 * with "next group", the freeze (WCAG 2.2.2) and the interpreter's safe corner. Every control is a
 * server command, so two facilitators see the same settings.
 */
export function ProjectorControls({ workshop, run }: Props) {
  const { t } = useTranslation();
  const { projector } = workshop;
  // The choice shows at once; the server's state takes over when the command is answered.
  const [pendingView, setPendingView] = useState<ProjectorView | null>(null);
  const chooseView = (view: ProjectorView) => {
    setPendingView(view);
    void run({ type: 'projector', action: 'view', view }).finally(() => setPendingView(null));
  };
  return (
    <section className="card-panel projector-controls" aria-labelledby="projector-controls-heading">
      <div className="panel-header">
        <h2 id="projector-controls-heading">{t('projectorControls.heading')}</h2>
        {projector.frozen && (
          <output className="frozen-badge" data-testid="frozen-indicator">
            <span aria-hidden="true">❚❚ </span>
            {t('projectorControls.frozenBadge')}
          </output>
        )}
      </div>
      <div className="control-row">
        <button
          type="button"
          className={`button${projector.frozen ? ' button--primary' : ''}`}
          aria-pressed={projector.frozen}
          data-testid="projector-freeze"
          onClick={() => void run({ type: 'projector', action: 'freeze', frozen: !projector.frozen })}
        >
          {projector.frozen ? t('projectorControls.unfreeze') : t('projectorControls.freeze')}
        </button>
        <span className="muted small">{t('projectorControls.freezeHint')}</span>
      </div>
      <p className="small" data-testid="projector-now-showing">
        {t('projectorControls.nowShowing', {
          screen: (() => {
            const screen = projectorScreen(projector.view, workshop.phase, workshop.spotlightGroupId);
            return screen === 'closed' ? t('projector.thanks') : t(`projectorViews.${screen}`);
          })(),
        })}
      </p>
      <fieldset className="view-switch">
        <legend>{t('projectorControls.view')}</legend>
        <div className="view-options">
          {PROJECTOR_VIEWS.map((view) => (
            <label key={view} className="view-option">
              <input
                type="radio"
                name="projector-view"
                value={view}
                data-testid={`projector-view-${view}`}
                checked={(pendingView ?? projector.view) === view}
                onChange={() => chooseView(view)}
              />
              {t(`projectorViews.${view}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <PresentationOrder workshop={workshop} run={run} />
      <SafeAreaForm workshop={workshop} run={run} />
    </section>
  );
}

function PresentationOrder({ workshop, run }: Props) {
  const { t } = useTranslation();
  const order = workshop.projector.order;
  const groups = order.map((id) => workshop.groups.find((g) => g.id === id)).filter((g): g is GroupView => !!g);
  const presenting = workshop.phase === 'presenting';
  const next = nextInOrder(order, workshop.spotlightGroupId, 1);
  const previous = nextInOrder(order, workshop.spotlightGroupId, -1);
  const nextName = workshop.groups.find((g) => g.id === next)?.name;
  const canNext = next !== null && (presenting || canTransition(workshop.phase, 'presenting'));
  // Keep keyboard focus on the moved group's button after the list re-renders in its new order.
  const [focus, setFocus] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!focus) return;
    list.current?.querySelector<HTMLButtonElement>(`[data-focus-key="${focus}"]`)?.focus();
    setFocus(null);
  }, [focus]);

  const move = async (index: number, delta: -1 | 1) => {
    const target = index + delta;
    const id = order[index];
    if (!id || target < 0 || target >= order.length) return;
    const next = [...order];
    next.splice(index, 1);
    next.splice(target, 0, id);
    if (await run({ type: 'projector', action: 'order', groupIds: next })) {
      // At either end the pressed button disappears; focus its twin instead.
      const edge = target === 0 || target === order.length - 1;
      setFocus(`${id}:${edge ? -delta : delta}`);
    }
  };

  return (
    <div className="presentation">
      <h3 id="presentation-heading">{t('projectorControls.order')}</h3>
      <div className="control-row">
        <button
          type="button"
          className="button"
          data-testid="previous-group"
          disabled={!presenting || previous === null}
          onClick={() => void run({ type: 'projector', action: 'previous' })}
        >
          <span aria-hidden="true">◀ </span>
          {t('projectorControls.previous')}
        </button>
        <button
          type="button"
          className="button button--primary"
          data-testid="next-group"
          disabled={!canNext}
          onClick={() => void run({ type: 'projector', action: 'next' })}
        >
          {nextName ? t('projectorControls.nextNamed', { name: nextName }) : t('projectorControls.next')}
          <span aria-hidden="true"> ▶</span>
        </button>
      </div>
      {presenting && (
        <PageTurner
          page={workshop.projector.page}
          turn={(step) => void run({ type: 'projector', action: 'page', step })}
        />
      )}
      <ol
        className="presentation-order"
        aria-labelledby="presentation-heading"
        ref={list}
        data-testid="presentation-order"
      >
        {groups.map((g, index) => {
          const onScreen = g.id === workshop.spotlightGroupId;
          return (
            <li key={g.id} className="presentation-item" data-testid="presentation-item" data-group-id={g.id}>
              <span className="presentation-name">
                {index + 1}. {g.name}
                {onScreen && <strong className="tag"> {t('projectorControls.onScreen')}</strong>}
              </span>
              <span className="presentation-actions">
                {index > 0 && (
                  <button
                    type="button"
                    className="button button--small"
                    data-focus-key={`${g.id}:-1`}
                    data-testid="order-up"
                    aria-label={t('projectorControls.moveUp', { name: g.name })}
                    onClick={() => void move(index, -1)}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                )}
                {index < groups.length - 1 && (
                  <button
                    type="button"
                    className="button button--small"
                    data-focus-key={`${g.id}:1`}
                    data-testid="order-down"
                    aria-label={t('projectorControls.moveDown', { name: g.name })}
                    onClick={() => void move(index, 1)}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function SafeAreaForm({ workshop, run }: Props) {
  const { t } = useTranslation();
  const saved = workshop.projector.safeArea;
  const [corner, setCorner] = useState<SafeAreaCorner>(saved.corner);
  const [width, setWidth] = useState(String(saved.widthPct));
  const [height, setHeight] = useState(String(saved.heightPct));
  // Follow changes made on another console.
  useEffect(() => {
    setCorner(saved.corner);
    setWidth(String(saved.widthPct));
    setHeight(String(saved.heightPct));
  }, [saved.corner, saved.widthPct, saved.heightPct]);
  const clamp = (value: string, max: number) =>
    Math.min(max, Math.max(SAFE_AREA_MIN_PCT, Math.round(Number(value) || SAFE_AREA_MIN_PCT)));
  return (
    <form
      className="safe-area-form"
      data-testid="safe-area-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run({
          type: 'projector',
          action: 'safeArea',
          corner,
          widthPct: clamp(width, SAFE_AREA_MAX_WIDTH_PCT),
          heightPct: clamp(height, SAFE_AREA_MAX_HEIGHT_PCT),
        });
      }}
    >
      <h3>{t('projectorControls.safeArea')}</h3>
      <p className="muted small">{t('projectorControls.safeAreaHint')}</p>
      <div className="control-row">
        <label htmlFor="safe-corner">{t('projectorControls.corner')}</label>
        <select
          id="safe-corner"
          data-testid="safe-corner"
          value={corner}
          onChange={(e) => setCorner(e.target.value as SafeAreaCorner)}
        >
          {SAFE_AREA_CORNERS.map((c) => (
            <option key={c} value={c}>
              {t(`safeCorners.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="control-row">
        <label htmlFor="safe-width">{t('projectorControls.width')}</label>
        <input
          id="safe-width"
          data-testid="safe-width"
          className="minutes-input"
          type="number"
          inputMode="numeric"
          min={SAFE_AREA_MIN_PCT}
          max={SAFE_AREA_MAX_WIDTH_PCT}
          value={width}
          disabled={corner === 'none'}
          onChange={(e) => setWidth(e.target.value)}
        />
        <label htmlFor="safe-height">{t('projectorControls.height')}</label>
        <input
          id="safe-height"
          data-testid="safe-height"
          className="minutes-input"
          type="number"
          inputMode="numeric"
          min={SAFE_AREA_MIN_PCT}
          max={SAFE_AREA_MAX_HEIGHT_PCT}
          value={height}
          disabled={corner === 'none'}
          onChange={(e) => setHeight(e.target.value)}
        />
        <button type="submit" className="button" data-testid="safe-area-save">
          {t('projectorControls.apply')}
        </button>
      </div>
    </form>
  );
}
