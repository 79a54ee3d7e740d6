/**
 * What the projector shows (issue #7): control state, set by facilitators, stored inside the
 * workshop's control JSON and read defensively. `auto` follows the phase; the others pin a view.
 */
export const PROJECTOR_VIEWS = ['auto', 'lobby', 'overview', 'spotlight', 'recommendations', 'consolidated'] as const;
export type ProjectorView = (typeof PROJECTOR_VIEWS)[number];
/** What is actually on screen once `auto` is resolved. */
export type ProjectorScreen = Exclude<ProjectorView, 'auto'> | 'closed';

export const SAFE_AREA_CORNERS = ['none', 'top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;
export type SafeAreaCorner = (typeof SAFE_AREA_CORNERS)[number];

/** Bounds of the interpreter's corner, percent of the screen. */
export const SAFE_AREA_MIN_PCT = 5;
export const SAFE_AREA_MAX_WIDTH_PCT = 40;
export const SAFE_AREA_MAX_HEIGHT_PCT = 60;

/** A corner kept free for the sign-language interpreter's picture-in-picture. */
export interface SafeArea {
  corner: SafeAreaCorner;
  widthPct: number;
  heightPct: number;
}

export interface ProjectorSettings {
  view: ProjectorView;
  /** Presentation order of groups; every group exactly once (normalised on read). */
  order: string[];
  /** WCAG 2.2.2: while frozen the projector keeps showing what it showed and nothing moves. */
  frozen: boolean;
  safeArea: SafeArea;
  /**
   * The page on screen when the content needs more than one (issue #20 point 3): turned by the
   * facilitator or the presenting group's rapporteur, never by a timer while presenting. The
   * projector shows it modulo its page count; a new spotlight, view or phase starts at 0.
   */
  page: number;
  /** The round the overview and spotlight show (issue #17); null: the current round. */
  roundId: string | null;
}

/** Upper bound of a stored page number (the projector wraps it by its page count). */
export const MAX_PROJECTOR_PAGE = 99;

export const DEFAULT_SAFE_AREA: SafeArea = { corner: 'none', widthPct: 25, heightPct: 30 };

export function defaultProjector(): ProjectorSettings {
  return { view: 'auto', order: [], frozen: false, safeArea: { ...DEFAULT_SAFE_AREA }, page: 0, roundId: null };
}

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value)
    ? Math.min(max, Math.max(min, Math.round(value)))
    : fallback;
}

/**
 * The stored order with unknown ids dropped, duplicates removed and groups it does not name
 * appended in their own order, so a group added later is still presented.
 */
export function normaliseOrder(order: readonly string[], groupIds: readonly string[]): string[] {
  const known = new Set(groupIds);
  const out: string[] = [];
  for (const id of order) if (known.has(id) && !out.includes(id)) out.push(id);
  for (const id of groupIds) if (!out.includes(id)) out.push(id);
  return out;
}

/** Reads a stored value (absent in workshops from before the projector settings existed), order as stored. */
export function readProjectorSettings(value: unknown): ProjectorSettings {
  const out = defaultProjector();
  if (typeof value === 'object' && value !== null) {
    const v = value as Record<string, unknown>;
    if (PROJECTOR_VIEWS.includes(v.view as ProjectorView)) out.view = v.view as ProjectorView;
    if (Array.isArray(v.order)) out.order = v.order.filter((id): id is string => typeof id === 'string');
    if (typeof v.frozen === 'boolean') out.frozen = v.frozen;
    out.page = clampInt(v.page, 0, MAX_PROJECTOR_PAGE, 0);
    if (typeof v.roundId === 'string') out.roundId = v.roundId;
    if (typeof v.safeArea === 'object' && v.safeArea !== null) {
      const s = v.safeArea as Record<string, unknown>;
      out.safeArea = {
        corner: SAFE_AREA_CORNERS.includes(s.corner as SafeAreaCorner) ? (s.corner as SafeAreaCorner) : 'none',
        widthPct: clampInt(s.widthPct, SAFE_AREA_MIN_PCT, SAFE_AREA_MAX_WIDTH_PCT, DEFAULT_SAFE_AREA.widthPct),
        heightPct: clampInt(s.heightPct, SAFE_AREA_MIN_PCT, SAFE_AREA_MAX_HEIGHT_PCT, DEFAULT_SAFE_AREA.heightPct),
      };
    }
  }
  return out;
}

/** A stored value read and its order normalised against the workshop's current groups. */
export function readProjector(value: unknown, groupIds: readonly string[]): ProjectorSettings {
  const out = readProjectorSettings(value);
  return { ...out, order: normaliseOrder(out.order, groupIds) };
}

/** The group after `current` in the presentation order (the first when none is on); null after the last. */
export function nextInOrder(order: readonly string[], current: string | null, step: 1 | -1 = 1): string | null {
  if (order.length === 0) return null;
  const index = current === null ? -1 : order.indexOf(current);
  if (index < 0) return step > 0 ? (order[0] ?? null) : null;
  return order[index + step] ?? null;
}

/** The screen `auto` resolves to for a phase and spotlight; a pinned view wins (closed always ends it). */
export function projectorScreen(view: ProjectorView, phase: string, spotlightGroupId: string | null): ProjectorScreen {
  if (phase === 'closed') return 'closed';
  if (view !== 'auto') return view;
  switch (phase) {
    case 'draft':
    case 'lobby':
      return 'lobby';
    case 'presenting':
      return 'spotlight';
    case 'plenary':
      return spotlightGroupId !== null ? 'spotlight' : 'overview';
    case 'discussion':
      return 'consolidated';
    default:
      return 'overview';
  }
}
