import { CloseCode } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';
import type { BoardDoc } from '../../sync/useBoardDoc';

/**
 * Board connection as the user needs it, in words: "saved" only once the server's state has
 * arrived (so what is on screen is the real board), "syncing" while the socket is open but not
 * yet synced, and offline "saved on this device" when the browser copy holds the edits.
 * `data-status` keeps the three socket values tests and automation rely on.
 */
export function SyncStatusBadge({ board, readOnly = false }: { board: BoardDoc; readOnly?: boolean }) {
  const { t } = useTranslation();
  let status: 'connected' | 'connecting' | 'disconnected';
  let label: string;
  if (board.refused === CloseCode.BoardFull) {
    // The board reached its storage quota (issue #14): edits made now stay on this device only.
    status = 'disconnected';
    label = t('sync.boardFull');
  } else if (board.refused === CloseCode.SummaryLocked) {
    // Issue #20: this device wrote into the summary after someone else became the rapporteur (a
    // race: the summary turns read-only here as soon as the choice arrives). Yjs cannot take the
    // edit back, so the socket stays closed rather than resend it on every reconnect.
    status = 'disconnected';
    label = t('sync.summaryLocked');
  } else if (board.refused !== null) {
    status = 'disconnected';
    label = t('sync.refused');
  } else if (board.socket === 'connected' && board.synced) {
    status = 'connected';
    label = readOnly ? t('sync.live') : board.unsaved ? t('sync.syncing') : t('sync.connected');
  } else if (board.socket === 'connected') {
    status = 'connecting';
    label = t('sync.syncing');
  } else if (board.socket === 'connecting' && !board.savedLocally) {
    status = 'connecting';
    label = t('sync.connecting');
  } else {
    status = board.socket === 'connecting' ? 'connecting' : 'disconnected';
    label = board.savedLocally && !readOnly ? t('sync.offlineSaved') : t('sync.offline');
  }
  return (
    <output
      className={`status status--${status}`}
      data-testid="sync-status"
      data-status={status}
      data-saved-locally={board.savedLocally}
      data-unsaved={board.unsaved}
    >
      <span className="status-dot" aria-hidden="true" />
      <span data-testid="sync-label">{label}</span>
    </output>
  );
}
