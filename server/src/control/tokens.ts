import type { CreateWorkshopAnswer } from '@warsztat/shared';
import type { TokenRecord, WorkshopRecord } from '../domain/workshop.js';
import { coFacilitatorTokenFor, hashToken, newToken, projectorTokenFor } from '../ids.js';

/**
 * New facilitator, projector and co-facilitator tokens for a new workshop, and the answer that
 * hands them out. The projector and co-facilitator tokens are derived from the facilitator's
 * (ids.ts), so its console can always show their links; the store keeps only the hashes.
 */
export function mintWorkshopTokens(workshop: Pick<WorkshopRecord, 'id' | 'joinCode'>): {
  tokens: TokenRecord[];
  answer: CreateWorkshopAnswer;
} {
  const { id, joinCode } = workshop;
  const facilitatorToken = newToken();
  const projectorToken = projectorTokenFor(facilitatorToken);
  const tokens: TokenRecord[] = [
    { hash: hashToken(facilitatorToken), workshopId: id, role: 'facilitator', participantId: null },
    { hash: hashToken(projectorToken), workshopId: id, role: 'projector', participantId: null },
    {
      hash: hashToken(coFacilitatorTokenFor(facilitatorToken)),
      workshopId: id,
      role: 'coFacilitator',
      participantId: null,
    },
  ];
  return {
    tokens,
    answer: {
      id,
      joinCode,
      facilitatorToken,
      projectorToken,
      links: { facilitator: `/f/${facilitatorToken}`, join: `/j/${joinCode}`, projector: `/p/${projectorToken}` },
    },
  };
}

/** A participant's token, minted at join; the answer carries the raw token, the store its hash. */
export function mintParticipantToken(
  workshopId: string,
  participantId: string,
): { token: string; record: TokenRecord } {
  const token = newToken();
  return { token, record: { hash: hashToken(token), workshopId, role: 'participant', participantId } };
}
