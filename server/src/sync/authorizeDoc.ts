import { boardSettingsFor, CloseCode, PARTICIPANT_WRITE_PHASES, parseDocName } from '@warsztat/shared';
import { isCurrentLink, type TokenRecord, type WorkshopRecord } from '../domain/workshop.js';
import type { Authorization } from './authorization.js';
import type { AwarenessUser } from './awarenessGuard.js';

/**
 * What the rights rule reads from the control plane. Declared here, satisfied by WorkshopService
 * and wired in server.ts, so the sync plane never imports the control plane.
 */
export interface WorkshopSource {
  /** The token's record, or null for a token that is malformed or unknown. */
  resolveToken(token: string | null): Promise<TokenRecord | null>;
  /** The workshop, loading it from the store when needed. */
  get(workshopId: string): Promise<WorkshopRecord | null>;
  /** The workshop only if already loaded: cheap enough to call on every message. */
  peek(workshopId: string): WorkshopRecord | null;
  /** The workshop as stored now (this node's copy may be older than another node's change). */
  refresh(workshopId: string): Promise<WorkshopRecord | null>;
}

/** A stable, readable colour per person, so a name keeps its colour across reloads and devices. */
const PRESENCE_COLORS = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#b45309', '#0e7490', '#be185d', '#4d7c0f'];

export function colorFor(id: string): string {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0;
  return PRESENCE_COLORS[hash % PRESENCE_COLORS.length] ?? '#1d4ed8';
}

/**
 * The plenary doc (`<workshopId>.plenary`, consolidated recommendations): facilitators write (until
 * the workshop closes); participants and the projector read, since the list is what the whole room
 * votes on. Participants' votes go through the control plane, never this doc.
 */
function authorizePlenary(service: WorkshopSource, token: TokenRecord, workshopId: string): Rights {
  const live = () => service.peek(workshopId);
  switch (token.role) {
    case 'facilitator':
    case 'coFacilitator':
      return {
        ok: true,
        workshopId,
        canRead: () => live() !== null,
        canWrite: () => {
          const w = live();
          return w !== null && w.phase !== 'closed';
        },
        user: { name: null, role: token.role, color: colorFor(token.hash) },
      };
    case 'projector':
      return { ok: true, workshopId, canRead: () => live() !== null, canWrite: () => false, user: null };
    case 'participant':
      // A removed participant loses this doc too (revalidation closes the socket with 4403).
      return {
        ok: true,
        workshopId,
        canRead: () => live()?.participants.some((p) => p.id === token.participantId) ?? false,
        canWrite: () => false,
        user: null,
      };
  }
}

/**
 * Rights per (token, doc), DESIGN §3. Decided at upgrade, then re-evaluated from the live workshop
 * state: write rights on every update, read rights whenever the workshop changes (SyncServer
 * revalidates), so closing the workshop, locking a board or moving a participant takes effect at once.
 */
export async function authorizeDoc(
  service: WorkshopSource,
  rawToken: string | null,
  docName: string,
): Promise<Authorization> {
  const token = await service.resolveToken(rawToken);
  if (!token) return { ok: false, code: CloseCode.Unauthorized, reason: 'bad token' };
  return authorizeToken(service, token, docName);
}

async function authorizeToken(service: WorkshopSource, token: TokenRecord, docName: string): Promise<Authorization> {
  const granted = await authorizeRights(service, token, docName);
  if (!granted.ok) return granted;
  const { workshopId } = granted;
  // A token the store resolved but this node's copy does not name: the copy predates the rotation
  // that minted it (another node), or the token was rotated out meanwhile (issue #14).
  const known = service.peek(workshopId);
  if (known && !isCurrentLink(known, token)) {
    const fresh = await service.refresh(workshopId);
    if (!fresh || !isCurrentLink(fresh, token)) {
      return { ok: false, code: CloseCode.Unauthorized, reason: 'link rotated' };
    }
  }
  const current = () => {
    const live = service.peek(workshopId);
    return live === null || isCurrentLink(live, token);
  };
  return { ...granted, current, holder: token.hash, staff: token.role !== 'participant' };
}

/** What a doc's rules decide; who holds the token is added once, in authorizeToken. */
type Rights =
  | Omit<Extract<Authorization, { ok: true }>, 'holder' | 'staff' | 'current'>
  | Extract<Authorization, { ok: false }>;

