import {
  Command,
  CopyWorkshopBody,
  CreateWorkshopBody,
  ErrorCode,
  FACILITATOR_ROLES,
  JoinBody,
  JoinCode,
  NarrativeEditBody,
  type Role,
} from '@warsztat/shared';
import express, { type Request, type Response, Router } from 'express';
import type { Redis } from 'ioredis';
import type { ControlPlane } from '../control/ControlPlane.js';
import { schemaError } from '../control/result.js';
import { viewerFor, viewFor } from '../control/views.js';
import type { TokenRecord } from '../domain/workshop.js';
import { Limiter } from '../limiter.js';
import type { DecodePool } from '../offthread/DecodePool.js';
import { sendError } from './errors.js';
import { addressOf, importRouter } from './importRoute.js';
import { privacyRouter } from './privacyRoutes.js';
import { type ReportWork, sendDraft, sendReport } from './reportRoute.js';

const NO_SUCH_CODE = { code: ErrorCode.BadJoinCode, message: 'No workshop has this join code' };

function bearer(req: Request): string | null {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  return header.slice('Bearer '.length).trim() || null;
}

function absolute(req: Request, path: string): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}${path}`;
}

/** Create, import and copy answer alike: 201 with the links made absolute for this host. */
function sendNewWorkshop<T extends { links: { facilitator: string; join: string; projector: string } }>(
  req: Request,
  res: Response,
  answer: T,
): void {
  const { links } = answer;
  res.status(201).json({
    ...answer,
    links: {
      facilitator: absolute(req, links.facilitator),
      join: absolute(req, links.join),
      projector: absolute(req, links.projector),
    },
  });
}

/**
 * REST door (DESIGN §9). Bodies are parsed here by the shared zod schemas (parse at the door), so
 * the services take typed input; this module checks who is calling, parses, and maps results to
 * statuses.
 */
export function apiRouter(
  control: Pick<ControlPlane, 'workshops' | 'commands' | 'onboarding' | 'presence' | 'deletion'>,
  options: {
    maxBodyBytes: number;
    maxImportBytes: number;
    joinsPerCodePerMinute: number;
    importsPerAddressPerHour: number;
    importsInFlightPerAddress: number;
    /** Structs per stored log entry of an imported board (config.ts `snapshotSegmentStructs`). */
    snapshotSegmentStructs: number;
    createsPerAddressPerHour: number;
    failedJoinsPerAddressPerMinute: number;
    /** Shared limiter store with several nodes (REDIS_URL); null keeps the counters in memory. */
    redis: Redis | null;
    /** Imports and reports run here, off the main thread (issue #14). */
    decode: DecodePool;
    readStored: ReportWork['readStored'];
  },
): Router {
  const { workshops, commands, onboarding, presence, deletion } = control;
  const router = Router();
  // Before the general parser: a workshop export with its boards is far larger than a command.
  router.use(
    importRouter(onboarding, options.decode, options, (req, res, result) => {
      if (!result.ok) return sendError(res, result.error);
      sendNewWorkshop(req, res, result.value);
    }),
  );
  const reports: ReportWork = { decode: options.decode, readStored: options.readStored };
  router.use(express.json({ limit: options.maxBodyBytes, strict: true }));
  // Keyed only by a code that has the shape of one (as the schema normalises it): a long or junk
  // "code" can neither inflate the limiter's map nor match a workshop (issue #14).
  const joinLimiter = Limiter.create('join-code', options.joinsPerCodePerMinute, 60, options.redis);
  const takeJoinBudget = async (code: string) => !JoinCode.safeParse(code).success || joinLimiter.take(code);
  const createLimiter = Limiter.create('create', options.createsPerAddressPerHour, 3_600, options.redis);
  // Only failures count (issue #14): guessing codes is stopped, a room behind one NAT joins freely.
  const failedJoins = Limiter.create('join-fail', options.failedJoinsPerAddressPerMinute, 60, options.redis);
  const TOO_MANY_FAILED_JOINS = {
    code: ErrorCode.TooManyRequests,
    message: 'Too many wrong join codes from this address; wait a minute',
  } as const;

  /** Resolves the bearer token and checks it belongs to the workshop with one of `roles`. */
  async function authorize(
    req: Request,
    res: Response,
    roles: Role[],
  ): Promise<{ token: TokenRecord; raw: string } | null> {
    const raw = bearer(req);
    const token = raw ? await workshops.resolveToken(raw) : null;
    if (!raw || !token) {
      sendError(res, { code: ErrorCode.Unauthorized, message: 'A valid token is required' });
      return null;
    }
    const workshop = await workshops.get(String(req.params.id));
    if (!workshop) {
      sendError(res, { code: ErrorCode.NotFound, message: 'No such workshop' });
      return null;
    }
    if (token.workshopId !== workshop.id || !roles.includes(token.role)) {
      sendError(res, { code: ErrorCode.Forbidden, message: 'This token may not do this' });
      return null;
    }
    return { token, raw };
  }

  router.post('/workshops', async (req, res) => {
    if (!(await createLimiter.take(addressOf(req)))) {
      return sendError(res, {
        code: ErrorCode.TooManyRequests,
        message: 'Too many new workshops from this address; try again later',
      });
    }
    const parsed = CreateWorkshopBody.safeParse(req.body);
    if (!parsed.success) return sendError(res, schemaError(parsed.error));
    const result = await onboarding.create(parsed.data);
    if (!result.ok) return sendError(res, result.error);
    sendNewWorkshop(req, res, result.value);
  });

  // Reuse a format (issue #16): the organisers' tokens only; the answer is the same as creating one.
  router.post('/workshops/:id/copy', async (req, res) => {
    const who = await authorize(req, res, [...FACILITATOR_ROLES]);
    if (!who) return;
    const parsed = CopyWorkshopBody.safeParse(req.body ?? {});
    if (!parsed.success) return sendError(res, schemaError(parsed.error));
    const result = await onboarding.copy(who.token.workshopId, parsed.data);
    if (!result.ok) return sendError(res, result.error);
    sendNewWorkshop(req, res, result.value);
  });

  router.get('/workshops/:id', async (req, res) => {
    const who = await authorize(req, res, ['facilitator', 'coFacilitator', 'projector']);
    if (!who) return;
    const workshop = await workshops.get(who.token.workshopId);
    if (!workshop) return sendError(res, { code: ErrorCode.NotFound, message: 'No such workshop' });
    res.json(viewFor(workshop, viewerFor(who.token, who.raw), presence.onlineIn(workshop.id)));
  });

  // The join page's heading (title and date only); shares the join budget per code, so the look-up
  // cannot be used to probe codes faster than joining could.
  router.get('/join/:code', async (req, res) => {
    const parsedCode = JoinCode.safeParse(req.params.code);
    if (await failedJoins.isSpent(addressOf(req))) return sendError(res, TOO_MANY_FAILED_JOINS);
    if (parsedCode.success && !(await joinLimiter.take(parsedCode.data))) {
      return sendError(res, {
        code: ErrorCode.TooManyRequests,
        message: 'Too many look-ups of this code; wait a minute',
      });
    }
    const result = parsedCode.success ? await onboarding.joinInfo(parsedCode.data) : null;
    if (!result || (!result.ok && result.error.code === ErrorCode.BadJoinCode)) await failedJoins.count(addressOf(req));
    if (!result) return sendError(res, NO_SUCH_CODE);
    if (!result.ok) return sendError(res, result.error);
    res.json(result.value);
  });

  // Deleting everything of a workshop is the facilitator's alone (a co-facilitator gets 403), issue #19.
  router.delete('/workshops/:id', async (req, res) => {
    const who = await authorize(req, res, ['facilitator']);
    if (!who) return;
    const result = await deletion.deleteWorkshop(who.token.workshopId, 'facilitator');
    if (!result.ok) return sendError(res, result.error);
    res.status(204).end();
  });

  router.post('/join', async (req, res) => {
    // Keyed by the code as the schema normalises it (case, dashes, spaces), or "abc-def", " ABCDEF "
    // and "ABCDEF" would each get their own budget and the limit could be dodged by retyping.
    const parsedCode = JoinCode.safeParse(req.body?.joinCode);
    if (await failedJoins.isSpent(addressOf(req))) return sendError(res, TOO_MANY_FAILED_JOINS);
    if (parsedCode.success && !(await joinLimiter.take(parsedCode.data))) {
      return sendError(res, {
        code: ErrorCode.TooManyRequests,
        message: 'Too many joins with this code; wait a minute',
      });
    }
    const parsed = JoinBody.safeParse(req.body);
    if (!parsed.success) {
      // A mistyped code is the common case and gets its own answer; other fields are a bad request.
      const codeOnly = parsed.error.issues.every((i) => i.path[0] === 'joinCode');
      if (codeOnly) await failedJoins.count(addressOf(req));
      return sendError(res, codeOnly ? NO_SUCH_CODE : schemaError(parsed.error));
    }
    const result = await onboarding.join(parsed.data);
    if (!result.ok && result.error.code === ErrorCode.BadJoinCode) await failedJoins.count(addressOf(req));
    if (!result.ok) return sendError(res, result.error);
    res.status(201).json({ ...result.value, links: { board: absolute(req, result.value.links.board) } });
  });

  router.post('/workshops/:id/commands', async (req, res) => {
    const who = await authorize(req, res, [...FACILITATOR_ROLES]);
    if (!who) return;
    const parsed = Command.safeParse(req.body);
    if (!parsed.success) return sendError(res, schemaError(parsed.error));
    const result = await commands.command(who.token.workshopId, parsed.data, who.token.role, who.raw);
    if (!result.ok) return sendError(res, result.error);
    const { workshop, preview } = result.value;
    const state = viewFor(workshop, viewerFor(who.token, who.raw), presence.onlineIn(who.token.workshopId));
    // A preview answers the state unchanged plus the proposed assignment.
    res.json(preview ? { ...state, preview } : state);
  });

  router.get('/workshops/:id/report', async (req, res) => {
    const who = await authorize(req, res, [...FACILITATOR_ROLES]);
    if (!who) return;
    const workshop = await workshops.get(who.token.workshopId);
    if (!workshop) return sendError(res, { code: ErrorCode.NotFound, message: 'No such workshop' });
    await sendReport(req, res, workshop, reports);
  });

  router.get('/workshops/:id/report/draft', async (req, res) => {
    const who = await authorize(req, res, [...FACILITATOR_ROLES]);
    if (!who) return;
    const workshop = await workshops.get(who.token.workshopId);
    if (!workshop) return sendError(res, { code: ErrorCode.NotFound, message: 'No such workshop' });
    await sendDraft(res, workshop, reports);
  });

  router.put('/workshops/:id/report/narrative', async (req, res) => {
    const who = await authorize(req, res, [...FACILITATOR_ROLES]);
    if (!who) return;
    const parsed = NarrativeEditBody.safeParse(req.body);
    if (!parsed.success) return sendError(res, schemaError(parsed.error));
    const result = await commands.editNarrative(who.token.workshopId, parsed.data);
    if (!result.ok) return sendError(res, result.error);
    await sendDraft(res, result.value, reports);
  });

  router.use(
    privacyRouter(control, reports, {
      take: takeJoinBudget,
      addressSpent: (req) => failedJoins.isSpent(addressOf(req)),
      failed: (req) => failedJoins.count(addressOf(req)),
    }),
  );
  router.use((_req, res) => sendError(res, { code: ErrorCode.NotFound, message: 'No such API call' }));
  return router;
}
