import { defaultProjector } from '@warsztat/shared';
import { emptyControl } from '../domain/control.js';
import { currentRound } from '../domain/rounds.js';
import type { WorkshopRecord } from '../domain/workshop.js';
import { newWorkshopHeader } from './workshopHeader.js';

/**
 * "Use again as a new workshop" (issue #16): the format of `src` — title (or the one given),
 * header fields, time zone, agenda (with the rounds its breakout items start), groups (names,
 * capacity, prompt, attendance), the sections in force (issue #17: the current round's default and
 * per-group ones, as the copy's first round), board settings and the privacy clause — as a new
 * workshop in `lobby`. Nothing that belongs to the people of the first session comes along: no
 * participants, rounds' boards, votes, report edits, help requests, broadcasts or call links. Group and agenda ids are kept (they are only
 * unique within a workshop), so per-group board settings still point at their groups.
 */
export function copiedWorkshop(
  src: WorkshopRecord,
  made: { id: string; joinCode: string; now: number; title?: string },
): WorkshopRecord {
  const control = emptyControl(src.control.timeZone);
  const sections = currentRound(src);
  const [first] = control.rounds;
  return {
    ...newWorkshopHeader(src, made),
    title: made.title ?? src.title,
    phase: 'lobby',
    agenda: src.agenda.map((item) => ({ ...item })),
    control: {
      ...control,
      agendaDays: src.control.agendaDays.map((d) => ({ ...d })),
      selfSelect: src.control.selfSelect,
      boards: structuredClone(src.control.boards),
      // The presentation order and the room's safe area are part of the format; a freeze is not.
      projector: {
        ...defaultProjector(),
        order: [...src.control.projector.order],
        safeArea: { ...src.control.projector.safeArea },
      },
      privacy: { ...src.control.privacy },
      rounds: first
        ? [{ ...first, sections: sections.sections, groupSections: structuredClone(sections.groupSections) }]
        : control.rounds,
      lastActivityAt: made.now,
    },
    groups: src.groups.map((g) => ({ ...g, rapporteurId: null })),
    participants: [],
  };
}
