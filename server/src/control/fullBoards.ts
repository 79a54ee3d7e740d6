import { parseDocName } from '@warsztat/shared';
import { planeLog } from '../log.js';
import { ok } from './result.js';
import type { WorkshopService } from './WorkshopService.js';

const log = planeLog('control');

/**
 * The sync plane refused a write because a board reached its quota (4409): the group is recorded
 * in the workshop's control state (`fullBoards`), so every facilitator's console — after a reload,
 * and on every node through the workshop bus — says which board is full. A board refuses writes
 * many times once full; only the first is stored, so the event log and the state pushes stay
 * quiet. The plenary doc is written by facilitators only, who see its refusal on their own screen.
 */
export async function markBoardFull(workshops: WorkshopService, docName: string): Promise<void> {
  const ref = parseDocName(docName);
  if (!ref || ref.kind !== 'group') return;
  const { workshopId, groupId } = ref;
  if (workshops.peek(workshopId)?.control.fullBoards.includes(groupId)) return;
  try {
    const result = await workshops.run(workshopId, async () => {
      const current = await workshops.get(workshopId);
      if (!current?.groups.some((g) => g.id === groupId) || current.control.fullBoards.includes(groupId)) {
        return ok(false);
      }
      const fullBoards = [...current.control.fullBoards, groupId];
      await workshops.commit(current, { ...current, control: { ...current.control, fullBoards } }, 'boardFull', {
        groupId,
      });
      return ok(true);
    });
    if (!result.ok) log.warn({ workshopId, groupId, code: result.error.code }, 'could not record a full board');
    else if (result.value) log.info({ workshopId, groupId }, 'board full');
  } catch (error) {
    // Called from the sync plane's event, which must never see a throw (it runs on a socket's message).
    log.error({ workshopId, groupId, err: error }, 'could not record a full board');
  }
}
