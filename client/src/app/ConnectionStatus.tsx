import { useTranslation } from 'react-i18next';
import { useControlStore } from '../stores/controlStore';

/** Control-socket status; socket.io reconnects by itself, this only tells the user. */
export function ConnectionStatus() {
  const { t } = useTranslation();
  const status = useControlStore((s) => s.status);
  return (
    <output
      className={`status status--${status}`}
      data-testid="connection-status"
      data-status={status}
      title={t('connection.label')}
    >
      <span className="status-dot" aria-hidden="true" />
      {t(`connection.${status}`)}
    </output>
  );
}
