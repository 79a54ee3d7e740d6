import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { usePeers } from './presence';

const SHOWN = 8;

/** Who is on this board right now (initials with a tooltip and a full list for screen readers). */
export function PresenceBar({ awareness }: { awareness: Awareness | null }) {
  const { t } = useTranslation();
  const peers = usePeers(awareness);
  if (peers.length === 0) return null;
  const hidden = peers.length - SHOWN;
  return (
    <section
      className="board-presence"
      data-testid="presence"
      aria-label={t('board.presence', { count: peers.length })}
    >
      <ul className="board-presence-list">
        {peers.slice(0, SHOWN).map((p) => (
          <li
            key={p.clientId}
            className="board-presence-peer"
            data-testid="presence-peer"
            title={p.self ? `${p.name} ${t('participant.you')}` : p.name}
            style={{ backgroundColor: p.color }}
          >
            <span aria-hidden="true">{initials(p.name)}</span>
            <span className="visually-hidden">{p.self ? `${p.name} ${t('participant.you')}` : p.name}</span>
          </li>
        ))}
        {hidden > 0 && <li className="board-presence-more">+{hidden}</li>}
      </ul>
    </section>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return parts
    .slice(0, 2)
    .map((p) => p.charAt(0).toUpperCase())
    .join('');
}
