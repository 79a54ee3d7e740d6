import { CloseCode } from '@warsztat/shared';
import type { Limits } from '../config.js';
import { docFields, planeLog } from '../log.js';
import { loggable } from '../persistence/Store.js';
import type { Authorization, Granted } from './authorization.js';
import type { DocPeer } from './DocPeer.js';
import { type IncomingMessage, MessageType, readMessage, writeReadOnly, writeStep1 } from './messages.js';
import type { SharedDoc } from './SharedDoc.js';
import { TokenBucket } from './TokenBucket.js';
import type { SyncTransport } from './transport.js';
import { type UpdateBudget, UpdateIntake } from './UpdateIntake.js';

const log = planeLog('sync');

/** A Yjs update with no structs and no deletions (`[0, 0]`), as readers send in their step 2. */
const EMPTY_UPDATE_BYTES = 2;

/** What a connection asks of its server (one hook object, Hocuspocus-style, no reaching into neighbours). */
interface Hooks extends UpdateBudget {
  authorize(): Promise<Authorization>;
  /** Counts the socket against its token's and workshop's caps; a reason refuses it (1013). */
  admit(connection: SyncConnection, auth: Granted): string | null;
  openDoc(): Promise<SharedDoc>;
  release(doc: SharedDoc): void;
  closed(code: number): void;
  /** Counts one awareness message dropped over the socket's rate (a server-wide metric, doc or not). */
  awarenessRateLimited(): void;
}

/**
 * One client socket on one doc. Flow: authorize (messages that arrive meanwhile are queued),
 * load the doc, send step1 and awareness, then handle messages strictly in order. Any throw in a
 * handler closes this socket with a named code; the process and other peers are untouched.
 * Updates go through this socket's `UpdateIntake` (budget, checks, quota, held updates).
 */
export class SyncConnection implements DocPeer {
  private doc: SharedDoc | null = null;
  auth: Granted | null = null;
  private queue: Promise<void>;
  private closed = false;
  private readonly messageTokens: TokenBucket;
  /** Awareness has its own bucket (issue #18): an echoing stock provider must not spend the edit budget. */
  private readonly awarenessTokens: TokenBucket;
  private readonly intake: UpdateIntake;
  /** A retry of the held updates is already on the queue. */
  private retryQueued = false;
  /** Opened: the doc is loaded and the newcomer answered. */
  private ready = false;
  /** Messages on the queue that have not started yet. */
  private waiting = 0;

  constructor(
    private readonly ws: SyncTransport,
    readonly docName: string,
    private readonly limits: Limits,
    private readonly hooks: Hooks,
    /** Opted in (`?saved=1`) to "saved up to here" messages; stock providers do not. */
    readonly wantsSaved: boolean,
  ) {
    this.messageTokens = new TokenBucket(limits.syncMessagesPerSecond);
    this.awarenessTokens = new TokenBucket(limits.awarenessMessagesPerSecond);
    this.intake = new UpdateIntake(this, limits, hooks);
    ws.onError(() => this.close(CloseCode.Malformed, 'socket error'));
    ws.onClose(() => this.cleanup());
    ws.onMessage((data, isBinary) => this.receive(data, isBinary));
    const authTimer = setTimeout(() => this.close(CloseCode.Unauthorized, 'auth timeout'), limits.syncAuthTimeoutMs);
    this.queue = this.start().finally(() => clearTimeout(authTimer));
  }

  private async start(): Promise<void> {
    try {
      const auth = await this.hooks.authorize();
      if (this.closed) return;
      if (!auth.ok) return this.close(auth.code, auth.reason);
      const refusal = this.hooks.admit(this, auth);
      if (refusal) return this.close(CloseCode.TryAgainLater, refusal);
      this.auth = auth;
      const doc = await this.hooks.openDoc();
      if (this.closed) {
        this.hooks.release(doc);
        return;
      }
      this.doc = doc;
      // A socket that may not set presence is a viewer: it neither fans out nor receives presence.
      doc.addPeer(this, auth.user === null);
      // Never show a newcomer anything the store does not hold yet.
      await doc.whenDurable();
      this.send(writeStep1(doc.doc));
      doc.presence.greet(this);
      this.ready = true;
    } catch (error) {
      log.error({ ...docFields(this.docName), err: loggable(error) }, 'could not open a board');
      this.close(CloseCode.InternalError, 'could not load document');
    }
  }

