import { boardSettingsFor, CloseCode, PARTICIPANT_WRITE_PHASES } from '@warsztat/shared';
import type { WorkshopService } from '../control/WorkshopService.js';
import type { Authorization } from './SyncServer.js';

/**
 * Rights per (token, doc), DESIGN §3. Write rights are re-evaluated on every update from the live
 * workshop state, so closing the workshop or moving a participant takes effect on the next message.
 */
export async function authorizeDoc(
  service: WorkshopService,
  rawToken: string | null,
  docName: string,
): Promise<Authorization> {
  const token = await service.resolveToken(rawToken);
  if (!token) return { ok: false, code: CloseCode.Unauthorized, reason: 'bad token' };
  const [workshopId, groupId, ...rest] = docName.split('.');
  if (!workshopId || !groupId || rest.length > 0 || workshopId !== token.workshopId) {
    return { ok: false, code: CloseCode.Forbidden, reason: 'not a document of this workshop' };
  }
  const workshop = await service.get(workshopId);
  if (!workshop?.groups.some((g) => g.id === groupId)) {
    return { ok: false, code: CloseCode.Forbidden, reason: 'no such document' };
  }
  const live = () => service.peek(workshopId);
  switch (token.role) {
    case 'facilitator':
    case 'coFacilitator':
      return { ok: true, workshopId, canAwareness: true, canWrite: () => live()?.phase !== 'closed' };
    case 'projector':
      return { ok: true, workshopId, canAwareness: false, canWrite: () => false };
    case 'participant': {
      const memberOf = () => live()?.participants.find((p) => p.id === token.participantId)?.groupId;
      if (memberOf() !== groupId) return { ok: false, code: CloseCode.Forbidden, reason: 'not your group' };
      return {
        ok: true,
        workshopId,
        canAwareness: true,
        canWrite: () => {
          const w = live();
          // A facilitator's lock (board settings) makes the board read-only for its participants.
          return (
            !!w &&
            PARTICIPANT_WRITE_PHASES.includes(w.phase) &&
            memberOf() === groupId &&
            !boardSettingsFor(w.control?.boards, groupId).locked
          );
        },
      };
    }
  }
}
