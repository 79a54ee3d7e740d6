import { Command, CreateWorkshopBody, canTransition, JoinBody, JoinCode, readJoinCode } from '@warsztat/shared';
import { describe, expect, it } from 'vitest';

describe('CreateWorkshopBody', () => {
  it('accepts a minimal body and fills the defaults', () => {
    const parsed = CreateWorkshopBody.parse({ title: '  Plan DI  ' });
    expect(parsed).toEqual({
      title: 'Plan DI',
      template: 'di-5',
      mode: 'onsite',
      locale: 'pl',
      timeZone: 'Europe/Warsaw',
      retentionDays: 365,
    });
  });

  it('accepts a full body', () => {
    const body = {
      title: 'RKRES',
      template: 'di-5-online',
      mode: 'hybrid',
      locale: 'en',
      date: '2022-11-24',
      venue: 'Białystok',
      organiser: 'ROPS',
      timeZone: 'Europe/London',
      dataController: 'Regionalny Ośrodek Polityki Społecznej',
      privacyContact: 'iod@rops.example.pl',
      retentionDays: 90,
    };
    expect(CreateWorkshopBody.parse(body)).toEqual(body);
  });

  it.each([
    ['an empty title', { title: '   ' }],
    ['an unknown template', { title: 'x', template: 'miro' }],
    ['an unknown mode', { title: 'x', mode: 'remote' }],
    ['a malformed date', { title: 'x', date: '24.11.2022' }],
    ['an unknown key', { title: 'x', admin: true }],
    ['a title of 201 characters', { title: 'a'.repeat(201) }],
    ['a non-object', 'title'],
    ['a time zone that does not exist', { title: 'x', timeZone: 'Europe/Atlantis' }],
    ['a UTC offset instead of a zone', { title: 'x', timeZone: '+01:00' }],
  ])('refuses %s', (_label, body) => {
    expect(CreateWorkshopBody.safeParse(body).success).toBe(false);
  });
});

describe('JoinBody', () => {
  it('normalises a typed join code (lower case, spaces, dash)', () => {
    const parsed = JoinBody.parse({ joinCode: ' abc-d2e ', name: 'Anna' });
    expect(parsed.joinCode).toBe('ABCD2E');
    expect(parsed.attendance).toBe('onsite');
    // Named in the report only when the participant says so.
    expect(parsed.nameInReport).toBe(false);
  });

  it.each([
    ['an empty name', { joinCode: 'ABCD2E', name: ' ' }],
    ['a code with look-alike characters', { joinCode: 'ABCD0O', name: 'Anna' }],
    ['a short code', { joinCode: 'ABC', name: 'Anna' }],
    ['an unknown organisation type', { joinCode: 'ABCD2E', name: 'Anna', orgType: 'bank' }],
    ['an unknown attendance', { joinCode: 'ABCD2E', name: 'Anna', attendance: 'remote' }],
  ])('refuses %s', (_label, body) => {
    expect(JoinBody.safeParse(body).success).toBe(false);
  });
});

describe('Command', () => {
  it.each([
    { type: 'phase', to: 'breakout', minutes: 30 },
    { type: 'phase', to: 'breakout' },
    { type: 'phase', to: 'presenting', groupId: 'g1' },
    { type: 'phase', to: 'plenary' },
    { type: 'spotlight', groupId: null },
    { type: 'assign', mode: 'auto' },
    { type: 'move', participantId: 'p1', groupId: 'g1' },
    { type: 'rapporteur', groupId: 'g1', participantId: null },
    { type: 'timer', action: 'extend', minutes: 5 },
    { type: 'timer', action: 'pause' },
  ])('accepts $type $to$action', (command) => {
    expect(Command.safeParse(command).success).toBe(true);
  });

  it.each([
    ['an unknown type', { type: 'explode' }],
    ['presenting without a group', { type: 'phase', to: 'presenting' }],
    ['a breakout of zero minutes', { type: 'phase', to: 'breakout', minutes: 0 }],
    ['a breakout of fractional minutes', { type: 'phase', to: 'breakout', minutes: 1.5 }],
    ['an id with a path in it', { type: 'spotlight', groupId: '../etc' }],
    ['extend without minutes', { type: 'timer', action: 'extend' }],
    ['an extra key', { type: 'assign', mode: 'auto', force: true }],
    ['null', null],
  ])('refuses %s', (_label, command) => {
    expect(Command.safeParse(command).success).toBe(false);
  });
});

describe('canTransition', () => {
  it('follows the phase machine of the design', () => {
    expect(canTransition('lobby', 'breakout')).toBe(true);
    expect(canTransition('breakout', 'plenary')).toBe(true);
    expect(canTransition('plenary', 'presenting')).toBe(true);
    expect(canTransition('lobby', 'discussion')).toBe(false);
    expect(canTransition('breakout', 'discussion')).toBe(false);
    expect(canTransition('plenary', 'closed')).toBe(true);
    expect(canTransition('closed', 'plenary')).toBe(false);
    expect(canTransition('closed', 'closed')).toBe(false);
  });
});

describe('join code: the form (no zod) and the server (zod) read it alike', () => {
  // Issue #15: the join page checks codes with joinLimits.ts only; the server's schema is built
  // from the same constants, so the two can never disagree on a code.
  const inputs = ['KRZ3SL', ' krz3sl ', 'KRZ-3SL', 'krz 3sl', 'KRZ3S', 'KRZ3SLX', 'KRZ0SL', 'KRZISL', '', '------'];
  it.each(inputs)('%j', (input) => {
    const parsed = JoinCode.safeParse(input);
    expect(readJoinCode(input)).toBe(parsed.success ? parsed.data : null);
  });
});
