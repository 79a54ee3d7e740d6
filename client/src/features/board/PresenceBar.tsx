import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { displayName, FACILITATOR, usePeers } from './presence';

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
        {peers.slice(0, SHOWN).map((peer) => {
          const name = displayName(peer, t('boardSettings.facilitatorName'));
          // Issue #20: the console's presence is said in words ("Prowadzący"), never a bare initial.
          const staff = peer.name === FACILITATOR;
          return (
            <li
              key={peer.clientId}
              className={`board-presence-peer${staff ? ' board-presence-peer--staff' : ''}`}
              data-testid="presence-peer"
              data-role={staff ? 'facilitator' : 'participant'}
              title={peer.self ? `${name} ${t('participant.you')}` : name}
              style={{ backgroundColor: peer.color }}
            >
              <span aria-hidden="true">{staff ? name : initials(name)}</span>
              <span className="visually-hidden">{peer.self ? `${name} ${t('participant.you')}` : name}</span>
            </li>
          );
        })}
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
