import { parseControl } from '../domain/control.js';
import type { GroupRecord, ParticipantRecord, WorkshopRecord } from '../domain/workshop.js';

/**
 * A `workshops` row with its JSON columns decoded: the same shape in both stores (SQLite keeps the
 * JSON as text, PostgreSQL as JSONB), so the record is assembled in one place.
 */
export interface WorkshopRow {
  id: string;
  join_code: string;
  title: string;
  date: string | null;
  venue: string | null;
  organiser: string | null;
  mode: WorkshopRecord['mode'];
  locale: WorkshopRecord['locale'];
  template: WorkshopRecord['template'];
  phase: WorkshopRecord['phase'];
  spotlight_group_id: string | null;
  timer: WorkshopRecord['timer'];
  agenda: WorkshopRecord['agenda'];
  /** The stored JSON, parsed once here (domain/control.ts); null in SQLite rows from before the column. */
  control: unknown;
  created_at: number;
  version: number;
}

export function workshopFromRow(
  row: WorkshopRow,
  groups: GroupRecord[],
  participants: ParticipantRecord[],
): WorkshopRecord {
  return {
    id: row.id,
    title: row.title,
    date: row.date,
    venue: row.venue,
    organiser: row.organiser,
    mode: row.mode,
    locale: row.locale,
    template: row.template,
    joinCode: row.join_code,
    phase: row.phase,
    spotlightGroupId: row.spotlight_group_id,
    timer: row.timer,
    agenda: row.agenda,
    createdAt: row.created_at,
    control: parseControl(row.control),
    groups,
    participants,
    version: row.version,
  };
}
