import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { CSP_NONCE_PLACEHOLDER } from '@warsztat/shared';
import type { Request, Response } from 'express';
import { styleNonce } from './cspNonce.js';

/**
 * The app shell (`index.html`) for one answer. The build leaves a nonce placeholder in it (see
 * shared `cspNonce.ts`); each answer gets its own nonce, the one its CSP header allows, so the
 * shell cannot be sent from the build's precompressed copies. It is under 1 KiB: compressing it
 * per answer (brotli at a middle quality, else gzip) costs far less than the round trip it saves
 * a phone on venue Wi-Fi.
 */
export function appShell(html: string, cacheControl: string): (req: Request, res: Response) => void {
  const parts = html.split(CSP_NONCE_PLACEHOLDER);
  return (req, res) => {
    const body = Buffer.from(parts.join(styleNonce(res)));
    res.setHeader('Cache-Control', cacheControl);
    res.setHeader('Vary', 'Accept-Encoding');
    res.type('html');
    const encoding = req.acceptsEncodings('br', 'gzip', 'identity');
    if (encoding === 'br') {
      res.setHeader('Content-Encoding', 'br');
      res.send(
        brotliCompressSync(body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
        }),
      );
    } else if (encoding === 'gzip') {
      res.setHeader('Content-Encoding', 'gzip');
      res.send(gzipSync(body));
    } else {
      res.send(body);
    }
  };
}
