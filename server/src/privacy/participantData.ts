import { listCards, type ParticipantDataExport } from '@warsztat/shared';
import type * as Y from 'yjs';
import { deletionDueAtOf } from '../domain/retention.js';
import { boardKey } from '../domain/rounds.js';
import type { WorkshopRecord } from '../domain/workshop.js';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Art. 15 (right of access): everything the workshop holds about one participant, as JSON — their
 * record and consent, the cards whose author they are on every group board, their open help
 * requests and their plenary votes. Other people appear in it by group name only. `boards` maps
 * `boardKey` (every round's board of every group, issue #17) to its durable board.
 */
export function participantData(
  w: WorkshopRecord,
  participantId: string,
  boards: ReadonlyMap<string, Y.Doc>,
  now: number,
): ParticipantDataExport | null {
  const self = w.participants.find((p) => p.id === participantId);
  if (!self) return null;
  const { privacy } = w.control;
  const groupName = (id: string | null) => w.groups.find((g) => g.id === id)?.name ?? null;
  const cards: ParticipantDataExport['cards'] = [];
  for (const round of w.control.rounds) {
    for (const group of w.groups) {
      const doc = boards.get(boardKey(w, round.id, group.id));
      if (!doc) continue;
      for (const card of listCards(doc)) {
        if (card.authorId === participantId)
          cards.push({ group: group.name, sectionId: card.sectionId, text: card.text });
      }
    }
  }
  return {
    format: 'warsztat-participant-data',
    exportedAt: iso(now),
    workshop: {
      id: w.id,
      title: w.title,
      dataController: privacy.dataController ?? w.organiser,
      privacyContact: privacy.privacyContact,
      retentionDays: privacy.retentionDays,
      deletionDueAt: iso(deletionDueAtOf(w)),
    },
    participant: {
      id: self.id,
      name: self.name,
      organisation: self.organisation,
      orgType: self.orgType,
      attendance: self.attendance,
      joinedAt: iso(self.joinedAt),
      group: groupName(self.groupId),
      rapporteur: w.groups.some((g) => g.rapporteurId === participantId),
      nameInReport: w.control.namesInReport.includes(participantId),
    },
    cards,
    helpRequests: w.control.helpRequests
      .filter((r) => r.participantId === participantId)
      .map((r) => ({ text: r.text, at: iso(r.at) })),
    plenaryVotes: { ...w.control.plenary.votes[participantId] },
  };
}
