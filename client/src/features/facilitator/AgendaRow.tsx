import { AGENDA_KINDS, type AgendaItem, type AgendaKind, CLOCK_TIME } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';
import { AgendaRoundPlan } from './AgendaRoundPlan';
import { InlineField } from './InlineField';
import type { Run } from './useCommand';

export const MAX_MINUTES = 600;

function isKind(value: string): value is AgendaKind {
  return (AGENDA_KINDS as readonly string[]).includes(value);
}

/**
 * One agenda item, every field editable in place: title, kind, speakers, minutes and, for the
 * first item of a day, the day's start time (the others follow from the durations).
 */
export function AgendaRow({
  item,
  current,
  firstOfDay,
  run,
}: {
  item: AgendaItem;
  current: boolean;
  firstOfDay: boolean;
  run: Run;
}) {
  const { t } = useTranslation();
  const edit = (change: Partial<Pick<AgendaItem, 'title' | 'kind' | 'minutes' | 'speakers' | 'startsAt'>>) =>
    void run({ type: 'agenda', action: 'edit', itemId: item.id, ...change });
  return (
    <li
      className={`agenda-item agenda-item--editable${current ? ' agenda-item--current' : ''}`}
      data-testid="agenda-item"
      data-kind={item.kind}
      aria-current={current ? 'step' : undefined}
    >
      {firstOfDay ? (
        <InlineField
          className="agenda-time-input"
          type="time"
          data-testid="agenda-starts-at-input"
          aria-label={t('agenda.startsAt', { title: item.title })}
          value={item.startsAt}
          save={(draft) => {
            if (!CLOCK_TIME.test(draft)) return false;
            edit({ startsAt: draft });
            return true;
          }}
        />
      ) : (
        <span className="agenda-time" data-testid="agenda-starts-at">
          {item.startsAt}
        </span>
      )}
      <div className="agenda-fields">
        <InlineField
          className="agenda-title-input"
          data-testid="agenda-title"
          aria-label={t('agenda.title', { title: item.title })}
          value={item.title}
          maxLength={200}
          save={(draft) => {
            if (!draft.trim()) return false;
            edit({ title: draft.trim() });
            return true;
          }}
        />
        <div className="agenda-field-row">
          <select
            data-testid="agenda-kind"
            aria-label={t('agenda.kindOf', { title: item.title })}
            value={item.kind}
            onChange={(e) => isKind(e.target.value) && edit({ kind: e.target.value })}
          >
            {AGENDA_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`agenda.kind_${k}`)}
              </option>
            ))}
          </select>
          <InlineField
            className="agenda-speakers-input"
            data-testid="agenda-speakers"
            aria-label={t('agenda.speakers', { title: item.title })}
            placeholder={t('agenda.speakersPlaceholder')}
            value={item.speakers.join(', ')}
            maxLength={1000}
            save={(draft) => {
              const speakers = draft
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean);
              if (speakers.length > 20 || speakers.some((s) => s.length > 120)) return false;
              edit({ speakers });
              return true;
            }}
          />
          <InlineField
            className="minutes-input"
            type="number"
            min={1}
            max={MAX_MINUTES}
            data-testid="agenda-minutes"
            aria-label={t('agenda.minutes', { title: item.title })}
            value={String(item.minutes)}
            save={(draft) => {
              const n = Math.round(Number(draft));
              if (!(Number.isFinite(n) && n >= 1 && n <= MAX_MINUTES)) return false;
              edit({ minutes: n });
              return true;
            }}
          />
        </div>
        {item.kind === 'breakout' && <AgendaRoundPlan item={item} run={run} />}
      </div>
      <div className="agenda-item-actions">
        {current && <span className="tag">{t('agenda.current')}</span>}
        <button
          type="button"
          className="button button--small"
          data-testid="agenda-start"
          onClick={() => void run({ type: 'agenda', action: 'start', itemId: item.id })}
        >
          {t('agenda.start')}
        </button>
        <button
          type="button"
          className="button button--small"
          aria-label={t('agenda.remove', { title: item.title })}
          onClick={() => void run({ type: 'agenda', action: 'remove', itemId: item.id })}
        >
          ×
        </button>
      </div>
    </li>
  );
}
