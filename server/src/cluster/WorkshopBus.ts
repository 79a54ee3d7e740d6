import { z } from 'zod';
import type { ControlPlane } from '../control/ControlPlane.js';
import { planeLog } from '../log.js';
import type { Cluster } from './Cluster.js';

const log = planeLog('cluster');

export const WORKSHOP_CHANNEL = 'warsztat:workshops';
/** Ms between presence reports; a report is trusted for PRESENCE_TTL_MS, so a dead node fades out. */
export const PRESENCE_HEARTBEAT_MS = 5_000;
export const PRESENCE_TTL_MS = 3 * PRESENCE_HEARTBEAT_MS;

/** Only nodes of this deployment publish here, but a message is still parsed, never trusted. */
const BusMessage = z.discriminatedUnion('k', [
  /** A workshop was saved at `v`: nodes holding an older copy reload it and tell their sockets. */
  z.object({ k: z.literal('w'), node: z.string(), id: z.string(), v: z.number().int() }),
  /** The workshop was deleted (issue #19): every node drops it from memory and hangs up its sockets. */
  z.object({ k: z.literal('d'), node: z.string(), id: z.string() }),
  /** Participants online on `node` (their control sockets are there). */
  z.object({ k: z.literal('p'), node: z.string(), id: z.string(), ids: z.array(z.string()) }),
]);
type BusMessage = z.infer<typeof BusMessage>;

/**
 * The control plane across nodes (DESIGN §5). The store is the truth and the version check orders
 * writes; this bus only tells the other nodes *when* to read again, so each reloads the workshop,
 * re-arms its recall timer, re-checks sync rights and sends its own sockets their role's view.
 * Presence travels here too, since online participants live in each node's memory.
 */
export class WorkshopBus {
  private readonly node: string;
  /**
   * Highest version announced or heard of per workshop this node holds, so a reload is not
   * announced again. Bounded by the service's cache: notices about workshops this node does not
   * hold are not recorded, and entries of workshops evicted from the cache go at the next
   * heartbeat — a node running for months sees every workshop of the deployment go by, and must
   * not keep one entry for each.
   */
  private readonly announced = new Map<string, number>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly unsubscribe: Array<() => void> = [];

  private constructor(
    private readonly cluster: Cluster,
    private readonly control: Pick<ControlPlane, 'workshops' | 'presence' | 'deletion'>,
  ) {
    this.node = cluster.nodeId.toString('hex');
    this.unsubscribe.push(
      control.workshops.onChange((workshop) => {
        if (workshop.version <= (this.announced.get(workshop.id) ?? 0)) return;
        this.announced.set(workshop.id, workshop.version);
        this.publish({ k: 'w', node: this.node, id: workshop.id, v: workshop.version });
      }),
      control.presence.onPresence((id, ids) => this.publish({ k: 'p', node: this.node, id, ids })),
      control.deletion.onDeletedHere((id) => {
        this.announced.delete(id);
        this.publish({ k: 'd', node: this.node, id });
      }),
      cluster.onReconnect(() => this.catchUp()),
    );
    this.heartbeat = setInterval(() => this.beat(), PRESENCE_HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  static async start(
    cluster: Cluster,
    control: Pick<ControlPlane, 'workshops' | 'presence' | 'deletion'>,
  ): Promise<WorkshopBus> {
    const bus = new WorkshopBus(cluster, control);
    await cluster.subscribe(WORKSHOP_CHANNEL, (message) => bus.receive(message));
    return bus;
  }

  private publish(message: BusMessage): void {
    this.cluster.publish(WORKSHOP_CHANNEL, JSON.stringify(message));
  }

  private receive(raw: Buffer): void {
    let message: BusMessage;
    try {
      message = BusMessage.parse(JSON.parse(raw.toString()));
    } catch {
      log.warn('dropped a malformed workshop message');
      return;
    }
    if (message.node === this.node) return;
    switch (message.k) {
      case 'w':
        // A workshop this node does not hold is read fresh on its next use anyway.
        if (!this.control.workshops.peek(message.id)) return;
        if (message.v > (this.announced.get(message.id) ?? 0)) this.announced.set(message.id, message.v);
        this.refresh(message.id);
        return;
      case 'd':
        this.announced.delete(message.id);
        this.control.deletion
          .forgetDeleted(message.id)
          .catch((error: unknown) =>
            log.error({ workshopId: message.id, err: error }, 'could not drop deleted workshop'),
          );
        return;
      case 'p':
        this.control.presence.setRemoteOnline(message.id, message.node, message.ids, Date.now() + PRESENCE_TTL_MS);
        return;
    }
  }

  private refresh(workshopId: string): void {
    this.control.workshops
      .refresh(workshopId)
      .catch((error: unknown) => log.error({ workshopId, err: error }, 'could not reload a workshop'));
  }

  /** Renews this node's presence reports and lets the others' fade when they stop coming. */
  private beat(): void {
    for (const [id, ids] of this.control.presence.localPresence()) this.publish({ k: 'p', node: this.node, id, ids });
    this.control.presence.expireRemotePresence();
    // Evicted workshops: their next load reads the store, and the next save announces afresh.
    for (const id of this.announced.keys()) if (!this.control.workshops.peek(id)) this.announced.delete(id);
  }

  /** Redis was away: any change announced meanwhile was lost, so every held workshop is reread. */
  private catchUp(): void {
    for (const id of this.control.workshops.cachedIds()) this.refresh(id);
    this.beat();
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const off of this.unsubscribe) off();
    this.cluster.unsubscribe(WORKSHOP_CHANNEL);
  }
}
