/**
 * Who is online in each workshop: participants with a control socket on this node (counted, so
 * several tabs count once), plus — in multi-node mode — those other nodes report, each report
 * valid until its expiry, so a node that dies stops counting its participants by itself.
 */
export class Presence {
  private readonly local = new Map<string, Map<string, number>>();
  private readonly remote = new Map<string, Map<string, { ids: ReadonlySet<string>; until: number }>>();

  /** Counts a socket in or out; true when the participant came online or went offline here. */
  count(workshopId: string, participantId: string, delta: 1 | -1): boolean {
    let counts = this.local.get(workshopId);
    if (!counts) {
      counts = new Map();
      this.local.set(workshopId, counts);
    }
    const before = counts.get(participantId) ?? 0;
    const after = Math.max(0, before + delta);
    if (after === 0) counts.delete(participantId);
    else counts.set(participantId, after);
    if (counts.size === 0) this.local.delete(workshopId);
    return (before === 0) !== (after === 0);
  }

  /** Ids online on this node, for reporting to the others. */
  localIds(workshopId: string): string[] {
    return [...(this.local.get(workshopId)?.keys() ?? [])];
  }

  localWorkshops(): string[] {
    return [...this.local.keys()];
  }

  /** Another node's report; true when the workshop's online set changed. */
  setRemote(workshopId: string, nodeId: string, ids: readonly string[], until: number): boolean {
    const before = this.online(workshopId);
    let nodes = this.remote.get(workshopId);
    if (!nodes) {
      nodes = new Map();
      this.remote.set(workshopId, nodes);
    }
    if (ids.length === 0) nodes.delete(nodeId);
    else nodes.set(nodeId, { ids: new Set(ids), until });
    if (nodes.size === 0) this.remote.delete(workshopId);
    return !sameSet(before, this.online(workshopId));
  }

  /** Drops reports past their expiry; returns the workshops whose online set changed. */
  expire(now: number): string[] {
    const changed: string[] = [];
    for (const [workshopId, nodes] of this.remote) {
      const before = this.online(workshopId);
      for (const [nodeId, report] of nodes) if (report.until <= now) nodes.delete(nodeId);
      if (nodes.size === 0) this.remote.delete(workshopId);
      if (!sameSet(before, this.online(workshopId))) changed.push(workshopId);
    }
    return changed;
  }

  online(workshopId: string): ReadonlySet<string> {
    const ids = new Set(this.local.get(workshopId)?.keys() ?? []);
    for (const report of this.remote.get(workshopId)?.values() ?? []) for (const id of report.ids) ids.add(id);
    return ids;
  }

  forget(workshopId: string): void {
    this.local.delete(workshopId);
    this.remote.delete(workshopId);
  }
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
