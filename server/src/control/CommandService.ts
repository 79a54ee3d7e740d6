import {
  type Command,
  ErrorCode,
  type NarrativeEdit,
  type ParticipantCommand,
  type Role,
  type RotationTarget,
} from '@warsztat/shared';
import type { WorkshopRecord } from '../domain/workshop.js';
import { newJoinCode } from '../ids.js';
import { autoAssign } from './assign.js';
import { applyCommand, applyParticipantCommand } from './commands/index.js';
import { applyNarrative } from './commands/narrative.js';
import { applyRotation } from './commands/rotate.js';
import { fail, ok, type Result } from './result.js';
import { type CommandOutcome, mayRun } from './rights.js';
import type { WorkshopService } from './WorkshopService.js';

const noWorkshop = <T>() => fail<T>(ErrorCode.NotFound, 'No such workshop');

/**
 * Runs commands on a workshop: each reads the current state in the workshop's queue, applies its
 * pure handler (commands/) and commits the result with its event. The same methods serve the
 * socket.io and REST doors, which parse the input first.
 */
export class CommandService {
  constructor(private readonly workshops: WorkshopService) {}

  /**
   * A facilitator's or co-facilitator's command; a preview is answered without storing anything.
   * `rawToken` is the caller's own link as sent: rotating a derived link needs it (its root).
   */
  async command(
    workshopId: string,
    command: Command,
    role: Role = 'facilitator',
    rawToken: string | null = null,
  ): Promise<Result<CommandOutcome>> {
    if (!mayRun(role, command)) return fail(ErrorCode.Forbidden, 'This link may not do this');
    if (command.type === 'rotate') {
      return this.rotate(workshopId, command.target, role === 'facilitator' ? rawToken : null);
    }
    return this.workshops.run(workshopId, async () => {
      const current = await this.workshops.get(workshopId);
      if (!current) return noWorkshop<CommandOutcome>();
      const result = applyCommand(current, command, this.workshops.now());
      if (!result.ok) return result;
      if (command.type === 'assign' && command.mode === 'preview') {
        return ok({ workshop: current, preview: Object.fromEntries(autoAssign(current.groups, current.participants)) });
      }
      return ok({ workshop: await this.workshops.commit(current, result.value, command.type, command) });
    });
  }

  /**
   * Replaces the join code or a derived link (issue #14), in any phase: a leaked link must be
   * revocable after closing too. The new token replaces the old one in the same save, and the
   * commit's announcement hangs up sockets holding the old one, here and (through the workshop
   * bus) on every other node. The event names the target only, never a token or code.
   */
  private rotate(
    workshopId: string,
    target: RotationTarget,
    facilitatorToken: string | null,
  ): Promise<Result<CommandOutcome>> {
    return this.workshops.run(workshopId, async () => {
      const current = await this.workshops.get(workshopId);
      if (!current) return noWorkshop<CommandOutcome>();
      const freshJoinCode = target === 'joinCode' ? await this.workshops.freeJoinCode(newJoinCode) : null;
      const result = applyRotation(current, target, { facilitatorToken, freshJoinCode });
      if (!result.ok) return result;
      const { workshop, tokens } = result.value;
      return ok({ workshop: await this.workshops.commit(current, workshop, 'rotate', { target }, tokens) });
    });
  }

  /** A participant's command about itself (help, choose a group, rapporteur self-pick, vote, consent). */
  participantCommand(
    workshopId: string,
    participantId: string,
    command: ParticipantCommand,
  ): Promise<Result<WorkshopRecord>> {
    return this.workshops.run(workshopId, async () => {
      const current = await this.workshops.get(workshopId);
      if (!current) return noWorkshop<WorkshopRecord>();
      const result = applyParticipantCommand(current, participantId, command, this.workshops.now());
      if (!result.ok) return result;
      // A help request's words may name people; the audit log keeps that it happened, not what it
      // said, so erasing the participant (which drops the request from state) leaves none behind.
      const logged = command.type === 'help' ? { type: 'help', chars: command.text.length } : command;
      const data = { participantId, ...logged };
      return ok(await this.workshops.commit(current, result.value, `participant.${command.type}`, data));
    });
  }

  /** Keeps (or, with empty text, forgets) the organisers' wording of one part of the report. */
  editNarrative(workshopId: string, edit: NarrativeEdit): Promise<Result<WorkshopRecord>> {
    return this.workshops.run(workshopId, async () => {
      const current = await this.workshops.get(workshopId);
      if (!current) return noWorkshop<WorkshopRecord>();
      const result = applyNarrative(current, edit);
      if (!result.ok) return result;
      const data = { part: edit.part, edited: edit.part in result.value.control.narrative };
      return ok(await this.workshops.commit(current, result.value, 'report.narrative', data));
    });
  }
}
