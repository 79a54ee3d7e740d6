import { AGENDA_KINDS, AGENDA_KINDS_OF_PHASE, type AgendaKind, type WorkshopState } from '@warsztat/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../app/time';
import { currentLocale } from '../../i18n';
import { AgendaRow, MAX_MINUTES } from './AgendaRow';
import type { Run } from './useCommand';

/**
 * The agenda: days of timed items, the current one highlighted, every field editable in place.
 * Start times are the server's (recalculated from durations). Replacing the agenda asks first.
 */
export function AgendaPanel({ workshop, run }: { workshop: WorkshopState; run: Run }) {
  const { t } = useTranslation();
  const [confirmDemo, setConfirmDemo] = useState(false);
  const days = [...new Set(workshop.agenda.map((i) => i.day))].sort((a, b) => a - b);
  const loadDemo = () => {
    setConfirmDemo(false);
    void run({ type: 'agenda', action: 'demo' });
  };
  return (
    <section className="card-panel" aria-labelledby="agenda-heading" data-testid="agenda-panel">
      <div className="panel-header">
        <h2 id="agenda-heading">{t('agenda.heading')}</h2>
        <button
          type="button"
          className="button button--small"
          data-testid="agenda-demo"
          aria-expanded={workshop.agenda.length > 0 ? confirmDemo : undefined}
          onClick={() => (workshop.agenda.length > 0 ? setConfirmDemo(true) : loadDemo())}
        >
          {t('agenda.loadDemo')}
        </button>
      </div>
      {confirmDemo && (
        <div className="notice control-row" role="alert" data-testid="agenda-replace-confirm">
          <span>{t('agenda.replaceQuestion')}</span>
          <button type="button" className="button button--danger" data-testid="agenda-replace" onClick={loadDemo}>
            {t('agenda.replace')}
          </button>
          <button type="button" className="button" onClick={() => setConfirmDemo(false)}>
            {t('app.cancel')}
          </button>
        </div>
      )}
      <AgendaMismatch workshop={workshop} />
      {workshop.agenda.length === 0 && <p className="muted">{t('agenda.empty')}</p>}
      {workshop.agenda.length > 0 && (
        <p className="muted small" data-testid="agenda-time-zone">
          {t('agenda.timeZone', { zone: workshop.timeZone.replace(/_/g, ' ') })}
        </p>
      )}
      {days.map((day) => {
        const items = workshop.agenda.filter((i) => i.day === day);
        return (
          <div key={day}>
            <DayHeader workshop={workshop} day={day} run={run} />
            <ol className="agenda-list">
              {items.map((item, index) => (
                <AgendaRow
                  key={item.id}
                  item={item}
                  firstOfDay={index === 0}
                  current={item.id === workshop.currentAgendaItemId}
                  run={run}
                />
              ))}
            </ol>
          </div>
        );
      })}
      <AddItem run={run} days={days} />
    </section>
  );
}

/**
 * A day's label and its date, always shown and editable. The first day defaults to the workshop's
 * date (a stored null); clearing the field goes back to that default.
 */
function DayHeader({ workshop, day, run }: { workshop: WorkshopState; day: number; run: Run }) {
  const { t } = useTranslation();
  const stored = workshop.agendaDays[day]?.date ?? null;
  const shown = stored ?? (day === 0 ? workshop.date : null);
  const id = `agenda-day-${day}-date`;
  return (
    <div className="agenda-day control-row">
      <h3 className="small">
        {t('agenda.day', { n: day + 1 })}
        {shown && <span className="muted"> · {formatDay(shown, currentLocale())}</span>}
      </h3>
      <label htmlFor={id} className="small">
        {t('agenda.dayDate')}
      </label>
      <input
        id={id}
        type="date"
        data-testid="agenda-day-date"
        value={shown ?? ''}
        onChange={(e) => {
          const value = e.target.value || null;
          if (value !== stored) void run({ type: 'agenda', action: 'day', day, date: value });
        }}
      />
    </div>
  );
}

/** After a phase change with no matching item ahead, the console asks which item runs now. */
function AgendaMismatch({ workshop }: { workshop: WorkshopState }) {
  const { t } = useTranslation();
  const kinds = AGENDA_KINDS_OF_PHASE[workshop.phase];
  if (!kinds || workshop.agenda.length === 0) return null;
  const current = workshop.agenda.find((i) => i.id === workshop.currentAgendaItemId);
  if (current && kinds.includes(current.kind)) return null;
  return (
    <p className="notice" data-testid="agenda-mismatch">
      {t('agenda.mismatch', { phase: t(`phase.${workshop.phase}`) })}
    </p>
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
