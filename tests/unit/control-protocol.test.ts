import { Command, ParticipantCommand, recalculateAgenda } from '@warsztat/shared';
import { describe, expect, it } from 'vitest';

/** The facilitation commands of issue #5 and the participant command schema. */
describe('Command (facilitation)', () => {
  it.each([
    { type: 'assign', mode: 'preview' },
    { type: 'agenda', action: 'demo' },
    {
      type: 'agenda',
      action: 'set',
      days: [{ startsAt: '09:00', items: [{ title: 'A', kind: 'panel', minutes: 20 }] }],
    },
    { type: 'agenda', action: 'edit', itemId: 'i1', minutes: 15 },
    { type: 'agenda', action: 'start', itemId: null },
    { type: 'group', action: 'add', name: 'Online' },
    { type: 'group', action: 'update', groupId: 'g1', capacity: null, prompt: 'Jak?' },
    { type: 'group', action: 'remove', groupId: 'g1' },
    { type: 'selfSelect', enabled: true },
    { type: 'broadcast', text: 'Przerwa', groupId: null },
    { type: 'helpAck', requestId: 'r1' },
    { type: 'recall', seconds: 60 },
    { type: 'recall', seconds: null },
  ])('accepts $type $action$mode', (command) => {
    expect(Command.safeParse(command).success).toBe(true);
  });

  it.each([
    ['an agenda start time of 24:00', { type: 'agenda', action: 'set', days: [{ startsAt: '24:00', items: [] }] }],
    [
      'an unknown agenda kind',
      { type: 'agenda', action: 'add', day: 0, item: { title: 'x', kind: 'party', minutes: 5 } },
    ],
    ['a capacity of zero', { type: 'group', action: 'update', groupId: 'g1', capacity: 0 }],
    ['an empty broadcast', { type: 'broadcast', text: '  ', groupId: null }],
    ['a recall of 2 seconds', { type: 'recall', seconds: 2 }],
    ['a participant command sent as a facilitator one', { type: 'choose', groupId: 'g1' }],
  ])('refuses %s', (_label, command) => {
    expect(Command.safeParse(command).success).toBe(false);
  });
});

describe('ParticipantCommand', () => {
  it('accepts help (text optional), choose and rapporteur claims', () => {
    expect(ParticipantCommand.parse({ type: 'help' })).toEqual({ type: 'help', text: '' });
    expect(ParticipantCommand.safeParse({ type: 'choose', groupId: 'g1' }).success).toBe(true);
    expect(ParticipantCommand.safeParse({ type: 'rapporteur', claim: false }).success).toBe(true);
  });

  it.each([
    ['a facilitator command', { type: 'phase', to: 'closed' }],
    ['a rapporteur for someone else', { type: 'rapporteur', claim: true, participantId: 'p2' }],
    ['a help text of 301 characters', { type: 'help', text: 'a'.repeat(301) }],
  ])('refuses %s', (_label, command) => {
    expect(ParticipantCommand.safeParse(command).success).toBe(false);
  });
});

describe('recalculateAgenda', () => {
  it('chains start times per day from the first item of each day', () => {
    const items = [
      { day: 0, startsAt: '10:00', minutes: 15 },
      { day: 0, startsAt: '00:00', minutes: 30 },
      { day: 1, startsAt: '09:30', minutes: 90 },
      { day: 1, startsAt: '00:00', minutes: 10 },
    ];
    expect(recalculateAgenda(items).map((i) => i.startsAt)).toEqual(['10:00', '10:15', '09:30', '11:00']);
  });
});
