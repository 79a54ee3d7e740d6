import {
  type Command,
  canTransition,
  ErrorCode,
  MAX_PROJECTOR_PAGE,
  nextInOrder,
  normaliseOrder,
  type ProjectorSettings,
} from '@warsztat/shared';
import type { WorkshopRecord } from '../../domain/workshop.js';
import { assertNever, fail, ok, type Result } from '../result.js';
import { applyPhase } from './phase.js';

/** The projector settings in force (stored value normalised against the current groups). */
export function projectorOf(w: WorkshopRecord): ProjectorSettings {
  const stored = w.control.projector;
  return {
    ...stored,
    order: normaliseOrder(
      stored.order,
      w.groups.map((g) => g.id),
    ),
  };
}

/** One page on or back; never below the first (the projector wraps past its last page itself). */
export function turnPage(w: WorkshopRecord, step: 1 | -1): WorkshopRecord {
  const current = w.control.projector;
  const page = Math.min(MAX_PROJECTOR_PAGE, Math.max(0, current.page + step));
  return page === current.page ? w : withProjector(w, { ...current, page });
}

/** A new spotlight, view or phase starts at the first page. */
export function resetPage(before: WorkshopRecord, after: WorkshopRecord): WorkshopRecord {
  const projector = after.control.projector;
  if (projector.page === 0) return after;
  const moved =
    after.phase !== before.phase ||
    after.spotlightGroupId !== before.spotlightGroupId ||
    projector.view !== before.control.projector.view;
  return moved ? withProjector(after, { ...projector, page: 0 }) : after;
}

/** The presenting group's rapporteur may turn the page while presenting; nobody else. */
export function rapporteurTurnsPage(w: WorkshopRecord, participantId: string, step: 1 | -1): Result<WorkshopRecord> {
  const group = w.groups.find((g) => g.id === w.spotlightGroupId);
  if (w.phase !== 'presenting' || !group || group.rapporteurId !== participantId) {
    return fail(ErrorCode.Forbidden, 'Only the presenting group’s rapporteur may turn the page');
  }
  return ok(turnPage(w, step));
}

function withProjector(w: WorkshopRecord, projector: ProjectorSettings): WorkshopRecord {
  return { ...w, control: { ...w.control, projector } };
}

/**
 * `{type: 'projector', …}`: what the room's screen shows. `next`/`previous` walk the presentation
 * order: while presenting they move the spotlight; from plenary, breakout or discussion `next`
 * starts the presentations (phase → presenting) with the group after the current spotlight.
 */
export function applyProjector(
  w: WorkshopRecord,
  command: Extract<Command, { type: 'projector' }>,
  now: number,
): Result<WorkshopRecord> {
  const current = projectorOf(w);
  switch (command.action) {
    case 'view':
      return ok(withProjector(w, { ...current, view: command.view }));
    case 'order': {
      const known = new Set(w.groups.map((g) => g.id));
      if (command.groupIds.some((id) => !known.has(id))) return fail(ErrorCode.NotFound, 'No such group');
      if (new Set(command.groupIds).size !== command.groupIds.length) {
        return fail(ErrorCode.BadRequest, 'groupIds: a group may appear only once');
      }
      const order = normaliseOrder(
        command.groupIds,
        w.groups.map((g) => g.id),
      );
      return ok(withProjector(w, { ...current, order }));
    }
    case 'next':
    case 'previous': {
      const step = command.action === 'next' ? 1 : -1;
      const target = nextInOrder(current.order, w.spotlightGroupId, step);
      if (target === null) {
        return fail(ErrorCode.Conflict, step > 0 ? 'This was the last group' : 'This is the first group');
      }
      // A pinned view would hide the spotlight the facilitator just asked for.
      const shown = withProjector(w, { ...current, view: current.view === 'spotlight' ? 'spotlight' : 'auto' });
      if (w.phase === 'presenting') return ok({ ...shown, spotlightGroupId: target });
      if (!canTransition(w.phase, 'presenting')) {
        return fail(ErrorCode.Conflict, `Cannot present from ${w.phase}`);
      }
      return applyPhase(shown, { type: 'phase', to: 'presenting', groupId: target }, now);
    }
    case 'page':
      return ok(turnPage(w, command.step));
    case 'round':
      return withProjectorRound(w, command.roundId);
    case 'freeze':
      return ok(withProjector(w, { ...current, frozen: command.frozen }));
    case 'names':
      return ok({ ...w, control: { ...w.control, projectorNames: command.shown } });
    case 'safeArea':
      return ok(
        withProjector(w, {
          ...current,
          safeArea: { corner: command.corner, widthPct: command.widthPct, heightPct: command.heightPct },
        }),
      );
    default:
      return assertNever(command);
  }
}

/** The round the overview and spotlight show (issue #17); null follows the current round. */
export function withProjectorRound(w: WorkshopRecord, roundId: string | null): Result<WorkshopRecord> {
  if (roundId !== null && !w.control.rounds.some((r) => r.id === roundId)) {
    return fail(ErrorCode.NotFound, 'No such round');
  }
  return ok(withProjector(w, { ...projectorOf(w), roundId, page: 0 }));
}
