import {
  type Command,
  type CreateWorkshopAnswer,
  CreateWorkshopBody,
  ErrorCode,
  type JoinAnswer,
  JoinBody,
  TEMPLATES,
} from '@warsztat/shared';
import { hashToken, newId, newJoinCode, newToken, projectorTokenFor } from '../ids.js';
import type { EventRecord, Store, TokenRecord, WorkshopRecord } from '../persistence/Store.js';
import { placeLateJoiner } from './assign.js';
import { applyCommand } from './commands.js';
import { fail, ok, type Result } from './result.js';

type ChangeListener = (workshop: WorkshopRecord) => void;

/**
 * The control plane's one authority: every change to a workshop goes through here, is stored
 * with its event (the audit log) and only then becomes the current state and is announced.
 * Commands on one workshop run one at a time, so two facilitators clicking at once never interleave.
 */
export class WorkshopService {
  private readonly cache = new Map<string, WorkshopRecord>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly listeners = new Set<ChangeListener>();
  private readonly online = new Map<string, Map<string, number>>();

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

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

  async get(id: string): Promise<WorkshopRecord | null> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const loaded = await this.store.loadWorkshop(id);
    if (loaded && !this.cache.has(id)) this.cache.set(id, loaded);
    return this.cache.get(id) ?? null;
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
    if (!parsed.success) return fail(ErrorCode.BadRequest, parsed.error.issues.map(describeIssue).join('; '));
    const input = parsed.data;
    const template = TEMPLATES[input.template];
    const id = newId();
    let joinCode = newJoinCode();
    while (await this.store.findWorkshopByJoinCode(joinCode)) joinCode = newJoinCode();
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
      groups: template.groups.map((g, position) => ({
        id: newId(),
        name: g.name[input.locale],
        attendance: g.attendance,
        position,
        rapporteurId: null,
      })),
      participants: [],
    };
    const facilitatorToken = newToken();
    const projectorToken = projectorTokenFor(facilitatorToken);
    const tokens: TokenRecord[] = [
      { hash: hashToken(facilitatorToken), workshopId: id, role: 'facilitator', participantId: null },
      { hash: hashToken(projectorToken), workshopId: id, role: 'projector', participantId: null },
    ];
    await this.store.createWorkshop(workshop, tokens, this.event(id, 'created', { title: workshop.title }));
    this.cache.set(id, workshop);
    return ok({
      id,
      joinCode,
      facilitatorToken,
      projectorToken,
      links: { facilitator: `/f/${facilitatorToken}`, join: `/j/${joinCode}`, projector: `/p/${projectorToken}` },
    });
  }

  async join(body: unknown): Promise<Result<JoinAnswer>> {
    const parsed = JoinBody.safeParse(body);
    if (!parsed.success) {
      const codeOnly = parsed.error.issues.every((i) => i.path[0] === 'joinCode');
      return codeOnly
        ? fail(ErrorCode.BadJoinCode, 'No workshop has this join code')
        : fail(ErrorCode.BadRequest, parsed.error.issues.map(describeIssue).join('; '));
    }
    const input = parsed.data;
    const workshopId = await this.store.findWorkshopByJoinCode(input.joinCode);
    if (!workshopId) return fail(ErrorCode.BadJoinCode, 'No workshop has this join code');
    return this.serial(workshopId, async () => {
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
      const next: WorkshopRecord = { ...current, participants: [...current.participants, participant] };
      const token = newToken();
      const tokenRecord: TokenRecord = {
        hash: hashToken(token),
        workshopId,
        role: 'participant',
        participantId: participant.id,
      };
      await this.store.saveWorkshop(
        next,
        this.event(workshopId, 'joined', { participantId: participant.id, groupId: participant.groupId }),
        [tokenRecord],
      );
      this.cache.set(workshopId, next);
      this.emit(next);
      return ok<JoinAnswer>({
        workshopId,
        participantId: participant.id,
        token,
        links: { board: `/b/${token}` },
      });
    });
  }

  /** Runs a validated command for a facilitator; the same handler serves socket.io and REST. */
  async command(workshopId: string, command: Command): Promise<Result<WorkshopRecord>> {
    return this.serial(workshopId, async () => {
      const current = await this.get(workshopId);
      if (!current) return fail<WorkshopRecord>(ErrorCode.NotFound, 'No such workshop');
      const result = applyCommand(current, command, this.now());
      if (!result.ok) return result;
      if (result.value === current) return ok(current);
      await this.store.saveWorkshop(result.value, this.event(workshopId, command.type, command));
      this.cache.set(workshopId, result.value);
      this.emit(result.value);
      return ok(result.value);
    });
  }

  /** Presence of participants' control sockets; several tabs count once each. */
  setOnline(workshopId: string, participantId: string, delta: 1 | -1): void {
    let counts = this.online.get(workshopId);
    if (!counts) {
      counts = new Map();
      this.online.set(workshopId, counts);
    }
    const before = counts.get(participantId) ?? 0;
    const after = Math.max(0, before + delta);
    if (after === 0) counts.delete(participantId);
    else counts.set(participantId, after);
    const workshop = this.cache.get(workshopId);
    if ((before === 0) !== (after === 0) && workshop) this.emit(workshop);
  }

  onlineIn(workshopId: string): ReadonlySet<string> {
    return new Set(this.online.get(workshopId)?.keys() ?? []);
  }
}

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  return issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}
