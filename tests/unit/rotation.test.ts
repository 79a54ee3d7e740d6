import { describe, expect, it } from 'vitest';
import { applyRotation } from '../../server/src/control/commands/rotate.js';
import { mayRun } from '../../server/src/control/rights.js';
import { mintWorkshopTokens, staffTokenFor } from '../../server/src/control/tokens.js';
import { isCurrentLink } from '../../server/src/domain/workshop.js';
import { hashToken, projectorTokenFor } from '../../server/src/ids.js';
import { workshopRecord } from '../helpers/records.js';

/** Rotation's pure parts (issue #14): derivation by epoch, the rights rule, and the current-link check. */
describe('rotation', () => {
  it('derives epoch 0 exactly as before rotation existed, and a different token per epoch', () => {
    const root = 'facilitator-token-of-22c';
    expect(staffTokenFor(root, 'projector', 0)).toBe(projectorTokenFor(root));
    const tokens = [0, 1, 2].flatMap((epoch) => [
      staffTokenFor(root, 'projector', epoch),
      staffTokenFor(root, 'coFacilitator', epoch),
    ]);
    expect(new Set(tokens).size).toBe(6);
    expect(tokens.every((t) => t.length === 22)).toBe(true);
  });

  it('moves only the rotated link to its next epoch, and only the newest hash is current', () => {
    const { workshop, answer } = mintWorkshopTokens(workshopRecord());
    const first = { role: 'projector' as const, hash: hashToken(answer.projectorToken) };
    expect(isCurrentLink(workshop, first)).toBe(true);
    const rotated = applyRotation(workshop, 'projector', {
      facilitatorToken: answer.facilitatorToken,
      freshJoinCode: null,
    });
    if (!rotated.ok) throw new Error('rotation refused');
    const next = rotated.value.workshop;
    expect(next.control.staffLinks.projector.epoch).toBe(1);
    expect(next.control.staffLinks.coFacilitator).toEqual(workshop.control.staffLinks.coFacilitator);
    expect(rotated.value.tokens).toEqual([
      {
        hash: hashToken(staffTokenFor(answer.facilitatorToken, 'projector', 1)),
        workshopId: workshop.id,
        role: 'projector',
        participantId: null,
      },
    ]);
    expect(isCurrentLink(next, first)).toBe(false);
    expect(isCurrentLink(next, { role: 'projector', hash: rotated.value.tokens[0]?.hash ?? '' })).toBe(true);
    // Participants and the facilitator are never "replaced" by a link rotation.
    expect(isCurrentLink(next, { role: 'participant', hash: 'x' })).toBe(true);
    expect(isCurrentLink(next, { role: 'facilitator', hash: 'x' })).toBe(true);
  });

  it('refuses a link rotation without the facilitator token, and changes only the code for joinCode', () => {
    const w = workshopRecord({ joinCode: 'ABCDEF' });
    expect(applyRotation(w, 'coFacilitator', { facilitatorToken: null, freshJoinCode: null })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const code = applyRotation(w, 'joinCode', { facilitatorToken: null, freshJoinCode: 'GHJKLM' });
    expect(code).toEqual({ ok: true, value: { workshop: { ...w, joinCode: 'GHJKLM' }, tokens: [] } });
  });

  it('lets the facilitator rotate everything, a co-facilitator the join code only, nobody else anything', () => {
    for (const target of ['joinCode', 'projector', 'coFacilitator'] as const) {
      const command = { type: 'rotate' as const, target };
      expect(mayRun('facilitator', command)).toBe(true);
      expect(mayRun('coFacilitator', command)).toBe(target === 'joinCode');
      expect(mayRun('projector', command)).toBe(false);
      expect(mayRun('participant', command)).toBe(false);
    }
  });
});
