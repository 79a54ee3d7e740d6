import {
  Backup,
  type Command,
  type CreateWorkshopAnswer,
  CreateWorkshopBody,
  canTransition,
  docNameFor,
  ErrorCode,
  type JoinAnswer,
  JoinBody,
  JoinCode,
  type JoinInfo,
  NarrativeEditBody,
  type ParticipantCommand,
  plenaryDocNameFor,
  type Role,
  TEMPLATES,
} from '@warsztat/shared';
import { emptyControl } from '../domain/control.js';
import type { EventRecord, TokenRecord, WorkshopRecord } from '../domain/workshop.js';
import { coFacilitatorTokenFor, hashToken, newId, newJoinCode, newToken, projectorTokenFor } from '../ids.js';
import { planeLog } from '../log.js';
import { StaleWriteError, type Store, StoreUnavailableError } from '../persistence/Store.js';
import { autoAssign, placeLateJoiner } from './assign.js';
import { followChange } from './commands/follow.js';
import { applyPhase } from './commands/phase.js';
import { applyCommand, applyParticipantCommand } from './commands.js';
import { importedWorkshop } from './importWorkshop.js';
import { Presence } from './Presence.js';
import { RecallTimers } from './RecallTimers.js';
import { fail, ok, type Result, schemaError } from './result.js';
import { type CommandOutcome, mayRun } from './rights.js';

const log = planeLog('control');

type ChangeListener = (workshop: WorkshopRecord) => void;
/** A workshop was deleted (here or on another node): drop everything of it held in memory. */
type DeleteListener = (workshopId: string) => void | Promise<void>;
/** Who is online on this node changed (multi-node mode reports it to the other nodes). */
type PresenceListener = (workshopId: string, localIds: string[]) => void;

/** The store is down: the change was not stored, so it was not applied either (never acknowledged, then lost). */
const unavailable = <T>() =>
  fail<T>(ErrorCode.Unavailable, 'The database is not available, so nothing was changed; try again in a moment');

/**
 * Attempts of one command when another node keeps saving the same workshop first; each retry
 * runs on the state reloaded from the store. Past this the caller gets a 409 to try again.
 */
export const MAX_STALE_ATTEMPTS = 8;
/** Ms before a recall that could not be stored (database down) is tried again. */
const RECALL_RETRY_MS = 2_000;
/** Upper bound of the random pause before retry n is n × this, so two nodes stop colliding in step. */
const STALE_RETRY_JITTER_MS = 5;

/**
 * The control plane's one authority: every change to a workshop goes through here, is stored
 * with its event (the audit log) and only then becomes the current state and is announced.
 * Commands on one workshop run one at a time, so two facilitators clicking at once never interleave.
 * Across nodes the store's version check does that job: a save based on an old version is refused
 * (StaleWriteError), and the command runs again on the reloaded state, so neither is lost.
 */
