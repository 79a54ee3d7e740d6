import { ErrorCode, JoinCode, type JoinPrivacyAnswer } from '@warsztat/shared';
import { type Request, type Response, Router } from 'express';
import type { ControlPlane } from '../control/ControlPlane.js';
import { everyBoard } from '../domain/rounds.js';
import type { TokenRecord } from '../domain/workshop.js';
import { sendError } from './errors.js';
import { type ReportWork, storedDocs } from './reportRoute.js';

function bearer(req: Request): string | null {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  return header.slice('Bearer '.length).trim() || null;
}

/**
 * The data subject's doors (issue #19, README "Personal data"): the information clause a join page
 * shows before anyone types a name, a participant's copy of their data (Art. 15) and their erasure
 * (Art. 17). Deleting a whole workshop is the facilitator's, in api.ts.
 */
/** The budgets a look-up by join code spends, shared with joining (api.ts). */
export interface CodeLookupBudgets {
  /** Per code; false when spent. */
  take(code: string): Promise<boolean>;
  /** Per client address, failures only: true when this address guessed wrong too often. */
  addressSpent(req: Request): Promise<boolean>;
  /** Counts a wrong code against the address. */
  failed(req: Request): Promise<void>;
}

export function privacyRouter(
  control: Pick<ControlPlane, 'workshops' | 'commands'>,
  /** The boards are read and searched on the decode pool's worker (issue #14), as reports are. */
  work: ReportWork,
  /** The join budgets (api.ts): the clause look-up cannot probe codes faster than joining. */
  codes: CodeLookupBudgets,
): Router {
  const { workshops, commands } = control;
  const router = Router();

  /** The caller's participant token, or an answer already sent (401). */
  async function participant(req: Request, res: Response): Promise<TokenRecord | null> {
    const token = await workshops.resolveToken(bearer(req));
    if (!token || token.role !== 'participant' || !token.participantId) {
      sendError(res, { code: ErrorCode.Unauthorized, message: 'A valid participant token is required' });
      return null;
    }
    return token;
  }

  router.get('/join/:code/privacy', async (req, res) => {
    const code = JoinCode.safeParse(req.params.code);
    // Per address too: every code has its own budget, so that alone let one address probe codes
    // here without end, where joining stops it after a few wrong ones.
    if (await codes.addressSpent(req)) {
      return sendError(res, {
        code: ErrorCode.TooManyRequests,
        message: 'Too many wrong join codes from this address; wait a minute',
      });
    }
    if (!(await codes.take(code.success ? code.data : String(req.params.code).toUpperCase()))) {
      return sendError(res, {
        code: ErrorCode.TooManyRequests,
        message: 'Too many look-ups of this code; wait a minute',
      });
    }
    const id = code.success ? await workshops.findByJoinCode(code.data) : null;
    const workshop = id ? await workshops.get(id) : null;
    if (!workshop) {
      await codes.failed(req);
      return sendError(res, { code: ErrorCode.BadJoinCode, message: 'No workshop has this join code' });
    }
    const { privacy } = workshop.control;
    const answer: JoinPrivacyAnswer = {
      locale: workshop.locale,
      dataController: privacy.dataController,
      organiser: workshop.organiser,
      privacyContact: privacy.privacyContact,
      retentionDays: privacy.retentionDays,
    };
    res.json(answer);
  });

  router.get('/participants/me/data', async (req, res) => {
    const token = await participant(req, res);
    if (!token?.participantId) return;
    const workshop = await workshops.get(token.workshopId);
    if (!workshop) return sendError(res, { code: ErrorCode.NotFound, message: 'No such workshop' });
    // Every round's board (issue #17): a card written in any round is the participant's data.
    const docs = await storedDocs(
      everyBoard(workshop).map((b) => b.name),
      work,
    );
    const data = await work.decode.run({
      type: 'participantData',
      workshop,
      participantId: token.participantId,
      docs,
      now: Date.now(),
    });
    if (!data) return sendError(res, { code: ErrorCode.NotFound, message: 'No such participant' });
    res.set('Cache-Control', 'no-store').json(data);
  });

  router.delete('/participants/me', async (req, res) => {
    const token = await participant(req, res);
    if (!token?.participantId) return;
    const result = await commands.participantCommand(token.workshopId, token.participantId, { type: 'forgetMe' });
    if (!result.ok) return sendError(res, result.error);
    res.status(204).end();
  });

  return router;
}
