import {
  BoardSettingsCommand,
  boardSettingsFor,
  DEFAULT_BOARD_SETTINGS,
  patchBoardSettings,
  readBoardSettings,
} from '@warsztat/shared';
import { describe, expect, it } from 'vitest';

describe('board settings', () => {
  it('falls back to the defaults for a workshop stored before settings existed', () => {
    expect(boardSettingsFor(undefined, 'g1')).toEqual(DEFAULT_BOARD_SETTINGS);
    expect(boardSettingsFor(readBoardSettings(null), 'g1')).toEqual(DEFAULT_BOARD_SETTINGS);
  });

  it('overrides one group and leaves the others on the defaults', () => {
    const record = patchBoardSettings(undefined, 'g1', { locked: true, voteBudget: 3 });
    expect(boardSettingsFor(record, 'g1')).toEqual({
      voteBudget: 3,
      votesRevealed: false,
      locked: true,
      votingOpen: false,
    });
    expect(boardSettingsFor(record, 'g2')).toEqual(DEFAULT_BOARD_SETTINGS);
  });

  it('applies an all-groups change over every per-group override of the same key', () => {
    let record = patchBoardSettings(undefined, 'g1', { locked: true, voteBudget: 3 });
    record = patchBoardSettings(record, null, { locked: false, votesRevealed: undefined });
    expect(boardSettingsFor(record, 'g1')).toEqual({
      voteBudget: 3,
      votesRevealed: false,
      locked: false,
      votingOpen: false,
    });
  });

  it('reads stored JSON defensively', () => {
    const record = readBoardSettings({ defaults: { voteBudget: 500, locked: 'yes' }, groups: { g: 'x' } });
    expect(record.defaults).toEqual({ voteBudget: 20, votesRevealed: false, locked: false, votingOpen: false });
    expect(record.groups).toEqual({ g: {} });
  });

  it('validates the facilitator command', () => {
    expect(BoardSettingsCommand.safeParse({ type: 'boardSettings', groupId: null, voteBudget: 3 }).success).toBe(true);
    expect(BoardSettingsCommand.safeParse({ type: 'boardSettings', groupId: null, voteBudget: -1 }).success).toBe(
      false,
    );
    expect(BoardSettingsCommand.safeParse({ type: 'boardSettings', groupId: 'g', extra: 1 }).success).toBe(false);
  });
});
