/**
 * Facilitator settings of the group boards (control plane, not the CRDT): dot-vote budget,
 * whether vote totals are shown, and the read-only lock. A workshop has defaults; a group may
 * override any of them. Stored as one JSON value on the workshop, read defensively.
 */
export interface BoardSettings {
  /** Dots each participant may place on its group's board. */
  voteBudget: number;
  /** Totals visible to everyone; until then each participant sees only its own dots. */
  votesRevealed: boolean;
  /** Read-only for participants (the sync server drops their updates). */
  locked: boolean;
  /**
   * Participants may vote on the board (issue #20 point 7): closed until the facilitator opens
   * it, so drafting is not interrupted by voting. Enforced by clients, like the budget.
   */
  votingOpen: boolean;
}

export interface BoardSettingsRecord {
  defaults: BoardSettings;
  groups: Record<string, Partial<BoardSettings>>;
}

export const MAX_VOTE_BUDGET = 20;
export const DEFAULT_BOARD_SETTINGS: BoardSettings = {
  voteBudget: 5,
  votesRevealed: false,
  locked: false,
  votingOpen: false,
};

export function emptyBoardSettings(): BoardSettingsRecord {
  return { defaults: { ...DEFAULT_BOARD_SETTINGS }, groups: {} };
}

/** The settings in force on one group's board. */
export function boardSettingsFor(record: BoardSettingsRecord | undefined, groupId: string): BoardSettings {
  const defaults = record?.defaults ?? DEFAULT_BOARD_SETTINGS;
  return { ...defaults, ...(record?.groups[groupId] ?? {}) };
}

/** A change as the command carries it (absent or undefined: unchanged). */
export type BoardSettingsPatch = { [K in keyof BoardSettings]?: BoardSettings[K] | undefined };

function definedOnly(patch: BoardSettingsPatch): Partial<BoardSettings> {
  const out: Partial<BoardSettings> = {};
  if (patch.voteBudget !== undefined) out.voteBudget = patch.voteBudget;
  if (patch.votesRevealed !== undefined) out.votesRevealed = patch.votesRevealed;
  if (patch.locked !== undefined) out.locked = patch.locked;
  if (patch.votingOpen !== undefined) out.votingOpen = patch.votingOpen;
  return out;
}

/**
 * `groupId: null` sets the value for every group: it becomes the default and per-group
 * overrides of the same keys are dropped, so "lock all" really locks all.
 */
export function patchBoardSettings(
  record: BoardSettingsRecord | undefined,
  groupId: string | null,
  patch: BoardSettingsPatch,
): BoardSettingsRecord {
  const base = record ?? emptyBoardSettings();
  const change = definedOnly(patch);
  if (groupId === null) {
    const groups: BoardSettingsRecord['groups'] = {};
    for (const [id, override] of Object.entries(base.groups)) {
      const kept: Partial<BoardSettings> = { ...override };
      for (const key of Object.keys(change) as Array<keyof BoardSettings>) delete kept[key];
      if (Object.keys(kept).length > 0) groups[id] = kept;
    }
    return { defaults: { ...base.defaults, ...change }, groups };
  }
  return { defaults: base.defaults, groups: { ...base.groups, [groupId]: { ...base.groups[groupId], ...change } } };
}

function readPartial(value: unknown): Partial<BoardSettings> {
  if (typeof value !== 'object' || value === null) return {};
  const v = value as Record<string, unknown>;
  const out: Partial<BoardSettings> = {};
  if (typeof v.voteBudget === 'number' && Number.isInteger(v.voteBudget) && v.voteBudget >= 0) {
    out.voteBudget = Math.min(v.voteBudget, MAX_VOTE_BUDGET);
  }
  if (typeof v.votesRevealed === 'boolean') out.votesRevealed = v.votesRevealed;
  if (typeof v.locked === 'boolean') out.locked = v.locked;
  if (typeof v.votingOpen === 'boolean') out.votingOpen = v.votingOpen;
  return out;
}

/** Reads a stored value (JSON from the database, possibly absent or from an older version). */
export function readBoardSettings(value: unknown): BoardSettingsRecord {
  if (typeof value !== 'object' || value === null) return emptyBoardSettings();
  const v = value as { defaults?: unknown; groups?: unknown };
  const groups: BoardSettingsRecord['groups'] = {};
  if (typeof v.groups === 'object' && v.groups !== null) {
    for (const [id, override] of Object.entries(v.groups)) groups[id] = readPartial(override);
  }
  return { defaults: { ...DEFAULT_BOARD_SETTINGS, ...readPartial(v.defaults) }, groups };
}
