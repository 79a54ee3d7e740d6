import { ORG_TYPES } from '@warsztat/shared';
import { describe, expect, it } from 'vitest';
import { autoAssign, placeLateJoiner } from '../../server/src/control/assign.js';
import { applyCommand, applyParticipantCommand } from '../../server/src/control/commands/index.js';
import type { GroupRecord, WorkshopRecord } from '../../server/src/domain/workshop.js';
import { rng } from '../helpers/fuzzClient.js';
import { groupRecord, participantRecord, workshopRecord } from '../helpers/records.js';

const NOW = 1_700_000_000_000;

const group = (id: string, attendance: GroupRecord['attendance'] = 'onsite') => groupRecord(id, { attendance });
const person = participantRecord;
const workshop = (extra: Partial<WorkshopRecord> = {}) =>
  workshopRecord({
    groups: [group('g1'), group('g2')],
    participants: [person('p1'), person('p2'), person('p3')],
    ...extra,
  });

describe('autoAssign', () => {
  it('keeps group sizes within one and spreads organisation types (200 random workshops)', () => {
    const seed = 20261126;
    const random = rng(seed);
    for (let round = 0; round < 200; round++) {
      const groups = Array.from({ length: 1 + Math.floor(random() * 6) }, (_, i) => group(`g${i}`));
      const participants = Array.from({ length: Math.floor(random() * 70) }, (_, i) =>
        person(`p${i}`, { orgType: ORG_TYPES[Math.floor(random() * 4)] ?? null, joinedAt: i }),
      );
      const assignment = autoAssign(groups, participants);
      expect(assignment.size, `seed ${seed} round ${round}`).toBe(participants.length);
      const sizes = groups.map((g) => [...assignment.values()].filter((id) => id === g.id).length);
      expect(Math.max(...sizes) - Math.min(...sizes), `seed ${seed} round ${round}`).toBeLessThanOrEqual(1);
      // Each organisation type is spread: no group holds more than its fair share plus one.
      for (const type of ORG_TYPES.slice(0, 4)) {
        const ofType = participants.filter((p) => p.orgType === type);
        const perGroup = groups.map((g) => ofType.filter((p) => assignment.get(p.id) === g.id).length);
        expect(Math.max(...perGroup), `seed ${seed} round ${round} type ${type}`).toBeLessThanOrEqual(
          Math.ceil(ofType.length / groups.length) + 1,
        );
      }
    }
  });

  it('in hybrid workshops keeps online people online, sizes within one per pool, types spread (200 random)', () => {
    const seed = 20261127;
    const random = rng(seed);
    for (let round = 0; round < 200; round++) {
      const onsite = Array.from({ length: 1 + Math.floor(random() * 5) }, (_, i) => group(`g${i}`));
      const online = Array.from({ length: 1 + Math.floor(random() * 2) }, (_, i) => group(`o${i}`, 'online'));
      const groups = [...onsite, ...online];
      const participants = Array.from({ length: Math.floor(random() * 70) }, (_, i) =>
        person(`p${i}`, {
          orgType: ORG_TYPES[Math.floor(random() * 4)] ?? null,
          attendance: random() < 0.3 ? 'online' : 'onsite',
          joinedAt: i,
        }),
      );
      const assignment = autoAssign(groups, participants);
      const where = `seed ${seed} round ${round}`;
      expect(assignment.size, where).toBe(participants.length);
      for (const p of participants) {
        const target = groups.find((g) => g.id === assignment.get(p.id));
        expect(target?.attendance, where).toBe(p.attendance);
      }
      for (const pool of [onsite, online]) {
        const sizes = pool.map((g) => [...assignment.values()].filter((id) => id === g.id).length);
        expect(Math.max(...sizes) - Math.min(...sizes), where).toBeLessThanOrEqual(1);
        const people = participants.filter((p) => p.attendance === pool[0]?.attendance);
        for (const type of ORG_TYPES.slice(0, 4)) {
          const ofType = people.filter((p) => p.orgType === type);
          const perGroup = pool.map((g) => ofType.filter((p) => assignment.get(p.id) === g.id).length);
          expect(Math.max(...perGroup), `${where} type ${type}`).toBeLessThanOrEqual(
            Math.ceil(ofType.length / pool.length) + 1,
          );
        }
      }
    }
  });

  it('sends online participants to the online group in a hybrid workshop', () => {
    const groups = [group('g1'), group('g2'), group('online', 'online')];
    const participants = [
      person('a'),
      person('b', { attendance: 'online' }),
      person('c'),
      person('d', { attendance: 'online' }),
    ];
    const assignment = autoAssign(groups, participants);
    expect(assignment.get('b')).toBe('online');
    expect(assignment.get('d')).toBe('online');
    expect(['g1', 'g2']).toContain(assignment.get('a'));
  });

  it('places a late joiner in the smallest group of their attendance', () => {
    const groups = [group('g1'), group('g2'), group('online', 'online')];
    const participants = [
      person('a', { groupId: 'g1' }),
      person('b', { groupId: 'g1' }),
      person('c', { groupId: 'g2' }),
    ];
    expect(placeLateJoiner(groups, participants, person('late'))).toBe('g2');
    expect(placeLateJoiner(groups, participants, person('web', { attendance: 'online' }))).toBe('online');
  });
});

