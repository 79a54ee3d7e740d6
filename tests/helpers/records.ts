import { emptyControl } from '../../server/src/domain/control.js';
import type { GroupRecord, ParticipantRecord, WorkshopRecord } from '../../server/src/domain/workshop.js';

/** Stored records for tests of pure server logic (commands, reports, migrations), with defaults. */
export function groupRecord(id: string, extra: Partial<GroupRecord> = {}): GroupRecord {
  return { id, name: id, attendance: 'onsite', position: 0, rapporteurId: null, capacity: null, prompt: '', ...extra };
}

export function participantRecord(id: string, extra: Partial<ParticipantRecord> = {}): ParticipantRecord {
  return {
    id,
    name: id,
    organisation: null,
    orgType: null,
    attendance: 'onsite',
    groupId: null,
    joinedAt: 0,
    ...extra,
  };
}

export function workshopRecord(extra: Partial<WorkshopRecord> = {}): WorkshopRecord {
  return {
    id: 'w',
    title: 't',
    date: null,
    venue: null,
    organiser: null,
    mode: 'onsite',
    locale: 'pl',
    template: 'di-5',
    joinCode: 'ABCDEF',
    phase: 'lobby',
    spotlightGroupId: null,
    timer: { endsAt: null, pausedRemainingMs: null },
    agenda: [],
    createdAt: 0,
    control: emptyControl(),
    groups: [],
    participants: [],
    version: 1,
    ...extra,
  };
}
