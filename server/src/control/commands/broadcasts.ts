import { type Command, ErrorCode } from '@warsztat/shared';
import type { WorkshopRecord } from '../../domain/workshop.js';
import { fail, ok, type Result } from '../result.js';

/** Active messages kept; the oldest goes first (screens show the newest few). */
export const MAX_BROADCASTS = 20;

export function applyBroadcast(
  w: WorkshopRecord,
  command: Extract<Command, { type: 'broadcast' }>,
  now: number,
  makeId: () => string,
): Result<WorkshopRecord> {
  if (command.groupId !== null && !w.groups.some((g) => g.id === command.groupId)) {
    return fail(ErrorCode.NotFound, 'No such group');
  }
  const message = {
    id: makeId(),
    text: command.text,
    groupId: command.groupId,
    at: now,
    aboutTimer: command.aboutTimer ?? false,
  };
  return ok({
    ...w,
    control: { ...w.control, broadcasts: [...w.control.broadcasts, message].slice(-MAX_BROADCASTS) },
  });
}

/** Removing a message that is already gone (another facilitator, a phase change) is not an error. */
export function applyBroadcastRemove(
  w: WorkshopRecord,
  command: Extract<Command, { type: 'broadcastRemove' }>,
): Result<WorkshopRecord> {
  if (!w.control.broadcasts.some((b) => b.id === command.messageId)) return ok(w);
  return ok({
    ...w,
    control: { ...w.control, broadcasts: w.control.broadcasts.filter((b) => b.id !== command.messageId) },
  });
}

function timerChanged(before: WorkshopRecord['timer'], after: WorkshopRecord['timer']): boolean {
  return before.endsAt !== after.endsAt || before.pausedRemainingMs !== after.pausedRemainingMs;
}

/**
 * What a change does to the messages on screen: a new phase clears them all (a "Zostało 10 minut"
 * must not survive into the presentations); a changed timer clears the ones about the timer.
 */
export function expireBroadcasts(before: WorkshopRecord, after: WorkshopRecord): WorkshopRecord {
  const { broadcasts } = after.control;
  if (broadcasts.length === 0) return after;
  if (after.phase !== before.phase) return { ...after, control: { ...after.control, broadcasts: [] } };
  if (!timerChanged(before.timer, after.timer)) return after;
  const kept = broadcasts.filter((b) => !b.aboutTimer);
  return kept.length === broadcasts.length ? after : { ...after, control: { ...after.control, broadcasts: kept } };
}
