import {
  boardSettingsFor,
  FACILITATOR_ROLES,
  type GalleryView,
  type GroupView,
  type Me,
  type ParticipantView,
  plenaryDocNameFor,
  plenaryVoteTotals,
  type Role,
  type WorkshopState,
} from '@warsztat/shared';
import { privacyViewOf } from '../domain/retention.js';
import { currentRound, defaultSectionsOf, roundDocName, sectionsFor } from '../domain/rounds.js';
import type { TokenRecord, WorkshopRecord } from '../domain/workshop.js';
import { galleryTotals } from './commands/galleryVote.js';
import { projectorOf } from './commands/projector.js';
import { staffTokenFor } from './tokens.js';

export interface Viewer {
  role: Role;
  participantId: string | null;
  /** Facilitator's own token, to hand back its links (derived at their current epochs); never stored. */
  facilitatorToken?: string;
}

/** Who is looking; a facilitator's own raw token lets the view carry its console and projector links. */
export function viewerFor(token: TokenRecord, rawToken: string): Viewer {
  return token.role === 'facilitator'
    ? { role: 'facilitator', participantId: null, facilitatorToken: rawToken }
    : { role: token.role, participantId: token.participantId };
}

/**
 * The state one role may see (DESIGN §3): facilitators everything; participants names and groups;
 * the projector display names only and no tokens.
 */
export function viewFor(w: WorkshopRecord, viewer: Viewer, online: ReadonlySet<string>): WorkshopState {
  const isFacilitator = FACILITATOR_ROLES.includes(viewer.role);
  const ownGroupId = w.participants.find((p) => p.id === viewer.participantId)?.groupId ?? null;
  const consented = new Set(w.control.namesInReport);
  // The room's screen may be streamed (issue #16): unless the facilitator allowed names on it, the
  // projector is never sent one, so no screen, devtools or capture of the stream can show it.
  const nameless = viewer.role === 'projector' && !w.control.projectorNames;
  const participants: ParticipantView[] = w.participants.map((p) => {
    const name = nameless ? '' : p.name;
    const base: ParticipantView = { id: p.id, name, groupId: p.groupId, online: online.has(p.id) };
    if (!isFacilitator && p.id !== viewer.participantId) return base;
    const full: ParticipantView = { ...base, attendance: p.attendance };
    if (p.organisation !== null) full.organisation = p.organisation;
    if (p.orgType !== null) full.orgType = p.orgType;
    // Facilitators see everyone's choice; a participant its own, to change it.
    full.nameInReport = consented.has(p.id);
    return full;
  });
  const { control } = w;
  const links: WorkshopState['links'] = { join: `/j/${w.joinCode}` };
  // Only the facilitator's own token derives the other links, at their current epochs (issue #14).
  const root = isFacilitator ? (viewer.facilitatorToken ?? null) : null;
  const derived = (role: 'projector' | 'coFacilitator') =>
    root === null ? null : staffTokenFor(root, role, control.staffLinks[role].epoch);
  const projectorToken = derived('projector');
  const coFacilitatorToken = derived('coFacilitator');
  if (root !== null) links.facilitator = `/f/${root}`;
  if (projectorToken !== null) links.projector = `/p/${projectorToken}`;
  // Participants see messages for everyone and their own group; the projector only those for everyone.
  const broadcasts = isFacilitator
    ? control.broadcasts
    : control.broadcasts.filter(
        (b) => b.groupId === null || (viewer.role === 'participant' && ownGroupId !== null && b.groupId === ownGroupId),
      );
  const helpRequests = isFacilitator
    ? control.helpRequests
    : viewer.role === 'participant'
      ? control.helpRequests.filter((r) =>
          ownGroupId !== null ? r.groupId === ownGroupId : r.participantId === viewer.participantId,
        )
      : [];
  const { plenary } = control;
  // The room sees totals once revealed, so early votes do not steer later ones; facilitators always.
  const totalsVisible = isFacilitator || plenary.revealed;
  return {
    id: w.id,
    title: w.title,
    date: w.date,
    venue: w.venue,
    organiser: w.organiser,
    mode: w.mode,
    locale: w.locale,
    timeZone: control.timeZone,
    template: w.template,
    sections: defaultSectionsOf(w, currentRound(w)),
    rounds: control.rounds.map((r) => ({ id: r.id, title: r.title, startedAt: r.startedAt })),
    currentRoundId: currentRound(w).id,
    gallery: galleryView(w, viewer),
    phase: w.phase,
    spotlightGroupId: w.spotlightGroupId,
    timer: w.timer,
    groups: groupViews(w, isFacilitator ? 'all' : viewer.role === 'participant' ? ownGroupId : null),
    participants,
    agenda: w.agenda,
    agendaDays: control.agendaDays,
    currentAgendaItemId: control.currentAgendaItemId,
    selfSelect: control.selfSelect,
    broadcasts,
    helpRequests,
    recallEndsAt: control.recallEndsAt,
    projector: projectorOf(w),
    projectorNames: control.projectorNames,
    plenary: {
      docName: plenaryDocNameFor(w.id),
      votingOpen: plenary.votingOpen,
      budget: plenary.budget,
      revealed: plenary.revealed,
      totals: totalsVisible ? plenaryVoteTotals(plenary) : null,
      mine: viewer.role === 'participant' && viewer.participantId ? { ...plenary.votes[viewer.participantId] } : {},
    },
    joinCode: w.joinCode,
    links,
    coFacilitatorLink: coFacilitatorToken === null ? null : `/f/${coFacilitatorToken}`,
    // Which boards are full is for the people who can act on it (issue #14); groups removed since drop out.
    fullBoards: isFacilitator ? control.fullBoards.filter((id) => w.groups.some((g) => g.id === id)) : [],
    privacy: privacyViewOf(w),
  };
}

