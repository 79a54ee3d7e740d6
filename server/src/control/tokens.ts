import type { CreateWorkshopAnswer } from '@warsztat/shared';
import type { StaffLinkRecord } from '../domain/control.js';
import type { TokenRecord, WorkshopRecord } from '../domain/workshop.js';
import { coFacilitatorTokenFor, hashToken, newToken, projectorTokenFor } from '../ids.js';

/** The links derived from the facilitator's token (ids.ts); each can be rotated on its own. */
export type StaffLinkRole = 'projector' | 'coFacilitator';

/** The raw token of a derived link at its current epoch. */
export function staffTokenFor(facilitatorToken: string, role: StaffLinkRole, epoch: number): string {
  return role === 'projector'
    ? projectorTokenFor(facilitatorToken, epoch)
    : coFacilitatorTokenFor(facilitatorToken, epoch);
}

function staffRecord(workshopId: string, role: StaffLinkRole, token: string): TokenRecord {
  return { hash: hashToken(token), workshopId, role, participantId: null };
}

/**
 * New facilitator, projector and co-facilitator tokens for a new workshop (created, imported or
 * copied), the workshop stamped with the derived links' hashes at epoch 0, and the answer that
 * hands the tokens out. The projector and co-facilitator tokens are derived from the
 * facilitator's (ids.ts), so its console can always show their links; the store keeps only hashes.
 */
export function mintWorkshopTokens(workshop: WorkshopRecord): {
  workshop: WorkshopRecord;
  tokens: TokenRecord[];
  answer: CreateWorkshopAnswer;
} {
  const { id, joinCode } = workshop;
  const facilitatorToken = newToken();
  const projector = staffRecord(id, 'projector', projectorTokenFor(facilitatorToken));
  const coFacilitator = staffRecord(id, 'coFacilitator', coFacilitatorTokenFor(facilitatorToken));
  const tokens: TokenRecord[] = [
    { hash: hashToken(facilitatorToken), workshopId: id, role: 'facilitator', participantId: null },
    projector,
    coFacilitator,
  ];
  const projectorToken = projectorTokenFor(facilitatorToken);
  return {
    // An import or copy never carries its source's rotations: these are the new workshop's links.
    workshop: {
      ...workshop,
      control: {
        ...workshop.control,
        staffLinks: {
          projector: { epoch: 0, hash: projector.hash },
          coFacilitator: { epoch: 0, hash: coFacilitator.hash },
        },
      },
    },
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

/**
 * The next token of a derived link: the workshop with that link at its next epoch, and the token
 * record to store. The store replaces the role's old token with it in the same save (one token
 * per staff role), so the old link stops resolving at once.
 */
export function rotatedStaffLink(
  workshop: WorkshopRecord,
  role: StaffLinkRole,
  facilitatorToken: string,
): { workshop: WorkshopRecord; token: TokenRecord } {
  const epoch = workshop.control.staffLinks[role].epoch + 1;
  const token = staffRecord(workshop.id, role, staffTokenFor(facilitatorToken, role, epoch));
  const link: StaffLinkRecord = { epoch, hash: token.hash };
  return {
    workshop: {
      ...workshop,
      control: { ...workshop.control, staffLinks: { ...workshop.control.staffLinks, [role]: link } },
    },
    token,
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
