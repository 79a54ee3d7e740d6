import { useCallback, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';

/**
 * Presence over y-websocket awareness. Local state: `{user: {name, color}, editing: cardId | null}`.
 * The sync server stamps `user` ({name, role, color}) from the peer's token, so others see the
 * name the server knows; a facilitator has no name there and is shown by role. States written by
 * other clients are read defensively (any shape may arrive).
 */
export interface Peer {
  clientId: number;
  name: string;
  color: string;
  editing: string | null;
  self: boolean;
}

/** Dark enough for white text and for 3:1 against a white card (WCAG non-text contrast). */
const COLORS = ['#1f5fbf', '#b3261e', '#1d7a3a', '#7b3fa0', '#8a5a00', '#0b6e7f', '#b0215a', '#4a4f57'];

export function colorFor(seed: string): string {
  let hash = 0;
  for (let i = 0; i < seed.length; i++) hash = (hash * 31 + seed.charCodeAt(i)) | 0;
  return COLORS[Math.abs(hash) % COLORS.length] ?? '#4a4f57';
}

export function setLocalUser(awareness: Awareness | null, name: string, color: string): void {
  awareness?.setLocalStateField('user', { name, color });
}

export function setEditing(awareness: Awareness | null, cardId: string | null): void {
  if (awareness && awareness.getLocalState() !== null) awareness.setLocalStateField('editing', cardId);
}

/** Stands in for a facilitator's missing name until the UI puts its translated label there. */
export const FACILITATOR = '\u0000facilitator';
const FACILITATOR_ROLES = new Set(['facilitator', 'coFacilitator']);

function readPeer(clientId: number, state: unknown, self: boolean): Peer | null {
  if (typeof state !== 'object' || state === null) return null;
  const { user, editing } = state as { user?: unknown; editing?: unknown };
  if (typeof user !== 'object' || user === null) return null;
  const { name, color, role } = user as { name?: unknown; color?: unknown; role?: unknown };
  const shown = typeof name === 'string' && name.trim() !== '' ? name.slice(0, 80) : null;
  if (shown === null && !(typeof role === 'string' && FACILITATOR_ROLES.has(role))) return null;
  return {
    clientId,
    name: shown ?? FACILITATOR,
    color: typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color) ? color : colorFor(shown ?? String(clientId)),
    editing: typeof editing === 'string' ? editing : null,
    self,
  };
}

const snapshots = new WeakMap<Awareness, Peer[]>();

function peersOf(awareness: Awareness): Peer[] {
  const cached = snapshots.get(awareness);
  if (cached) return cached;
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const peer = readPeer(clientId, state, clientId === awareness.clientID);
    if (peer) peers.push(peer);
  });
  peers.sort((a, b) => (a.self !== b.self ? (a.self ? -1 : 1) : a.name.localeCompare(b.name)));
  snapshots.set(awareness, peers);
  return peers;
}

function subscribeTo(awareness: Awareness | null, listener: () => void): () => void {
  if (!awareness) return () => undefined;
  const onChange = () => {
    snapshots.delete(awareness);
    listener();
  };
  awareness.on('change', onChange);
  return () => awareness.off('change', onChange);
}

const NO_PEERS: Peer[] = [];

/** Everyone on the board, this client first. */
export function usePeers(awareness: Awareness | null): Peer[] {
  const subscribe = useCallback((listener: () => void) => subscribeTo(awareness, listener), [awareness]);
  return useSyncExternalStore(subscribe, () => (awareness ? peersOf(awareness) : NO_PEERS));
}

/** A peer's name for display: `facilitatorLabel` (translated) for a facilitator without one. */
export function displayName(peer: Peer, facilitatorLabel: string): string {
  return peer.name === FACILITATOR ? facilitatorLabel : peer.name;
}

/** Names of the other people whose cursor is in this card, joined for display. */
export function useCardEditors(awareness: Awareness | null, cardId: string, facilitatorLabel: string): string {
  const subscribe = useCallback((listener: () => void) => subscribeTo(awareness, listener), [awareness]);
  return useSyncExternalStore(subscribe, () =>
    awareness
      ? peersOf(awareness)
          .filter((p) => !p.self && p.editing === cardId)
          .map((p) => displayName(p, facilitatorLabel))
          .join(', ')
      : '',
  );
}