export class WorkshopService {
  private readonly cache = new Map<string, WorkshopRecord>();
  /** When each cached workshop was last read or changed, for evicting idle ones. */
  private readonly lastUsed = new Map<string, number>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly listeners = new Set<ChangeListener>();
  private readonly deleteListeners = new Set<DeleteListener>();
  /** Told once per deletion this node made (the cluster bus tells the other nodes). */
  private readonly deletedHere = new Set<(workshopId: string) => void>();
  /** Workshops being deleted: nothing reloads them meanwhile. */
  private readonly deleting = new Set<string>();
  private readonly presence = new Presence();
  private readonly presenceListeners = new Set<PresenceListener>();
  private readonly recalls: RecallTimers;
  /** Recalls waiting for the store to come back. */
  private readonly retries = new Set<NodeJS.Timeout>();

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {
    this.recalls = new RecallTimers((id, endsAt) => void this.fireRecall(id, endsAt), now);
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(workshop: WorkshopRecord): void {
    for (const listener of this.listeners) listener(workshop);
  }

  /** Runs `task` after every earlier task of the same workshop. */
  private serial<T>(workshopId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(workshopId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    this.queues.set(workshopId, settled);
    void settled.then(() => {
      if (this.queues.get(workshopId) === settled) this.queues.delete(workshopId);
    });
    return next;
  }

  private remember(workshop: WorkshopRecord): void {
    this.cache.set(workshop.id, workshop);
    this.lastUsed.set(workshop.id, this.now());
  }

  async get(id: string): Promise<WorkshopRecord | null> {
    if (this.deleting.has(id)) return null;
    const cached = this.cache.get(id);
    if (cached) {
      this.lastUsed.set(id, this.now());
      return cached;
    }
    const loaded = await this.store.loadWorkshop(id);
    if (loaded && !this.cache.has(id)) {
      this.remember(loaded);
      // A recall stored before a restart still ends the breakout (at once if its time has passed).
      this.recalls.sync(id, loaded.control.recallEndsAt);
    }
    return this.cache.get(id) ?? null;
  }

  /** The workshop a join code opens, or null (the store is the truth: codes are unique there). */
  workshopIdForCode(joinCode: string): Promise<string | null> {
    return this.store.findWorkshopByJoinCode(joinCode);
  }

  /** Cached state for hot paths (per sync message); null when the workshop is not loaded. */
  peek(id: string): WorkshopRecord | null {
    return this.cache.get(id) ?? null;
  }

  async resolveToken(token: unknown): Promise<TokenRecord | null> {
    if (typeof token !== 'string' || token.length < 16 || token.length > 64) return null;
    return this.store.findToken(hashToken(token));
  }

  private event(workshopId: string, type: string, data: unknown): EventRecord {
    return { workshopId, at: this.now(), type, data };
  }

  async create(body: unknown): Promise<Result<CreateWorkshopAnswer>> {
    const parsed = CreateWorkshopBody.safeParse(body);
    if (!parsed.success) return { ok: false, error: schemaError(parsed.error) };
    try {
      return await this.createValid(parsed.data);
    } catch (error) {
      if (error instanceof StoreUnavailableError) return unavailable();
      throw error;
    }
  }

  private async createValid(input: ReturnType<typeof CreateWorkshopBody.parse>): Promise<Result<CreateWorkshopAnswer>> {
    const template = TEMPLATES[input.template];
    const id = newId();
    const joinCode = await this.freeJoinCode();
    const workshop: WorkshopRecord = {
      id,
      title: input.title,
      date: input.date ?? null,
      venue: input.venue || null,
      organiser: input.organiser || null,
      mode: input.mode,
      locale: input.locale,
      template: input.template,
      joinCode,
      phase: 'lobby',
      spotlightGroupId: null,
      timer: { endsAt: null, pausedRemainingMs: null },
      agenda: [],
      createdAt: this.now(),
      control: {
        ...emptyControl(input.timeZone),
        privacy: {
          dataController: input.dataController ?? null,
          privacyContact: input.privacyContact ?? null,
          retentionDays: input.retentionDays,
        },
        lastActivityAt: this.now(),
      },
      version: 1,
      groups: template.groups.map((g, position) => ({
        id: newId(),
        name: g.name[input.locale],
        attendance: g.attendance,
        position,
        rapporteurId: null,
        capacity: null,
        prompt: '',
      })),
      participants: [],
    };
    const answer = await this.mint(workshop);
    await this.store.createWorkshop(workshop, answer.tokens, this.event(id, 'created', { title: workshop.title }));
    this.remember(workshop);
    log.info({ workshopId: id, template: input.template, mode: input.mode }, 'workshop created');
    return ok(answer.answer);
  }

  /** A free join code for a workshop about to be created. */
  private async freeJoinCode(): Promise<string> {
    let joinCode = newJoinCode();
    while (await this.store.findWorkshopByJoinCode(joinCode)) joinCode = newJoinCode();
    return joinCode;
  }

  /** New facilitator, projector and co-facilitator tokens for a new workshop, and the answer that hands them out. */
  private async mint(workshop: WorkshopRecord): Promise<{ tokens: TokenRecord[]; answer: CreateWorkshopAnswer }> {
    const { id, joinCode } = workshop;
    const facilitatorToken = newToken();
    const projectorToken = projectorTokenFor(facilitatorToken);
    const tokens: TokenRecord[] = [
      { hash: hashToken(facilitatorToken), workshopId: id, role: 'facilitator', participantId: null },
      { hash: hashToken(projectorToken), workshopId: id, role: 'projector', participantId: null },
      {
        hash: hashToken(coFacilitatorTokenFor(facilitatorToken)),
        workshopId: id,
        role: 'coFacilitator',
        participantId: null,
      },
    ];
    return {
      tokens,
      answer: {
        id,
        joinCode,
        facilitatorToken,
        projectorToken,
        links: { facilitator: `/f/${facilitatorToken}`, join: `/j/${joinCode}`, projector: `/p/${projectorToken}` },
      },
    };
  }

  /**
   * Creates a new workshop from a JSON export (importWorkshop.ts says what is copied). The boards
   * are written to the store before the workshop exists, so no client can open a board before its
   * content is there; if that fails, the unreferenced doc rows are harmless.
   */
  async importWorkshop(body: unknown): Promise<Result<CreateWorkshopAnswer>> {
    const parsed = Backup.safeParse(body);
    if (!parsed.success) return { ok: false, error: schemaError(parsed.error) };
    try {
      return await this.importValid(parsed.data);
    } catch (error) {
      if (error instanceof StoreUnavailableError) return unavailable();
      throw error;
    }
  }

  private async importValid(backup: Backup): Promise<Result<CreateWorkshopAnswer>> {
    const made = { id: newId(), joinCode: await this.freeJoinCode(), now: this.now() };
    const result = importedWorkshop(backup, made);
    if (!result.ok) return result;
    const { workshop, docs } = result.value;
    for (const doc of docs) {
      const name = doc.groupId === null ? plenaryDocNameFor(workshop.id) : docNameFor(workshop.id, doc.groupId);
      await this.store.appendUpdates(name, [doc.update]);
    }
    const answer = await this.mint(workshop);
    const event = this.event(workshop.id, 'imported', { title: workshop.title, boards: docs.length });
    await this.store.createWorkshop(workshop, answer.tokens, event);
    this.remember(workshop);
    log.info({ workshopId: workshop.id, boards: docs.length }, 'workshop imported');
    return ok(answer.answer);
  }

  /** Keeps (or, with empty text, forgets) the organisers' wording of one part of the report. */
  async editNarrative(workshopId: string, body: unknown): Promise<Result<WorkshopRecord>> {
    const parsed = NarrativeEditBody.safeParse(body);
    if (!parsed.success) return { ok: false, error: schemaError(parsed.error) };
    const { part, text } = parsed.data;
    return this.serialFresh(workshopId, async () => {
      const current = await this.get(workshopId);
      if (!current) return fail<WorkshopRecord>(ErrorCode.NotFound, 'No such workshop');
      if (part.startsWith('item:') && !current.agenda.some((i) => `item:${i.id}` === part)) {
        return fail<WorkshopRecord>(ErrorCode.NotFound, 'No such agenda item');
      }
      const narrative = { ...current.control.narrative };
      if (text === null || text.trim() === '') delete narrative[part];
      else narrative[part] = text.replace(/\r\n?/g, '\n').trim();
      const next = { ...current, control: { ...current.control, narrative } };
      return ok(await this.commit(current, next, 'report.narrative', { part, edited: part in narrative }));
    });
  }

  /** The public look-up behind the join page's heading: title and date, nothing a code should not reveal. */
  async joinInfo(code: unknown): Promise<Result<JoinInfo>> {
    const parsed = JoinCode.safeParse(code);
    if (!parsed.success) return fail(ErrorCode.BadJoinCode, 'No workshop has this join code');
    let workshopId: string | null;
    try {
      workshopId = await this.store.findWorkshopByJoinCode(parsed.data);
    } catch (error) {
      if (error instanceof StoreUnavailableError) return unavailable();
      throw error;
    }
    const workshop = workshopId ? await this.get(workshopId) : null;
    if (!workshop) return fail(ErrorCode.BadJoinCode, 'No workshop has this join code');
    return { ok: true, value: { title: workshop.title, date: workshop.date } };
  }

  async join(body: unknown): Promise<Result<JoinAnswer>> {
    const parsed = JoinBody.safeParse(body);
    if (!parsed.success) {
      const codeOnly = parsed.error.issues.every((i) => i.path[0] === 'joinCode');
      return codeOnly
        ? fail(ErrorCode.BadJoinCode, 'No workshop has this join code')
        : { ok: false, error: schemaError(parsed.error) };
    }
    const input = parsed.data;
    let workshopId: string | null;
    try {
      workshopId = await this.store.findWorkshopByJoinCode(input.joinCode);
    } catch (error) {
      if (error instanceof StoreUnavailableError) return unavailable();
      throw error;
    }
    if (!workshopId) return fail(ErrorCode.BadJoinCode, 'No workshop has this join code');
    return this.serialFresh(workshopId, async () => {
      const current = await this.get(workshopId);
      if (!current) return fail<JoinAnswer>(ErrorCode.BadJoinCode, 'No workshop has this join code');
      if (current.phase === 'closed') return fail<JoinAnswer>(ErrorCode.Conflict, 'This workshop is closed');
      const participant = {
        id: newId(),
        name: input.name,
        organisation: input.organisation || null,
        orgType: input.orgType ?? null,
        attendance: input.attendance,
        groupId: null as string | null,
        joinedAt: this.now(),
      };
      // Once groups are running, a late joiner is placed where an auto-assignment would have put them.
      const groupsRunning = current.phase !== 'lobby' && current.participants.some((p) => p.groupId !== null);
      if (groupsRunning) participant.groupId = placeLateJoiner(current.groups, current.participants, participant);
      const stamped = { ...current.control, lastActivityAt: this.now() };
      const control = input.nameInReport
        ? { ...stamped, namesInReport: [...current.control.namesInReport, participant.id] }
        : stamped;
      const next: WorkshopRecord = { ...current, control, participants: [...current.participants, participant] };
      const token = newToken();
      const tokenRecord: TokenRecord = {
        hash: hashToken(token),
        workshopId,
        role: 'participant',
        participantId: participant.id,
      };
      const version = await this.store.saveWorkshop(
        next,
        this.event(workshopId, 'joined', { participantId: participant.id, groupId: participant.groupId }),
        [tokenRecord],
      );
      const saved = { ...next, version };
      this.remember(saved);
      this.emit(saved);
      log.info(
        { workshopId, participantId: participant.id, participants: saved.participants.length },
        'participant joined',
      );
      return ok<JoinAnswer>({
        workshopId,
        participantId: participant.id,
        token,
        links: { board: `/b/${token}` },
      });
    });
  }

  /**
   * Runs a validated command for a facilitator or co-facilitator; the same handler serves
   * socket.io and REST. A preview is answered without storing anything.
   */
  async command(workshopId: string, command: Command, role: Role = 'facilitator'): Promise<Result<CommandOutcome>> {
    if (!mayRun(role, command)) return fail(ErrorCode.Forbidden, 'This link may not do this');
    return this.serialFresh(workshopId, async () => {
      const current = await this.get(workshopId);
      if (!current) return fail<CommandOutcome>(ErrorCode.NotFound, 'No such workshop');
      const result = applyCommand(current, command, this.now());
      if (!result.ok) return result;
      if (command.type === 'assign' && command.mode === 'preview') {
        return ok({ workshop: current, preview: Object.fromEntries(autoAssign(current.groups, current.participants)) });
      }
      return ok({ workshop: await this.commit(current, result.value, command.type, command) });
    });
  }

  /** Runs a participant's command about itself (help, choose a group, rapporteur self-pick). */
  async participantCommand(
    workshopId: string,
    participantId: string,
    command: ParticipantCommand,
  ): Promise<Result<WorkshopRecord>> {
    return this.serialFresh(workshopId, async () => {
      const current = await this.get(workshopId);
      if (!current) return fail<WorkshopRecord>(ErrorCode.NotFound, 'No such workshop');
      const result = applyParticipantCommand(current, participantId, command, this.now());
      if (!result.ok) return result;
      return ok(await this.commit(current, result.value, `participant.${command.type}`, { participantId, ...command }));
    });
  }

  /** Stores the change with its event, then makes it current and announces it (never the reverse). */
  private async commit(current: WorkshopRecord, changed: WorkshopRecord, type: string, data: unknown) {
    if (changed === current) return current;
    // What follows from the change (expired messages, the agenda's current item), then retention:
    // a workshop nobody closed counts from its last change (issue #19).
    const followed = followChange(current, changed);
    const next = { ...followed, control: { ...followed.control, lastActivityAt: this.now() } };
    const version = await this.store.saveWorkshop(next, this.event(next.id, type, data));
    const saved = { ...next, version };
    this.remember(saved);
    // Ids and event types only: a command's data may carry names (renames, narrative text).
    if (saved.phase !== current.phase)
      log.info({ workshopId: saved.id, from: current.phase, to: saved.phase }, 'phase changed');
    else log.debug({ workshopId: saved.id, event: type, version }, 'workshop changed');
    this.recalls.sync(saved.id, saved.control.recallEndsAt);
    this.emit(saved);
    return saved;
  }

  /**
   * `serial`, plus the cross-node rule: when the store refuses the save as stale, the workshop is
   * reloaded (and announced, so local clients see the other node's change) and `task` runs again.
   */
  private serialFresh<T>(workshopId: string, task: () => Promise<Result<T>>): Promise<Result<T>> {
    return this.serial(workshopId, async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await task();
        } catch (error) {
          if (error instanceof StoreUnavailableError) return unavailable<T>();
          if (!(error instanceof StaleWriteError)) throw error;
          if (attempt >= MAX_STALE_ATTEMPTS) {
            await this.reload(workshopId);
            return fail<T>(ErrorCode.Conflict, 'The workshop kept changing on another server; try again');
          }
          await new Promise((resolve) => setTimeout(resolve, Math.random() * STALE_RETRY_JITTER_MS * attempt));
          await this.reload(workshopId);
        }
      }
    });
  }

  /** Replaces the cached workshop with the stored one and announces it when it is newer. */
  private async reload(workshopId: string): Promise<WorkshopRecord | null> {
    const loaded = await this.store.loadWorkshop(workshopId);
    const cached = this.cache.get(workshopId);
    if (!loaded) {
      // Deleted elsewhere and the bus notice was lost (Redis outage): hang up as if told.
      if (cached) await this.forgetLocally(workshopId);
      this.cache.delete(workshopId);
      this.lastUsed.delete(workshopId);
      return null;
    }
    if (cached && cached.version >= loaded.version) return cached;
    this.remember(loaded);
    this.recalls.sync(workshopId, loaded.control.recallEndsAt);
    this.emit(loaded);
    return loaded;
  }

  /**
   * Reads the workshop again from the store, after another node said it changed (or to check);
   * runs after any command in flight on this node, and announces the stored state if it is newer.
   */
  refresh(workshopId: string): Promise<WorkshopRecord | null> {
    return this.serial(workshopId, () => this.reload(workshopId));
  }

  /** The recall countdown ran out: plenary now, unless the facilitator changed course meanwhile. */
  private async fireRecall(workshopId: string, endsAt: number): Promise<void> {
    try {
      const outcome = await this.serialFresh(workshopId, async () => {
        const current = this.cache.get(workshopId);
        // Cancelled or replaced (a phase change clears it, or another node fired it) while pending.
        if (!current || current.control.recallEndsAt !== endsAt) return ok(null);
        const result = canTransition(current.phase, 'plenary')
          ? applyPhase(current, { type: 'phase', to: 'plenary' }, this.now())
          : ok({ ...current, control: { ...current.control, recallEndsAt: null } });
        if (result.ok) await this.commit(current, result.value, 'recall.fired', { endsAt });
        return ok(null);
      });
      // The store was down when the countdown ran out: the room still goes back, a little late.
      if (!outcome.ok && outcome.error.code === ErrorCode.Unavailable) {
        const retry = setTimeout(() => {
          this.retries.delete(retry);
          this.recalls.sync(workshopId, endsAt);
        }, RECALL_RETRY_MS);
        this.retries.add(retry);
      }
    } catch (error) {
      log.error({ workshopId, err: error }, 'recall failed');
    }
  }

  /**
   * Listeners run when a workshop is deleted, here or (told by the cluster bus) on another node:
   * the sync plane closes its sockets (4401) and drops its docs, the control plane hangs up.
   */
  onDelete(listener: DeleteListener): () => void {
    this.deleteListeners.add(listener);
    return () => this.deleteListeners.delete(listener);
  }

  /**
   * Deletes the workshop and everything of it (issue #19): this node forgets it first, so no
   * socket can write to it meanwhile, then the store removes it in one transaction. Resolves
   * not_found when nothing was stored. `reason` goes to the one log line, with the id only.
   */
  async deleteWorkshop(workshopId: string, reason: 'facilitator' | 'retention'): Promise<Result<null>> {
    return this.serial(workshopId, async () => {
      this.deleting.add(workshopId);
      try {
        await this.forgetLocally(workshopId);
        const existed = await this.store.deleteWorkshop(workshopId);
        if (!existed) return fail<null>(ErrorCode.NotFound, 'No such workshop');
        // Docs another socket may have reopened between the drop and the store's delete go too.
        await this.forgetLocally(workshopId);
        // One line per deletion, with the workshop id only (issue #19): never a name or a token.
        log.info({ workshopId, reason }, 'workshop deleted');
        for (const listener of this.deletedHere) listener(workshopId);
        return ok(null);
      } catch (error) {
        if (error instanceof StoreUnavailableError) return unavailable<null>();
        throw error;
      } finally {
        this.deleting.delete(workshopId);
      }
    });
  }

  /** Called after each deletion made by this node (not for ones another node announced). */
  onDeletedHere(listener: (workshopId: string) => void): () => void {
    this.deletedHere.add(listener);
    return () => this.deletedHere.delete(listener);
  }

  /** Another node deleted the workshop: drop what this node holds of it (the store has nothing left). */
  forgetDeleted(workshopId: string): Promise<void> {
    return this.serial(workshopId, () => this.forgetLocally(workshopId));
  }

  private async forgetLocally(workshopId: string): Promise<void> {
    this.cache.delete(workshopId);
    this.lastUsed.delete(workshopId);
    this.presence.forget(workshopId);
    this.recalls.sync(workshopId, null);
    await Promise.all([...this.deleteListeners].map(async (listener) => listener(workshopId)));
  }

  /** The audit log of one workshop, oldest first. */
  events(workshopId: string): Promise<EventRecord[]> {
    return this.store.listEvents(workshopId);
  }

  /**
   * Forgets workshops nobody has used for `idleMs` and that no socket is on (`inUse`), so a
   * long-running node holds only live workshops; they reload from the store on next use. Sync
   * rights read this cache, which is why a workshop with open sockets is never evicted.
   */
  evictIdle(idleMs: number, inUse: (workshopId: string) => boolean): number {
    const cutoff = this.now() - idleMs;
    let evicted = 0;
    for (const [id, used] of this.lastUsed) {
      if (used > cutoff || inUse(id) || this.queues.has(id) || this.recalls.isPending(id)) continue;
      this.cache.delete(id);
      this.lastUsed.delete(id);
      this.presence.forget(id);
      log.info({ workshopId: id }, 'workshop unloaded (idle)');
      evicted++;
    }
    return evicted;
  }

  get cachedWorkshops(): number {
    return this.cache.size;
  }

  /** Ids of the workshops this node holds (multi-node mode refreshes them after a Redis outage). */
  cachedIds(): string[] {
    return [...this.cache.keys()];
  }

  /** Stops pending timers; called when the server closes. */
  dispose(): void {
    this.recalls.dispose();
    for (const retry of this.retries) clearTimeout(retry);
    this.retries.clear();
  }

  /** Presence of participants' control sockets on this node; several tabs count once each. */
  setOnline(workshopId: string, participantId: string, delta: 1 | -1): void {
    if (!this.presence.count(workshopId, participantId, delta)) return;
    for (const listener of this.presenceListeners) listener(workshopId, this.presence.localIds(workshopId));
    this.announcePresence(workshopId);
  }

  onPresence(listener: PresenceListener): () => void {
    this.presenceListeners.add(listener);
    return () => this.presenceListeners.delete(listener);
  }

  /** Workshops with participants online on this node, with their ids. */
  localPresence(): Array<[workshopId: string, ids: string[]]> {
    return this.presence.localWorkshops().map((id) => [id, this.presence.localIds(id)]);
  }

  /** Another node reports who is online there, valid until `until` (epoch ms). */
  setRemoteOnline(workshopId: string, nodeId: string, ids: readonly string[], until: number): void {
    if (this.presence.setRemote(workshopId, nodeId, ids, until)) this.announcePresence(workshopId);
  }

  /** Forgets other nodes' reports that were not renewed (a node that died). */
  expireRemotePresence(): void {
    for (const workshopId of this.presence.expire(this.now())) this.announcePresence(workshopId);
  }

  private announcePresence(workshopId: string): void {
    const workshop = this.cache.get(workshopId);
    if (workshop) this.emit(workshop);
  }

  onlineIn(workshopId: string): ReadonlySet<string> {
    return this.presence.online(workshopId);
  }
}
