import { Command, CreateWorkshopBody, DEFAULT_RETENTION_DAYS, deletionDueAt, privacyOf } from '@warsztat/shared';
import { describe, expect, it } from 'vitest';
import { applyCommand, applyParticipantCommand } from '../../server/src/control/commands/index.js';
import { emptyControl } from '../../server/src/domain/control.js';
import { deletionDueAtOf } from '../../server/src/domain/retention.js';
import { groupRecord, participantRecord, workshopRecord } from '../helpers/records.js';

const NOW = 1_700_000_000_000;
const DAY_MS = 86_400_000;

const workshop = () =>
  workshopRecord({
    groups: [groupRecord('g1', { rapporteurId: 'p1' })],
    participants: [
      participantRecord('p1', { name: 'Halina', organisation: 'MOPS', orgType: 'ops', groupId: 'g1' }),
      participantRecord('p2', { name: 'Bartek', attendance: 'online', groupId: 'g1' }),
    ],
    control: {
      ...emptyControl(),
      namesInReport: ['p1', 'p2'],
      helpRequests: [
        { id: 'h1', groupId: 'g1', participantId: 'p1', text: 'Halina prosi', at: 1, acknowledgedAt: null },
      ],
    },
  });

describe('privacy settings (issue #19)', () => {
  it('takes the controller, contact and retention at creation, with a year by default', () => {
    expect(CreateWorkshopBody.parse({ title: 't' }).retentionDays).toBe(DEFAULT_RETENTION_DAYS);
    const body = CreateWorkshopBody.parse({
      title: 't',
      dataController: ' ROPS Białystok ',
      privacyContact: 'iod@rops.example.pl',
      retentionDays: 30,
    });
    expect(body).toMatchObject({ dataController: 'ROPS Białystok', privacyContact: 'iod@rops.example.pl' });
    expect(CreateWorkshopBody.safeParse({ title: 't', privacyContact: 'https://rops.example.pl/rodo' }).success).toBe(
      true,
    );
    for (const bad of [
      { privacyContact: 'javascript:alert(1)' },
      { privacyContact: 'nie wiem' },
      { retentionDays: 0 },
      { retentionDays: 3651 },
      { dataController: 'x'.repeat(301) },
    ]) {
      expect(CreateWorkshopBody.safeParse({ title: 't', ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('reads missing or broken stored settings as the defaults', () => {
    expect(privacyOf(undefined)).toEqual({ dataController: null, privacyContact: null, retentionDays: 365 });
    expect(privacyOf({ retentionDays: -4 }).retentionDays).toBe(365);
  });

  it('edits only the fields a privacy command names, and null clears one', () => {
    const parsed = Command.parse({ type: 'privacy', dataController: 'Starosta', retentionDays: 90 });
    const first = applyCommand(workshop(), parsed, NOW);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.control.privacy).toEqual({
      dataController: 'Starosta',
      privacyContact: null,
      retentionDays: 90,
    });
    const second = applyCommand(first.value, Command.parse({ type: 'privacy', dataController: null }), NOW);
    expect(second.ok && second.value.control.privacy).toEqual({
      dataController: null,
      privacyContact: null,
      retentionDays: 90,
    });
  });

  it('counts retention from closing, or from the last activity while open', () => {
    expect(deletionDueAt(30, NOW, 0)).toBe(NOW + 30 * DAY_MS);
    expect(deletionDueAt(30, null, NOW)).toBe(NOW + 30 * DAY_MS);
    const closed = applyCommand(workshop(), { type: 'phase', to: 'closed' }, NOW);
    if (!closed.ok) throw new Error('not closed');
    expect(closed.value.control.closedAt).toBe(NOW);
    expect(deletionDueAtOf(closed.value)).toBe(NOW + 365 * DAY_MS);
    expect(deletionDueAtOf({ ...workshop(), createdAt: 5 })).toBe(5 + 365 * DAY_MS);
  });
});

describe('erasing a participant (issue #19)', () => {
  it('keeps only attendance and group, drops consent, rapporteur role and help requests', () => {
    const result = applyParticipantCommand(workshop(), 'p1', { type: 'forgetMe' }, NOW);
    if (!result.ok) throw new Error(result.error.message);
    const w = result.value;
    expect(w.participants.map((p) => p.id)).toEqual(['p2']);
    expect(w.control.erased).toEqual([{ attendance: 'onsite', groupId: 'g1' }]);
    expect(w.control.namesInReport).toEqual(['p2']);
    expect(w.control.helpRequests).toEqual([]);
    expect(w.groups[0]?.rapporteurId).toBeNull();
    expect(JSON.stringify(w)).not.toMatch(/Halina|MOPS/);
  });

  it('works for the facilitator with erase, also after closing, and refuses an unknown id', () => {
    const closed = { ...workshop(), phase: 'closed' as const };
    const erased = applyCommand(closed, { type: 'removeParticipant', participantId: 'p2', erase: true }, NOW);
    expect(erased.ok && erased.value.control.erased).toEqual([{ attendance: 'online', groupId: 'g1' }]);
    expect(applyCommand(closed, { type: 'removeParticipant', participantId: 'p2' }, NOW).ok).toBe(false);
    const unknown = applyCommand(workshop(), { type: 'removeParticipant', participantId: 'zz', erase: true }, NOW);
    expect(!unknown.ok && unknown.error.code).toBe('not_found');
    expect(applyParticipantCommand(closed, 'p1', { type: 'forgetMe' }, NOW).ok).toBe(true);
  });
});
