import type { WorkshopRecord } from '../domain/workshop.js';

/** The header fields a workshop's format carries into a new workshop. */
type HeaderFields = Pick<WorkshopRecord, 'title' | 'date' | 'venue' | 'organiser' | 'mode' | 'locale' | 'template'>;

/** What a new workshop gets whatever it was made from. */
type NewHeader = HeaderFields &
  Pick<WorkshopRecord, 'id' | 'joinCode' | 'spotlightGroupId' | 'timer' | 'createdAt' | 'version'>;

/**
 * The part of a workshop made from another one (a copy of its format, an import of its export)
 * that both make alike: the header fields of `src` under the id and join code the caller made,
 * created now at version 1, with nothing running (no timer, no spotlight). Each caller adds what
 * it carries over its own way (phase, agenda, control, groups, participants).
 */
export function newWorkshopHeader(src: HeaderFields, made: { id: string; joinCode: string; now: number }): NewHeader {
  return {
    id: made.id,
    title: src.title,
    date: src.date,
    venue: src.venue,
    organiser: src.organiser,
    mode: src.mode,
    locale: src.locale,
    template: src.template,
    joinCode: made.joinCode,
    spotlightGroupId: null,
    timer: { endsAt: null, pausedRemainingMs: null },
    createdAt: made.now,
    version: 1,
  };
}
