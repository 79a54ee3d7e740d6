import { type Command, ErrorCode, type NarrativeEdit, type ParticipantCommand, type Role } from '@warsztat/shared';
import type { WorkshopRecord } from '../domain/workshop.js';
import { autoAssign } from './assign.js';
import { applyCommand, applyParticipantCommand } from './commands/index.js';
import { applyNarrative } from './commands/narrative.js';
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

  /** A facilitator's or co-facilitator's command; a preview is answered without storing anything. */
  async command(workshopId: string, command: Command, role: Role = 'facilitator'): Promise<Result<CommandOutcome>> {
    if (!mayRun(role, command)) return fail(ErrorCode.Forbidden, 'This link may not do this');
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
