import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '@warsztat/shared';

/** Short url-safe id for workshops, groups, participants (72 bits: unguessable is not needed, unique is). */
export function newId(): string {
  return randomBytes(9).toString('base64url');
}

/** Capability token: 128 bits of randomness. Only its hash is stored. */
export function newToken(): string {
  return randomBytes(16).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * The label a derived link is made from. Epoch 0 is the label every workshop had before rotation
 * existed (issue #14), so their links keep working; each rotation takes the next epoch.
 */
function derivationLabel(kind: 'projector' | 'co-facilitator', epoch: number): string {
  return epoch === 0 ? `warsztat ${kind} v1` : `warsztat ${kind} v1 #${epoch}`;
}

/**
 * The projector token is derived from the facilitator token, so the console can always show the
 * projector link while the server still stores only hashes; `epoch` counts its rotations.
 */
export function projectorTokenFor(facilitatorToken: string, epoch = 0): string {
  return createHmac('sha256', facilitatorToken)
    .update(derivationLabel('projector', epoch))
    .digest('base64url')
    .slice(0, 22);
}

/** The co-facilitator link, derived the same way so the facilitator's console can always show it. */
export function coFacilitatorTokenFor(facilitatorToken: string, epoch = 0): string {
  return createHmac('sha256', facilitatorToken)
    .update(derivationLabel('co-facilitator', epoch))
    .digest('base64url')
    .slice(0, 22);
}

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}
