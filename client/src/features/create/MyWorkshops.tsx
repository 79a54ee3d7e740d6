import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PhaseBadge } from '../../app/PhaseBadge';
import { useMyWorkshops } from '../../stores/myWorkshopsStore';

/** The home page's list of consoles this browser created or opened (kept on this device only). */
export function MyWorkshops() {
  const { t } = useTranslation();
  const workshops = useMyWorkshops((s) => s.workshops);
  const forget = useMyWorkshops((s) => s.forget);
  if (workshops.length === 0) return null;
  return (
    <section className="card-panel" aria-labelledby="my-workshops-heading" data-testid="my-workshops">
      <h2 id="my-workshops-heading">{t('myWorkshops.heading')}</h2>
      <p className="muted small">{t('myWorkshops.hint')}</p>
      <ul className="stack my-workshops">
        {workshops.map((w) => (
          <li key={w.id} className="my-workshop" data-testid="my-workshop" data-workshop-id={w.id}>
            <Link to={w.consolePath} data-testid="my-workshop-open">
              {w.title}
            </Link>
            <span className="muted small"> {w.date ?? ''} </span>
            <PhaseBadge phase={w.phase} />
            <button
              type="button"
              className="button button--small button--ghost"
              data-testid="my-workshop-forget"
              onClick={() => forget(w.id)}
            >
              {t('myWorkshops.forget')}
              <span className="visually-hidden">: {w.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
