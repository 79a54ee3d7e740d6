import type { Phase } from './phases.js';

/**
 * Agenda arithmetic shared by server and client: start times follow from each day's first start
 * and the durations before it, so changing one item's minutes moves everything after it.
 */
export const AGENDA_KINDS = [
  'welcome',
  'presentation',
  'panel',
  'breakout',
  'plenary',
  'discussion',
  'study-visit',
  'break',
  'summary',
] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

/**
 * Which agenda items each phase may be running (issue #20 point 6): a phase change moves the current
 * item on to the next of these kinds. Phases not listed (lobby, plenary, closed) move nothing.
 */
export const AGENDA_KINDS_OF_PHASE: Partial<Record<Phase, readonly AgendaKind[]>> = {
  breakout: ['breakout'],
  presenting: ['plenary', 'presentation'],
  discussion: ['discussion', 'panel'],
};

/** Local wall-clock time of day, "HH:MM" (the workshop's time zone). */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function fromMinutes(total: number): string {
  const wrapped = ((total % 1440) + 1440) % 1440;
  return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
}

interface Timed {
  day: number;
  startsAt: string;
  minutes: number;
}

/**
 * Recomputes `startsAt` of every item after the first of its day. Items keep their order; the
 * first item of each day anchors it.
 */
export function recalculateAgenda<T extends Timed>(items: readonly T[]): T[] {
  const cursor = new Map<number, number>();
  return items.map((item) => {
    const at = cursor.get(item.day);
    const start = at ?? toMinutes(item.startsAt);
    cursor.set(item.day, start + item.minutes);
    return at === undefined ? item : { ...item, startsAt: fromMinutes(start) };
  });
}
