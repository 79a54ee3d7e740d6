import { type Command, canTransition, ErrorCode, type Phase } from '@warsztat/shared';
import type { WorkshopRecord } from '../../domain/workshop.js';
import { assertNever, fail, ok, type Result } from '../result.js';
import { markRoundStarted } from './rounds.js';

export const MINUTE_MS = 60_000;
export const DEFAULT_BREAKOUT_MINUTES = 30;

export function stopped(): WorkshopRecord['timer'] {
  return { endsAt: null, pausedRemainingMs: null };
}

/** Every phase change also ends a pending recall: the facilitator has decided where the room goes. */
export function applyPhase(
  w: WorkshopRecord,
  command: Extract<Command, { type: 'phase' }>,
  now: number,
): Result<WorkshopRecord> {
  if (!canTransition(w.phase, command.to)) {
    return fail(ErrorCode.Conflict, `Cannot go from ${w.phase} to ${command.to}`);
  }
  const base: WorkshopRecord = { ...w, control: { ...w.control, recallEndsAt: null } };
  switch (command.to) {
    case 'breakout': {
      const minutes = command.minutes ?? DEFAULT_BREAKOUT_MINUTES;
      return ok({
        ...markRoundStarted(base, now),
        phase: 'breakout',
        spotlightGroupId: null,
        timer: { endsAt: now + minutes * MINUTE_MS, pausedRemainingMs: null },
      });
    }
    case 'presenting': {
      if (!w.groups.some((g) => g.id === command.groupId)) return fail(ErrorCode.NotFound, 'No such group');
      return ok({ ...base, phase: 'presenting', spotlightGroupId: command.groupId, timer: stopped() });
    }
    case 'plenary':
    case 'discussion':
      return ok({ ...base, phase: command.to, timer: stopped() });
    case 'closed':
      // Retention (issue #19) counts from here.
      return ok({ ...base, phase: 'closed', timer: stopped(), control: { ...base.control, closedAt: now } });
    default:
      return assertNever(command);
  }
}

export function applyTimer(
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

const RECALL_FROM: readonly Phase[] = ['breakout', 'presenting', 'discussion'];

/** Recall to plenary: a countdown the service turns into `phase → plenary` when it runs out. */
export function applyRecall(
  w: WorkshopRecord,
  command: Extract<Command, { type: 'recall' }>,
  now: number,
): Result<WorkshopRecord> {
  if (command.seconds === null) {
    if (w.control.recallEndsAt === null) return fail(ErrorCode.Conflict, 'No recall is running');
    return ok({ ...w, control: { ...w.control, recallEndsAt: null } });
  }
  // Only from a phase where the room is spread out; from the lobby a plain phase change is the tool.
  if (!RECALL_FROM.includes(w.phase) || !canTransition(w.phase, 'plenary')) {
    return fail(ErrorCode.Conflict, `Cannot recall to plenary from ${w.phase}`);
  }
  return ok({ ...w, control: { ...w.control, recallEndsAt: now + command.seconds * 1000 } });
}