/**
 * Groups with every round's board. `callsFor` is whose call link the viewer receives: every group's
 * (staff), one group's (a member), or none (the projector, a participant without a group): a link
 * to another group's call is never sent, not even hidden.
 */
function groupViews(w: WorkshopRecord, callsFor: 'all' | string | null): GroupView[] {
  const current = currentRound(w);
  return w.groups.map((g) => {
    const view: GroupView = {
      id: g.id,
      name: g.name,
      docName: roundDocName(w, g.id, current.id),
      attendance: g.attendance,
      memberIds: w.participants.filter((p) => p.groupId === g.id).map((p) => p.id),
      rapporteurId: g.rapporteurId,
      capacity: g.capacity,
      prompt: g.prompt,
      board: boardSettingsFor(w.control.boards, g.id),
      sections: sectionsFor(w, current, g.id),
      boards: w.control.rounds.map((r) => ({
        roundId: r.id,
        docName: roundDocName(w, g.id, r.id),
        sections: sectionsFor(w, r, g.id),
      })),
    };
    if (callsFor === 'all' || callsFor === g.id) view.callUrl = w.control.callUrls[g.id] ?? null;
    return view;
  });
}

/** Totals for staff and the projector (they show the result); a participant sees its own dots. */
function galleryView(w: WorkshopRecord, viewer: Viewer): GalleryView {
  const { gallery } = w.control;
  const isParticipant = viewer.role === 'participant';
  return {
    open: gallery.open,
    votingOpen: gallery.votingOpen,
    budget: gallery.budget,
    totals: isParticipant ? null : galleryTotals(gallery.votes),
    mine: isParticipant && viewer.participantId ? { ...gallery.votes[viewer.participantId] } : {},
  };
}

export function meFor(w: WorkshopRecord, token: TokenRecord): Me {
  const participant = token.participantId ? w.participants.find((p) => p.id === token.participantId) : undefined;
  return { role: token.role, participantId: token.participantId, name: participant?.name ?? null };
}
