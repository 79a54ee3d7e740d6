import { AGENDA_KINDS, type AgendaItem, type AgendaKind, type WorkshopState } from '@warsztat/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../app/time';
import { currentLocale } from '../../i18n';
import type { Run } from './useCommand';

const MAX_MINUTES = 600;

/**
 * The agenda: days of timed items, the current one highlighted. Start times are the server's
 * (recalculated from durations); editing minutes sends `agenda edit` when the field is left.
 */
export function AgendaPanel({ workshop, run }: { workshop: WorkshopState; run: Run }) {
  const { t } = useTranslation();
  const days = [...new Set(workshop.agenda.map((i) => i.day))].sort((a, b) => a - b);
  return (
    <section className="card-panel" aria-labelledby="agenda-heading" data-testid="agenda-panel">
      <div className="panel-header">
        <h2 id="agenda-heading">{t('agenda.heading')}</h2>
        <button
          type="button"
          className="button button--small"
          data-testid="agenda-demo"
          onClick={() => void run({ type: 'agenda', action: 'demo' })}
        >
          {t('agenda.loadDemo')}
        </button>
      </div>
      {workshop.agenda.length === 0 && <p className="muted">{t('agenda.empty')}</p>}
      {workshop.agenda.length > 0 && (
        <p className="muted small" data-testid="agenda-time-zone">
          {t('agenda.timeZone', { zone: workshop.timeZone.replace(/_/g, ' ') })}
        </p>
      )}
      {days.map((day) => (
        <div key={day}>
          {days.length > 1 && (
            <h3 className="small">
              {t('agenda.day', { n: day + 1 })} {formatDay(workshop.agendaDays[day]?.date ?? null, currentLocale())}
            </h3>
          )}
          <ol className="agenda-list">
            {workshop.agenda
              .filter((i) => i.day === day)
              .map((item) => (
                <AgendaRow key={item.id} item={item} current={item.id === workshop.currentAgendaItemId} run={run} />
              ))}
          </ol>
        </div>
      ))}
      <AddItem run={run} days={days} />
    </section>
  );
}

function AgendaRow({ item, current, run }: { item: AgendaItem; current: boolean; run: Run }) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState(String(item.minutes));
  // Another facilitator (or the REST mirror) may change it; follow the server.
  useEffect(() => setMinutes(String(item.minutes)), [item.minutes]);
  const commit = () => {
    const n = Math.round(Number(minutes));
    if (Number.isFinite(n) && n >= 1 && n <= MAX_MINUTES && n !== item.minutes) {
      void run({ type: 'agenda', action: 'edit', itemId: item.id, minutes: n });
    } else setMinutes(String(item.minutes));
  };
  return (
    <li
      className={`agenda-item${current ? ' agenda-item--current' : ''}`}
      data-testid="agenda-item"
      data-kind={item.kind}
      aria-current={current ? 'step' : undefined}
    >
      <span className="agenda-time" data-testid="agenda-starts-at">
        {item.startsAt}
      </span>
      <span className="agenda-title">
        {item.title}
        <span className="muted small"> · {t(`agenda.kind_${item.kind}`)}</span>
        {item.speakers.length > 0 && <span className="muted small"> · {item.speakers.join(', ')}</span>}
        {current && <span className="tag">{t('agenda.current')}</span>}
      </span>
      <input
        className="minutes-input"
        type="number"
        min={1}
        max={MAX_MINUTES}
        data-testid="agenda-minutes"
        aria-label={t('agenda.minutes', { title: item.title })}
        value={minutes}
        onChange={(e) => setMinutes(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
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
    </li>
  );
}

/** Adds an item to an existing day or opens the next one (days are added in order, as the server requires). */
function AddItem({ run, days }: { run: Run; days: number[] }) {
  const { t } = useTranslation();
  const lastDay = days.at(-1) ?? 0;
  const nextDay = days.length === 0 ? 0 : lastDay + 1;
  const [day, setDay] = useState(lastDay);
  // Follow the agenda as days appear or go away (another facilitator, a demo load).
  useEffect(() => setDay(lastDay), [lastDay]);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<AgendaKind>('presentation');
  const [minutes, setMinutes] = useState('30');
  const submit = async () => {
    const n = Math.round(Number(minutes));
    if (!title.trim() || !(n >= 1 && n <= MAX_MINUTES)) return;
    if (await run({ type: 'agenda', action: 'add', day, item: { title: title.trim(), kind, minutes: n } }))
      setTitle('');
  };
  return (
    <form
      className="control-row"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <input
        aria-label={t('agenda.addTitle')}
        placeholder={t('agenda.addTitle')}
        value={title}
        maxLength={200}
        onChange={(e) => setTitle(e.target.value)}
      />
      {days.length > 0 && (
        <select
          aria-label={t('agenda.addDay')}
          data-testid="agenda-add-day"
          value={day}
          onChange={(e) => setDay(Number(e.target.value))}
        >
          {days.map((d) => (
            <option key={d} value={d}>
              {t('agenda.day', { n: d + 1 })}
            </option>
          ))}
          <option value={nextDay}>{t('agenda.newDay', { n: nextDay + 1 })}</option>
        </select>
      )}
      <select aria-label={t('agenda.addKind')} value={kind} onChange={(e) => setKind(e.target.value as AgendaKind)}>
        {AGENDA_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`agenda.kind_${k}`)}
          </option>
        ))}
      </select>
      <input
        className="minutes-input"
        type="number"
        min={1}
        max={MAX_MINUTES}
        aria-label={t('agenda.addMinutes')}
        value={minutes}
        onChange={(e) => setMinutes(e.target.value)}
      />
      <button type="submit" className="button button--small">
        {t('agenda.add')}
      </button>
    </form>
  );
}
