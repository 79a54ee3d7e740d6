import { ErrorCode } from '@warsztat/shared';
import express, { type Request, type Response, Router } from 'express';
import type { Redis } from 'ioredis';
import type { Onboarding } from '../control/Onboarding.js';
import { Limiter } from '../limiter.js';
import type { DecodePool } from '../offthread/DecodePool.js';
import { sendError } from './errors.js';

/** The client's address (a forwarded one only from a loopback proxy: `trust proxy`). */
export function addressOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/**
 * `POST /api/workshops/import` (DESIGN §9): a JSON export of up to `maxImportBytes` becomes a new
 * workshop. Anyone may call it, so three bounds stand before the work (issue #14): imports per
 * address per hour (counted before the body is read, so a refused import costs no parsing),
 * imports in flight per address (one address cannot fill the decode queue for everyone), and the
 * decode pool's own queue. The body is read as bytes and parsed, validated and decoded in a worker
 * (offthread/decodeBackup.ts): a 17 MB file stalled the event loop for seconds on the main thread.
 */
export function importRouter(
  onboarding: Pick<Onboarding, 'importWorkshop'>,
  decode: DecodePool,
  options: {
    maxImportBytes: number;
    importsPerAddressPerHour: number;
    importsInFlightPerAddress: number;
    snapshotSegmentStructs: number;
    redis: Redis | null;
  },
  answer: (req: Request, res: Response, created: Awaited<ReturnType<Onboarding['importWorkshop']>>) => void,
): Router {
  const router = Router();
  const perHour = Limiter.create('import', options.importsPerAddressPerHour, 3_600, options.redis);
  // In flight on this node only: a count that lives as long as the requests it counts, each key
  // removed when its last import ends, so the map never outgrows the imports running.
  const inFlight = new Map<string, number>();
  const readBody = express.raw({ type: 'application/json', limit: options.maxImportBytes });

  router.post('/workshops/import', async (req, res, next) => {
    const address = addressOf(req);
    if ((inFlight.get(address) ?? 0) >= options.importsInFlightPerAddress) {
      return sendError(res, {
        code: ErrorCode.TooManyRequests,
        message: 'An import from this address is still running; try again when it is done',
      });
    }
    if (!(await perHour.take(address))) {
      return sendError(res, {
        code: ErrorCode.TooManyRequests,
        message: 'Too many imports from this address; try again later',
      });
    }
    inFlight.set(address, (inFlight.get(address) ?? 0) + 1);
    // Counted down once the answer is sent or the client goes away, whatever happened in between.
    res.once('close', () => {
      const left = (inFlight.get(address) ?? 1) - 1;
      if (left > 0) inFlight.set(address, left);
      else inFlight.delete(address);
    });
    readBody(req, res, async (error?: unknown) => {
      if (error) return next(error);
      try {
        // Without a JSON content type the body is not read: an empty body, answered as invalid JSON.
        const body: Uint8Array = Buffer.isBuffer(req.body) ? req.body : new Uint8Array();
        const decoded = await decode.run({ type: 'import', body, maxStructs: options.snapshotSegmentStructs });
        if (!decoded.ok) return sendError(res, decoded.error);
        answer(req, res, await onboarding.importWorkshop(decoded.value));
      } catch (failure) {
        next(failure);
      }
    });
  });
  return router;
}