async function authorizeRights(service: WorkshopSource, token: TokenRecord, docName: string): Promise<Rights> {
  const ref = parseDocName(docName);
  if (!ref || ref.workshopId !== token.workshopId) {
    return { ok: false, code: CloseCode.Forbidden, reason: 'not a document of this workshop' };
  }
  const { workshopId } = ref;
  const workshop = await service.get(workshopId);
  if (ref.kind === 'plenary') {
    if (workshop) return authorizePlenary(service, token, workshopId);
    return { ok: false, code: CloseCode.Forbidden, reason: 'no such document' };
  }
  if (!workshop) return { ok: false, code: CloseCode.Forbidden, reason: 'no such document' };
  return authorizeBoard(service, token, workshop, ref);
}

/**
 * A group's board in one round (issue #17). The first round's board is the two-part name; a later
 * round's names its round, and a name the builder would never make (the first round's id spelled
 * out, an unknown round, an unknown group) is no document. Rights per round:
 *   facilitators read and write every round's boards (until closing); the projector reads them all;
 *   a participant writes only its own group's board of the current round; reads it, reads boards of
 *   earlier rounds of the group it was in then or is in now, and, while the gallery is open, reads
 *   every group's board of the current round.
 * Everything is re-read from the live workshop, so when a round starts a participant socket left on
 * the old board keeps reading (canRead still holds) but its writes are dropped: downgraded, not closed.
 */
function authorizeBoard(
  service: WorkshopSource,
  token: TokenRecord,
  workshop: WorkshopRecord,
  ref: { workshopId: string; groupId: string; roundId: string | null },
): Rights {
  const { workshopId, groupId } = ref;
  const first = workshop.control.rounds[0];
  const roundId = ref.roundId ?? first?.id;
  if (ref.roundId === first?.id || !workshop.control.rounds.some((r) => r.id === roundId)) {
    return { ok: false, code: CloseCode.Forbidden, reason: 'no such document' };
  }
  if (!workshop.groups.some((g) => g.id === groupId)) {
    return { ok: false, code: CloseCode.Forbidden, reason: 'no such document' };
  }
  const live = (): WorkshopRecord | null => service.peek(workshopId);
  const groupExists = () => live()?.groups.some((g) => g.id === groupId) ?? false;
  switch (token.role) {
    case 'facilitator':
    case 'coFacilitator':
      return {
        ok: true,
        workshopId,
        canRead: groupExists,
        canWrite: () => groupExists() && live()?.phase !== 'closed',
        user: { name: null, role: token.role, color: colorFor(token.hash) },
      };
    case 'projector':
      // The projector never writes on any plane, awareness included.
      return { ok: true, workshopId, canRead: groupExists, canWrite: () => false, user: null };
    case 'participant': {
      const participantId = token.participantId;
      const self = () => live()?.participants.find((p) => p.id === participantId);
      const member = () => groupExists() && self()?.groupId === groupId;
      const isCurrent = () => live()?.control.currentRoundId === roundId;
      const wasMember = () => {
        const round = live()?.control.rounds.find((r) => r.id === roundId);
        return !!participantId && (round?.members?.[groupId]?.includes(participantId) ?? false);
      };
      const canRead = () => {
        const w = live();
        if (!w || !groupExists() || !self()) return false;
        if (isCurrent()) return member() || w.control.gallery.open;
        return member() || wasMember();
      };
      if (!canRead()) return { ok: false, code: CloseCode.Forbidden, reason: 'not your group' };
      // A visitor (gallery, an earlier round) reads without a presence of its own on the board.
      const user: AwarenessUser | null =
        member() && isCurrent()
          ? { name: self()?.name ?? null, role: 'participant', color: colorFor(participantId ?? token.hash) }
          : null;
      return {
        ok: true,
        workshopId,
        canRead,
        canWrite: () => {
          const w = live();
          // A facilitator's lock (board settings) makes the board read-only for its participants.
          return (
            !!w &&
            PARTICIPANT_WRITE_PHASES.includes(w.phase) &&
            isCurrent() &&
            member() &&
            !boardSettingsFor(w.control.boards, groupId).locked
          );
        },
        user,
        // Issue #20: once the group has a rapporteur, the summary is theirs (and the staff's).
        canWriteSummary: () => {
          const rapporteurId = live()?.groups.find((g) => g.id === groupId)?.rapporteurId ?? null;
          return rapporteurId === null || rapporteurId === token.participantId;
        },
      };
    }
  }
}
