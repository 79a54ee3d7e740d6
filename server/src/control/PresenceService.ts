import { Presence } from './Presence.js';
import type { WorkshopService } from './WorkshopService.js';

/** Who is online on this node changed (multi-node mode reports it to the other nodes). */
type PresenceListener = (workshopId: string, localIds: string[]) => void;

/**
 * Which participants are online: their control sockets on this node, plus what the other nodes
 * report (multi-node mode). Presence is not stored: it changes the views, not the workshop, so a
 * change re-announces the cached state (WorkshopService.announce) and each socket gets a fresh view.
 */
export class PresenceService {
  private readonly presence = new Presence();
  private readonly listeners = new Set<PresenceListener>();

  constructor(private readonly workshops: WorkshopService) {
    workshops.onForget((id) => this.presence.forget(id));
  }

  /** A participant's control socket opened (1) or closed (-1); several tabs count once each. */
  setOnline(workshopId: string, participantId: string, delta: 1 | -1): void {
    if (!this.presence.count(workshopId, participantId, delta)) return;
    for (const listener of this.listeners) listener(workshopId, this.presence.localIds(workshopId));
    this.workshops.announce(workshopId);
  }

  onPresence(listener: PresenceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Workshops with participants online on this node, with their ids. */
  localPresence(): Array<[workshopId: string, ids: string[]]> {
    return this.presence.localWorkshops().map((id) => [id, this.presence.localIds(id)]);
  }

  /** Another node reports who is online there, valid until `until` (epoch ms). */
  setRemoteOnline(workshopId: string, nodeId: string, ids: readonly string[], until: number): void {
    if (this.presence.setRemote(workshopId, nodeId, ids, until)) this.workshops.announce(workshopId);
  }

  /** Forgets other nodes' reports that were not renewed (a node that died). */
  expireRemotePresence(): void {
    for (const workshopId of this.presence.expire(this.workshops.now())) this.workshops.announce(workshopId);
  }

  onlineIn(workshopId: string): ReadonlySet<string> {
    return this.presence.online(workshopId);
  }
}