  private receive(data: Uint8Array, isBinary: boolean): void {
    if (this.closed) return;
    if (!isBinary) {
      this.close(CloseCode.Malformed, 'text frames are not y-websocket');
    } else if (data.byteLength > this.limits.maxSyncMessageBytes) {
      this.close(CloseCode.TooLarge, 'message too large');
    } else if (data[0] === MessageType.Awareness) {
      // Over its own rate, awareness is dropped and counted, not closed: the next renewal (≤ 15 s)
      // carries the latest state anyway, and a stock provider closed here would only reconnect.
      if (!this.awarenessTokens.take()) {
        this.hooks.awarenessRateLimited();
        return;
      }
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      // Most awareness is a stock provider's echo, hundreds a second on a large board (issue #18):
      // with nothing queued before it, it is handled at once, without a promise and a microtask each.
      if (this.ready && this.waiting === 0) this.handleAwareness(bytes);
      else this.enqueue(bytes);
    } else if (!this.messageTokens.take()) {
      this.close(CloseCode.TooManyMessages, 'too many messages');
    } else {
      this.enqueue(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    }
  }

  private enqueue(bytes: Uint8Array): void {
    this.waiting++;
    this.queue = this.queue.then(() => {
      this.waiting--;
      return this.handle(bytes);
    });
  }

  /**
   * A message to handle now: the open doc, the rights and the decoded message; null when the
   * socket is closed or not open yet, or (closed 4400) when the bytes are not y-websocket.
   */
  private read(bytes: Uint8Array): { doc: SharedDoc; auth: Granted; message: IncomingMessage } | null {
    const doc = this.doc;
    const auth = this.auth;
    if (this.closed || !doc || !auth) return null;
    try {
      return { doc, auth, message: readMessage(bytes) };
    } catch {
      this.close(CloseCode.Malformed, 'malformed message');
      return null;
    }
  }

  /** An awareness message, when the socket is open and nothing is queued before it. */
  private handleAwareness(bytes: Uint8Array): void {
    const opened = this.read(bytes);
    if (!opened) return;
    const { doc, auth, message } = opened;
    try {
      // Only awareness reaches here (its first byte); the same answers as `handle` gives.
      if (message.type === 'awareness') doc.presence.receive(this, message.update, auth.user, bytes);
    } catch {
      this.close(CloseCode.Malformed, 'malformed awareness');
    }
  }

  private async handle(bytes: Uint8Array): Promise<void> {
    const opened = this.read(bytes);
    if (!opened) return;
    const { doc, auth, message } = opened;
    try {
      switch (message.type) {
        case 'step1':
          await doc.whenDurable();
          for (const answer of doc.answerStep1(message.stateVector)) this.send(answer);
          return;
        case 'update': {
          // Read-only peers are answered (above) but their edits are never applied: the projector stays live.
          // A client that opted in is told (issue #17), so its board says so instead of failing
          // silently; it then stops editing. An empty update (a reader's step 2) is no edit.
          if (!auth.canWrite()) {
            if (this.wantsSaved && message.update.byteLength > EMPTY_UPDATE_BYTES) this.send(writeReadOnly());
            return;
          }
          return await this.intake.receive(doc, auth, message.update);
        }
        case 'awareness':
          doc.presence.receive(this, message.update, auth.user, bytes);
          return;
        case 'queryAwareness':
          doc.presence.answerQuery(this);
          return;
      }
    } catch {
      this.close(CloseCode.Malformed, `malformed ${message.type}`);
    }
  }

  /**
   * What filled a held update's gap may come from anyone: this socket, another socket, another
   * node through the relay, or a resync from the store. Retrying only after this socket's own
   * edits left a client's held typing waiting for ever once it stopped typing. The retry joins
   * this socket's queue, so its updates still apply in the order they arrived.
   */
  docChanged(): void {
    if (!this.intake.isHolding || this.retryQueued || this.closed) return;
    this.retryQueued = true;
    this.queue = this.queue.then(async () => {
      this.retryQueued = false;
      const doc = this.doc;
      const auth = this.auth;
      // A throw here would reject the queue and silently drop every later message of this socket.
      try {
        if (doc && auth && !this.closed) await this.intake.retryHeld(doc, auth);
      } catch {
        this.close(CloseCode.UpdateRefused, 'held update could not be applied');
      }
    });
  }

  /** Re-checks read rights after the workshop changed (moved, removed, group deleted). */
  revalidate(): void {
    if (this.auth && !this.auth.current()) this.close(CloseCode.Unauthorized, 'link rotated');
    else if (this.auth && !this.auth.canRead()) this.close(CloseCode.Forbidden, 'rights revoked');
  }

  send(message: Uint8Array, frame?: Uint8Array): void {
    if (this.closed || !this.ws.isOpen) return;
    // A socket that cannot keep up is closed rather than buffered without bound; the provider
    // reconnects and gets one full sync instead of the backlog. One message of any size always
    // fits in an empty buffer, so a large first sync is never mistaken for a slow consumer.
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      this.close(CloseCode.TryAgainLater, 'slow consumer');
      return;
    }
    // A broadcast's frame is written as it is; a failed write closes the socket (ws's 'close').
    if (frame && this.ws.sendFrame) {
      this.ws.sendFrame(frame);
      return;
    }
    this.ws.send(message, (error) => {
      if (error) this.close(CloseCode.InternalError, 'send failed');
    });
  }

  cork(): void {
    this.ws.cork?.();
  }

  uncork(): void {
    this.ws.uncork?.();
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.hooks.closed(code);
    try {
      this.ws.close(code, reason);
    } catch {
      this.ws.terminate();
    }
    this.cleanup();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private cleanup(): void {
    this.closed = true;
    const doc = this.doc;
    if (!doc) return;
    this.doc = null;
    doc.removePeer(this);
    this.hooks.release(doc);
  }
}
