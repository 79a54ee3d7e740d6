import { nextInOrder, normaliseOrder, projectorScreen, readProjector } from '@warsztat/shared';
import { describe, expect, it } from 'vitest';
import { applyCommand, applyParticipantCommand } from '../../server/src/control/commands/index.js';
import { viewFor } from '../../server/src/control/views.js';
import type { WorkshopRecord } from '../../server/src/domain/workshop.js';
import { groupRecord, participantRecord, workshopRecord } from '../helpers/records.js';

const NOW = 1_700_000_000_000;
const workshop = (extra: Partial<WorkshopRecord> = {}) =>
  workshopRecord({
    groups: [groupRecord('g1'), groupRecord('g2'), groupRecord('g3')],
    participants: [participantRecord('p1', { groupId: 'g1' }), participantRecord('p2', { groupId: 'g2' })],
    ...extra,
  });

function applied(w: WorkshopRecord, command: Parameters<typeof applyCommand>[1]): WorkshopRecord {
  const result = applyCommand(w, command, NOW);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('projector settings', () => {
  it('normalises the presentation order: unknown ids dropped, duplicates removed, new groups appended', () => {
    expect(normaliseOrder(['g3', 'x', 'g3', 'g1'], ['g1', 'g2', 'g3'])).toEqual(['g3', 'g1', 'g2']);
    expect(readProjector(undefined, ['g1', 'g2']).order).toEqual(['g1', 'g2']);
    expect(readProjector({ view: 'bogus', safeArea: { corner: 'top-right', widthPct: 99, heightPct: 1 } }, [])).toEqual(
      {
        view: 'auto',
        order: [],
        frozen: false,
        safeArea: { corner: 'top-right', widthPct: 40, heightPct: 5 },
        page: 0,
        roundId: null,
      },
    );
  });

  it('walks the order forwards and backwards and stops at either end', () => {
    expect(nextInOrder(['a', 'b'], null)).toBe('a');
    expect(nextInOrder(['a', 'b'], 'a')).toBe('b');
    expect(nextInOrder(['a', 'b'], 'b')).toBeNull();
    expect(nextInOrder(['a', 'b'], 'b', -1)).toBe('a');
    expect(nextInOrder(['a', 'b'], null, -1)).toBeNull();
  });

  it('resolves auto to a screen per phase, and a pinned view wins until the workshop closes', () => {
    expect(projectorScreen('auto', 'lobby', null)).toBe('lobby');
    expect(projectorScreen('auto', 'breakout', null)).toBe('overview');
    expect(projectorScreen('auto', 'presenting', 'g1')).toBe('spotlight');
    expect(projectorScreen('auto', 'plenary', 'g1')).toBe('spotlight');
    expect(projectorScreen('auto', 'plenary', null)).toBe('overview');
    expect(projectorScreen('auto', 'discussion', null)).toBe('consolidated');
    expect(projectorScreen('recommendations', 'breakout', null)).toBe('recommendations');
    expect(projectorScreen('recommendations', 'closed', null)).toBe('closed');
  });

  it('"next" starts the presentations from plenary in the chosen order, then advances and stops after the last', () => {
    let w = applied(workshop({ phase: 'plenary' }), { type: 'projector', action: 'order', groupIds: ['g3', 'g1'] });
    expect(viewFor(w, { role: 'facilitator', participantId: null }, new Set()).projector.order).toEqual([
      'g3',
      'g1',
      'g2',
    ]);
    w = applied(w, { type: 'projector', action: 'next' });
    expect([w.phase, w.spotlightGroupId]).toEqual(['presenting', 'g3']);
    w = applied(w, { type: 'projector', action: 'next' });
    w = applied(w, { type: 'projector', action: 'next' });
    expect(w.spotlightGroupId).toBe('g2');
    const last = applyCommand(w, { type: 'projector', action: 'next' }, NOW);
    expect(last.ok ? null : last.error.code).toBe('conflict');
    w = applied(w, { type: 'projector', action: 'previous' });
    expect(w.spotlightGroupId).toBe('g1');
  });

  it('refuses an order with unknown or repeated groups', () => {
    const unknown = applyCommand(workshop(), { type: 'projector', action: 'order', groupIds: ['g1', 'nope'] }, NOW);
    expect(unknown.ok ? null : unknown.error.code).toBe('not_found');
    const twice = applyCommand(workshop(), { type: 'projector', action: 'order', groupIds: ['g1', 'g1'] }, NOW);
    expect(twice.ok ? null : twice.error.code).toBe('bad_request');
  });

  it('stores freeze, view and safe area in the control record', () => {
    let w = applied(workshop(), { type: 'projector', action: 'freeze', frozen: true });
    w = applied(w, { type: 'projector', action: 'view', view: 'recommendations' });
    w = applied(w, { type: 'projector', action: 'safeArea', corner: 'bottom-right', widthPct: 22, heightPct: 35 });
    expect(w.control.projector).toEqual({
      view: 'recommendations',
      order: ['g1', 'g2', 'g3'],
      frozen: true,
      safeArea: { corner: 'bottom-right', widthPct: 22, heightPct: 35 },
      page: 0,
      roundId: null,
    });
  });
});

describe('plenary vote commands', () => {
  it('lets a participant vote only while voting is open, in plenary, within the budget', () => {
    let w = workshop({ phase: 'plenary' });
    const vote = (delta: 1 | -1, itemId = 'i1') =>
      applyParticipantCommand(w, 'p1', { type: 'vote', itemId, delta }, NOW);
    const closed = vote(1);
    expect(closed.ok ? null : closed.error.message).toBe('Voting is not open');
    w = applied(w, { type: 'plenary', action: 'settings', votingOpen: true, budget: 1 });
    const first = vote(1);
    if (!first.ok) throw new Error(first.error.message);
    w = first.value;
    const second = vote(1, 'i2');
    expect(second.ok ? null : second.error.message).toBe('No votes left');
    const facilitator = viewFor(w, { role: 'facilitator', participantId: null }, new Set());
    expect(facilitator.plenary.totals).toEqual({ i1: 1 });
    const self = viewFor(w, { role: 'participant', participantId: 'p1' }, new Set());
    expect([self.plenary.totals, self.plenary.mine]).toEqual([null, { i1: 1 }]);
    const projector = viewFor(w, { role: 'projector', participantId: null }, new Set());
    expect([projector.plenary.totals, projector.plenary.mine]).toEqual([null, {}]);
    w = applied(w, { type: 'plenary', action: 'settings', revealed: true });
    expect(viewFor(w, { role: 'projector', participantId: null }, new Set()).plenary.totals).toEqual({ i1: 1 });
    w = applied(w, { type: 'plenary', action: 'forget', itemId: 'i1' });
    expect(viewFor(w, { role: 'participant', participantId: 'p1' }, new Set()).plenary.mine).toEqual({});
  });

  it('refuses votes during breakout', () => {
    const w = applied(workshop({ phase: 'breakout' }), { type: 'plenary', action: 'settings', votingOpen: true });
    const result = applyParticipantCommand(w, 'p1', { type: 'vote', itemId: 'i1', delta: 1 }, NOW);
    expect(result.ok ? null : result.error.code).toBe('conflict');
  });
});
