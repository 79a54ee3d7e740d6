import type { KeyboardEvent } from 'react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSOLE_VIEWS, type ConsoleView } from './consoleView';

export const panelId = (view: ConsoleView) => `console-view-${view}`;
export const tabId = (view: ConsoleView) => `console-tab-${view}`;

/**
 * The four views as an ARIA tablist (APG pattern, automatic activation): one tab stop, arrows,
 * Home and End move between tabs. Each view also has its URL, so it can be bookmarked or reloaded.
 */
export function ConsoleTabs({ view, onChoose }: { view: ConsoleView; onChoose: (view: ConsoleView) => void }) {
  const { t } = useTranslation();
  const refs = useRef(new Map<ConsoleView, HTMLButtonElement>());
  const move = (event: KeyboardEvent, index: number) => {
    const last = CONSOLE_VIEWS.length - 1;
    const to =
      event.key === 'ArrowRight'
        ? (index + 1) % CONSOLE_VIEWS.length
        : event.key === 'ArrowLeft'
          ? (index + last) % CONSOLE_VIEWS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (to === null) return;
    event.preventDefault();
    const next = CONSOLE_VIEWS[to] as ConsoleView;
    onChoose(next);
    refs.current.get(next)?.focus();
  };
  return (
    <div className="console-tabs" role="tablist" aria-label={t('console.views')}>
      {CONSOLE_VIEWS.map((v, i) => (
        <button
          key={v}
          ref={(el) => {
            if (el) refs.current.set(v, el);
          }}
          type="button"
          role="tab"
          id={tabId(v)}
          aria-selected={v === view}
          aria-controls={v === view ? panelId(v) : undefined}
          tabIndex={v === view ? 0 : -1}
          className="console-tab"
          data-testid={`view-${v}`}
          onClick={() => onChoose(v)}
          onKeyDown={(e) => move(e, i)}
        >
          <span aria-hidden="true" className="console-tab-key">
            {i + 1}
          </span>
          {t(`console.view_${v}`)}
        </button>
      ))}
    </div>
  );
}
