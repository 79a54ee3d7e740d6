import type { GroupRecord, ParticipantRecord } from '../domain/workshop.js';

/**
 * Even-size auto-assignment: returns participantId → groupId for everyone.
 * Online participants go to online groups first when the workshop has any (hybrid); the rest are
 * dealt round-robin after sorting by organisation type, so each group gets a mix of types.
 */
export function autoAssign(groups: GroupRecord[], participants: ParticipantRecord[]): Map<string, string> {
  const result = new Map<string, string>();
  if (groups.length === 0) return result;
  const online = groups.filter((g) => g.attendance === 'online');
  const onsite = groups.filter((g) => g.attendance === 'onsite');
  const pools: Array<[GroupRecord[], ParticipantRecord[]]> =
    online.length > 0 && onsite.length > 0
      ? [
          [online, participants.filter((p) => p.attendance === 'online')],
          [onsite, participants.filter((p) => p.attendance !== 'online')],
        ]
      : [[groups, participants]];
  for (const [pool, people] of pools) {
    const sorted = [...people].sort(
      (a, b) =>
        (a.orgType ?? '~').localeCompare(b.orgType ?? '~') || a.joinedAt - b.joinedAt || a.id.localeCompare(b.id),
    );
    sorted.forEach((p, i) => {
      const group = pool[i % pool.length];
      if (group) result.set(p.id, group.id);
    });
  }
  return result;
}

/** Where a late joiner goes: the smallest group of the matching attendance, first by position. */
export function placeLateJoiner(
  groups: GroupRecord[],
  participants: ParticipantRecord[],
  joiner: ParticipantRecord,
): string | null {
  const matching = groups.filter((g) => g.attendance === joiner.attendance);
  const pool = matching.length > 0 ? matching : groups;
  let best: GroupRecord | null = null;
  let bestSize = Number.POSITIVE_INFINITY;
  for (const g of pool) {
    const size = participants.filter((p) => p.groupId === g.id).length;
    if (size < bestSize) {
      best = g;
      bestSize = size;
    }
  }
  return best?.id ?? null;
}
