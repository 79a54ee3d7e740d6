import { type Command, canTransition, ErrorCode } from '@warsztat/shared';
import type { WorkshopRecord } from '../persistence/Store.js';
import { autoAssign } from './assign.js';
import { assertNever, fail, ok, type Result } from './result.js';

const MINUTE_MS = 60_000;
const DEFAULT_BREAKOUT_MINUTES = 30;

/**
 * Pure command handlers: current state + command → next state or a refusal. No I/O here, so every
 * rule is testable without a server and the REST and socket doors share one implementation.
 */
export function applyCommand(w: WorkshopRecord, command: Command, now: number): Result<WorkshopRecord> {
  if (w.phase === 'closed') return fail(ErrorCode.Conflict, 'The workshop is closed');
  switch (command.type) {
    case 'phase': {
      if (!canTransition(w.phase, command.to)) {
        return fail(ErrorCode.Conflict, `Cannot go from ${w.phase} to ${command.to}`);
      }
      switch (command.to) {
        case 'breakout': {
          const minutes = command.minutes ?? DEFAULT_BREAKOUT_MINUTES;
          return ok({
            ...w,
            phase: 'breakout',
            spotlightGroupId: null,
            timer: { endsAt: now + minutes * MINUTE_MS, pausedRemainingMs: null },
          });
        }
        case 'presenting': {
          if (!w.groups.some((g) => g.id === command.groupId)) return fail(ErrorCode.NotFound, 'No such group');
          return ok({ ...w, phase: 'presenting', spotlightGroupId: command.groupId, timer: stopped() });
        }
        case 'plenary':
        case 'discussion':
          return ok({ ...w, phase: command.to, timer: stopped() });
        case 'closed':
          return ok({ ...w, phase: 'closed', timer: stopped() });
        default:
          return assertNever(command);
      }
    }
    case 'spotlight': {
      if (command.groupId !== null && !w.groups.some((g) => g.id === command.groupId)) {
        return fail(ErrorCode.NotFound, 'No such group');
      }
      return ok({ ...w, spotlightGroupId: command.groupId });
    }
    case 'assign': {
      const assignment = autoAssign(w.groups, w.participants);
      return ok({
        ...w,
        participants: w.participants.map((p) => ({ ...p, groupId: assignment.get(p.id) ?? p.groupId })),
        groups: w.groups.map((g) => ({ ...g, rapporteurId: null })),
      });
    }
    case 'move': {
      if (!w.participants.some((p) => p.id === command.participantId)) {
        return fail(ErrorCode.NotFound, 'No such participant');
      }
      if (command.groupId !== null && !w.groups.some((g) => g.id === command.groupId)) {
        return fail(ErrorCode.NotFound, 'No such group');
      }
      return ok({
        ...w,
        participants: w.participants.map((p) =>
          p.id === command.participantId ? { ...p, groupId: command.groupId } : p,
        ),
        // A rapporteur who leaves the group stops being its rapporteur.
        groups: w.groups.map((g) =>
          g.rapporteurId === command.participantId && g.id !== command.groupId ? { ...g, rapporteurId: null } : g,
        ),
      });
    }
    case 'rapporteur': {
      if (!w.groups.some((g) => g.id === command.groupId)) return fail(ErrorCode.NotFound, 'No such group');
      if (command.participantId !== null) {
        const member = w.participants.find((p) => p.id === command.participantId);
        if (!member) return fail(ErrorCode.NotFound, 'No such participant');
        if (member.groupId !== command.groupId) return fail(ErrorCode.Conflict, 'The rapporteur must be a member');
      }
      return ok({
        ...w,
        groups: w.groups.map((g) => (g.id === command.groupId ? { ...g, rapporteurId: command.participantId } : g)),
      });
    }
    case 'timer':
      return applyTimer(w, command, now);
    default:
      return assertNever(command);
  }
}

function stopped(): WorkshopRecord['timer'] {
  return { endsAt: null, pausedRemainingMs: null };
}

function applyTimer(
  w: WorkshopRecord,
  command: Extract<Command, { type: 'timer' }>,
  now: number,
): Result<WorkshopRecord> {
  const { endsAt, pausedRemainingMs } = w.timer;
  switch (command.action) {
    case 'pause':
      if (endsAt === null) return fail(ErrorCode.Conflict, 'No timer is running');
      return ok({ ...w, timer: { endsAt: null, pausedRemainingMs: Math.max(0, endsAt - now) } });
    case 'resume':
      if (pausedRemainingMs === null) return fail(ErrorCode.Conflict, 'The timer is not paused');
      return ok({ ...w, timer: { endsAt: now + pausedRemainingMs, pausedRemainingMs: null } });
    case 'extend': {
      const add = command.minutes * MINUTE_MS;
      if (pausedRemainingMs !== null)
        return ok({ ...w, timer: { endsAt: null, pausedRemainingMs: pausedRemainingMs + add } });
      // Extending an expired or absent timer starts it from now.
      return ok({ ...w, timer: { endsAt: Math.max(endsAt ?? now, now) + add, pausedRemainingMs: null } });
    }
    case 'end':
      return ok({ ...w, timer: stopped() });
    default:
      return assertNever(command);
  }
}
