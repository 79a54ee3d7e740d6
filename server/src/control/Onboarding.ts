import {
  type CreateWorkshopAnswer,
  type CreateWorkshopInput,
  ErrorCode,
  type JoinAnswer,
  type JoinInfo,
  type JoinInput,
  TEMPLATES,
} from '@warsztat/shared';
import { emptyControl } from '../domain/control.js';
import type { WorkshopRecord } from '../domain/workshop.js';
import { newId, newJoinCode } from '../ids.js';
import { planeLog } from '../log.js';
import type { DecodedBackup } from '../offthread/decodeBackup.js';
import { placeLateJoiner } from './assign.js';
import { copiedWorkshop } from './copyWorkshop.js';
import { importedWorkshop } from './importWorkshop.js';
import { fail, ok, type Result, storeAnswer } from './result.js';
import { mintParticipantToken, mintWorkshopTokens } from './tokens.js';
import type { WorkshopService } from './WorkshopService.js';

const log = planeLog('control');

const noSuchCode = () => fail<JoinAnswer>(ErrorCode.BadJoinCode, 'No workshop has this join code');

/**
 * How workshops and people come in: creating a workshop (with its tokens), importing one from a
 * JSON export, and a participant joining with the code. Input arrives parsed by the door's schema.
 */
export class Onboarding {
  constructor(private readonly workshops: WorkshopService) {}

  create(input: CreateWorkshopInput): Promise<Result<CreateWorkshopAnswer>> {
    return storeAnswer(async () => {
      const template = TEMPLATES[input.template];
      const id = newId();
      const workshop: WorkshopRecord = {
        id,
        title: input.title,
        date: input.date ?? null,
        venue: input.venue || null,
        organiser: input.organiser || null,
        mode: input.mode,
        locale: input.locale,
        template: input.template,
        joinCode: await this.workshops.freeJoinCode(newJoinCode),
        phase: 'lobby',
        spotlightGroupId: null,
        timer: { endsAt: null, pausedRemainingMs: null },
        agenda: [],
        createdAt: this.workshops.now(),
        control: {
          ...emptyControl(input.timeZone),
          privacy: {
            dataController: input.dataController ?? null,
            privacyContact: input.privacyContact ?? null,
            retentionDays: input.retentionDays,
          },
          lastActivityAt: this.workshops.now(),
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
      const { workshop: minted, tokens, answer } = mintWorkshopTokens(workshop);
      await this.workshops.add(minted, tokens, this.workshops.event(id, 'created', { title: workshop.title }));
      log.info({ workshopId: id, template: input.template, mode: input.mode }, 'workshop created');
      return ok(answer);
    });
  }

  /**
   * Creates a new workshop from a JSON export (importWorkshop.ts says what is copied). The boards
   * are written to the store before the workshop exists, so no client can open a board before its
   * content is there. If anything fails before the workshop is stored, the boards written so far
   * are removed (now, or by a later retention sweep while the store refuses): nothing would ever
   * refer to them, so no export, erasure or retention could reach what they hold (RODO).
   */
  importWorkshop(backup: DecodedBackup): Promise<Result<CreateWorkshopAnswer>> {
    return storeAnswer(async () => {
      const made = {
        id: newId(),
        joinCode: await this.workshops.freeJoinCode(newJoinCode),
        now: this.workshops.now(),
      };
      const result = importedWorkshop(backup, made);
      if (!result.ok) return result;
      const { workshop, docs } = result.value;
      const { workshop: minted, tokens, answer } = mintWorkshopTokens(workshop);
      try {
        for (const doc of docs) {
          await this.workshops.writeDoc(doc.name, doc.updates);
          // A turn of the event loop between boards: each may be megabytes, and SQLite writes block
          // it (issue #14: no import may hold the loop for long).
          await new Promise((resolve) => setImmediate(resolve));
        }
        const event = this.workshops.event(workshop.id, 'imported', { title: workshop.title, boards: docs.length });
        await this.workshops.add(minted, tokens, event);
      } catch (error) {
        await this.workshops.discardDocs(workshop.id);
        throw error;
      }
      log.info({ workshopId: workshop.id, boards: docs.length }, 'workshop imported');
      return ok(answer);
    });
  }

  /** A new workshop in the lobby with the format of `sourceId` (copyWorkshop.ts says what is copied). */
  copy(sourceId: string, input: { title?: string | undefined }): Promise<Result<CreateWorkshopAnswer>> {
    return storeAnswer(async () => {
      const source = await this.workshops.get(sourceId);
      if (!source) return fail<CreateWorkshopAnswer>(ErrorCode.NotFound, 'No such workshop');
      const workshop = copiedWorkshop(source, {
        id: newId(),
        joinCode: await this.workshops.freeJoinCode(newJoinCode),
        now: this.workshops.now(),
        ...(input.title ? { title: input.title } : {}),
      });
      const { workshop: minted, tokens, answer } = mintWorkshopTokens(workshop);
      const event = this.workshops.event(workshop.id, 'copied', { title: workshop.title, from: sourceId });
      await this.workshops.add(minted, tokens, event);
      log.info({ workshopId: workshop.id, from: sourceId }, 'workshop copied');
      return ok(answer);
    });
  }

  /** The public look-up behind the join page's heading: title and date, nothing a code should not reveal. */
  async joinInfo(joinCode: string): Promise<Result<JoinInfo>> {
    const found = await storeAnswer(async () => ok(await this.workshops.findByJoinCode(joinCode)));
    if (!found.ok) return found;
    const workshop = found.value ? await this.workshops.get(found.value) : null;
    if (!workshop) return fail(ErrorCode.BadJoinCode, 'No workshop has this join code');
    return ok({ title: workshop.title, date: workshop.date });
  }

  /** A participant joins: stored with their token through the common commit, like any change. */
  async join(input: JoinInput): Promise<Result<JoinAnswer>> {
    const found = await storeAnswer(async () => ok(await this.workshops.findByJoinCode(input.joinCode)));
    if (!found.ok) return found;
    const workshopId = found.value;
    if (!workshopId) return noSuchCode();
    return this.workshops.run(workshopId, async () => {
      const current = await this.workshops.get(workshopId);
      if (!current) return noSuchCode();
      if (current.phase === 'closed') return fail<JoinAnswer>(ErrorCode.Conflict, 'This workshop is closed');
      const participant = {
        id: newId(),
        name: input.name,
        organisation: input.organisation || null,
        orgType: input.orgType ?? null,
        attendance: input.attendance,
        groupId: null as string | null,
        joinedAt: this.workshops.now(),
      };
      // Once groups are running, a late joiner is placed where an auto-assignment would have put them.
      const groupsRunning = current.phase !== 'lobby' && current.participants.some((p) => p.groupId !== null);
      if (groupsRunning) participant.groupId = placeLateJoiner(current.groups, current.participants, participant);
      const control = input.nameInReport
        ? { ...current.control, namesInReport: [...current.control.namesInReport, participant.id] }
        : current.control;
      const next: WorkshopRecord = { ...current, control, participants: [...current.participants, participant] };
      const { token, record } = mintParticipantToken(workshopId, participant.id);
      const data = { participantId: participant.id, groupId: participant.groupId };
      const saved = await this.workshops.commit(current, next, 'joined', data, [record]);
      log.info(
        { workshopId, participantId: participant.id, participants: saved.participants.length },
        'participant joined',
      );
      return ok<JoinAnswer>({ workshopId, participantId: participant.id, token, links: { board: `/b/${token}` } });
    });
  }
}