describe('applyCommand', () => {
  it('starts a breakout with a server-held end time and refuses illegal moves', () => {
    const started = applyCommand(workshop(), { type: 'phase', to: 'breakout', minutes: 20 }, NOW);
    expect(started.ok && started.value.timer).toEqual({ endsAt: NOW + 20 * 60_000, pausedRemainingMs: null });
    const illegal = applyCommand(workshop(), { type: 'phase', to: 'discussion' }, NOW);
    expect(illegal).toEqual({ ok: false, error: expect.objectContaining({ code: 'conflict' }) });
  });

  it('spotlights the presenting group and refuses an unknown one', () => {
    const w = workshop({ phase: 'plenary' });
    const presenting = applyCommand(w, { type: 'phase', to: 'presenting', groupId: 'g2' }, NOW);
    expect(presenting.ok && presenting.value.spotlightGroupId).toBe('g2');
    const unknown = applyCommand(w, { type: 'phase', to: 'presenting', groupId: 'nope' }, NOW);
    expect(unknown.ok).toBe(false);
  });

  it('pauses, resumes and extends the timer from the remaining time', () => {
    const running = workshop({ phase: 'breakout', timer: { endsAt: NOW + 60_000, pausedRemainingMs: null } });
    const paused = applyCommand(running, { type: 'timer', action: 'pause' }, NOW + 10_000);
    expect(paused.ok && paused.value.timer).toEqual({ endsAt: null, pausedRemainingMs: 50_000 });
    if (!paused.ok) return;
    const extended = applyCommand(paused.value, { type: 'timer', action: 'extend', minutes: 1 }, NOW + 20_000);
    expect(extended.ok && extended.value.timer).toEqual({ endsAt: null, pausedRemainingMs: 110_000 });
    if (!extended.ok) return;
    const resumed = applyCommand(extended.value, { type: 'timer', action: 'resume' }, NOW + 30_000);
    expect(resumed.ok && resumed.value.timer).toEqual({ endsAt: NOW + 140_000, pausedRemainingMs: null });
  });

  it('moves a participant and drops them as rapporteur of the group they left', () => {
    const w = workshop({
      groups: [{ ...group('g1'), rapporteurId: 'p1' }, group('g2')],
      participants: [person('p1', { groupId: 'g1' })],
    });
    const moved = applyCommand(w, { type: 'move', participantId: 'p1', groupId: 'g2' }, NOW);
    expect(moved.ok && moved.value.participants[0]?.groupId).toBe('g2');
    expect(moved.ok && moved.value.groups[0]?.rapporteurId).toBeNull();
  });

  it('refuses a rapporteur who is not a member of the group', () => {
    const w = workshop({ participants: [person('p1', { groupId: 'g1' })] });
    expect(applyCommand(w, { type: 'rapporteur', groupId: 'g2', participantId: 'p1' }, NOW).ok).toBe(false);
    expect(applyCommand(w, { type: 'rapporteur', groupId: 'g1', participantId: 'p1' }, NOW).ok).toBe(true);
  });

  it('recalculates agenda start times and opens the groups from a breakout item', () => {
    let n = 0;
    const ids = () => `id${n++}`;
    const demo = applyCommand(workshop(), { type: 'agenda', action: 'demo' }, NOW, ids);
    if (!demo.ok) throw new Error(demo.error.message);
    const breakout = demo.value.agenda.find((i) => i.kind === 'breakout');
    if (!breakout) throw new Error('demo has no breakout');
    const started = applyCommand(demo.value, { type: 'agenda', action: 'start', itemId: breakout.id }, NOW, ids);
    expect(started.ok && started.value.phase).toBe('breakout');
    expect(started.ok && started.value.timer.endsAt).toBe(NOW + breakout.minutes * 60_000);
  });

  it('lets a participant choose a group only when self-select is on and the group has room', () => {
    const w = workshop({ groups: [{ ...group('g1'), capacity: 1 }, group('g2')] });
    expect(applyParticipantCommand(w, 'p1', { type: 'choose', groupId: 'g1' }, NOW)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const open = { ...w, control: { ...w.control, selfSelect: true } };
    const first = applyParticipantCommand(open, 'p1', { type: 'choose', groupId: 'g1' }, NOW);
    if (!first.ok) throw new Error(first.error.message);
    expect(applyParticipantCommand(first.value, 'p2', { type: 'choose', groupId: 'g1' }, NOW)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('refuses every command once the workshop is closed', () => {
    const closed = workshop({ phase: 'closed' });
    expect(applyCommand(closed, { type: 'assign', mode: 'auto' }, NOW).ok).toBe(false);
    expect(applyCommand(closed, { type: 'phase', to: 'plenary' }, NOW).ok).toBe(false);
  });
});
