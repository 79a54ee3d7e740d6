/**
 * One server-side timer per workshop, kept in step with its stored `recallEndsAt`. The workshop
 * service owns the state; this class only owns the timers, so closing the server can stop them
 * all and a restart can re-arm them from what was stored.
 */
export class RecallTimers {
  private readonly pending = new Map<string, { endsAt: number; timer: NodeJS.Timeout }>();

  constructor(
    private readonly fire: (workshopId: string, endsAt: number) => void,
    private readonly now: () => number,
  ) {}

  /** Arms, re-arms or cancels the workshop's timer; a no-op when it already matches. */
  sync(workshopId: string, endsAt: number | null): void {
    const current = this.pending.get(workshopId);
    if (current && current.endsAt === endsAt) return;
    if (current) clearTimeout(current.timer);
    this.pending.delete(workshopId);
    if (endsAt === null) return;
    const timer = setTimeout(
      () => {
        this.pending.delete(workshopId);
        this.fire(workshopId, endsAt);
      },
      Math.max(0, endsAt - this.now()),
    );
    this.pending.set(workshopId, { endsAt, timer });
  }

  isPending(workshopId: string): boolean {
    return this.pending.has(workshopId);
  }

  dispose(): void {
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
