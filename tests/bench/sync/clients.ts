/**
 * The load generator's clients, all in one worker thread.
 *
 * - `RawClient` speaks the server's wire protocol itself (y-websocket or Hocuspocus framing, see
 *   wire.ts). Editors hold one small Y.Doc with only their own card and type into it through the
 *   shared board schema, so every edit is a real Yjs update a browser would send; they never apply
 *   what others write (their edits never depend on it), which keeps 500 editors on one core.
 *   Receivers read the marker straight from each update message and keep nothing.
 * - `ProviderClient` is the server's own client library with a full Y.Doc (`WebsocketProvider`
 *   for y-websocket servers, `HocuspocusProvider` for Hocuspocus): one per group, the projector, so
 *   every run also proves the edits are valid for the real client and it sees them.
 * Both read the timestamp the same way and at the same point: when the update arrives.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { addCard, cardsMap } from '@warsztat/shared';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { Presence, RENEW_EVERY_MS } from './presence.js';
import {
  classify,
  encodeAuth,
  encodeStep1,
  encodeUpdate,
  HOCUSPOCUS_PING,
  HOCUSPOCUS_PONG,
  marker,
  type Protocol,
  scanMarkers,
} from './wire.js';

export interface ClientSpec {
  /** Unique across the run; editors put it in their markers so receivers skip their own echo. */
  id: number;
  group: number;
  role: 'editor' | 'receiver' | 'provider';
  protocol: Protocol;
  /** y-websocket: `ws://host:port/prefix` (the doc name is appended); Hocuspocus: `ws://host:port`. */
  serverUrl: string;
  docName: string;
  token: string | null;
  /** Announces, renews and (editors) moves a cursor in awareness, as real clients do (presence.ts). */
  presence: boolean;
  /** Re-sends every awareness update it applies, as y-websocket's WebsocketProvider does. */
  echo: boolean;
}

export interface Sink {
  /** A marker arrived at `receiver` at `now` (epoch ms). */
  sample(receiver: ClientSpec, editor: number, sentAt: number): void;
  opened(client: ClientSpec, at: number): void;
  synced(client: ClientSpec, at: number, bytes: number): void;
  closed(client: ClientSpec, code: number): void;
}

export const now = (): number => performance.timeOrigin + performance.now();

const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());
/** Keeps an editor's card short however long it types: older text is deleted as new text comes. */
const MAX_TEXT = 400;

export interface Client {
  readonly spec: ClientSpec;
  /** Editors only: creates the editor's card (no marker). */
  createCard(): void;
  edit(): void;
  /** Renews this client's presence if it is due (called about once a second). */
  renew(now: number): void;
  close(): void;
}

export class RawClient implements Client {
  private readonly ws: WebSocket;
  private doc: Y.Doc | null = null;
  private text: Y.Text | null = null;
  private isSynced = false;
  /** Closed by the generator: not a server's refusal. */
  private closing = false;
  private readonly presence: Presence | null;

  constructor(
    readonly spec: ClientSpec,
    private readonly sink: Sink,
  ) {
    // The real Hocuspocus provider filters its awareness handler by origin: it never echoes.
    const echo = spec.echo && spec.protocol === 'y-websocket';
    this.presence = spec.presence ? new Presence(spec.protocol, spec.docName, echo, spec.id) : null;
    const url =
      spec.protocol === 'hocuspocus'
        ? spec.serverUrl
        : `${spec.serverUrl}/${spec.docName}${spec.token ? `?token=${encodeURIComponent(spec.token)}` : ''}`;
    this.ws = new WebSocket(url, { perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('open', () => {
      sink.opened(spec, now());
      if (spec.protocol === 'hocuspocus') this.ws.send(encodeAuth(spec.docName, spec.token ?? ''));
      this.ws.send(encodeStep1(spec.protocol, spec.docName, EMPTY_STATE_VECTOR));
      if (this.presence) this.ws.send(this.presence.own(now()));
    });
    this.ws.on('message', (data: Buffer) => this.receive(data));
    this.ws.on('error', () => {});
    this.ws.on('close', (code) => this.closing || sink.closed(spec, code));
  }

  private receive(data: Buffer): void {
    if (data.length === 1 && data[0] === HOCUSPOCUS_PING) {
      this.ws.send(Uint8Array.of(HOCUSPOCUS_PONG));
      return;
    }
    const { kind, payload } = classify(this.spec.protocol, data);
    if (kind === 'update') {
      scanMarkers(data, payload, (editor, sentAt) => {
        if (editor !== this.spec.id) this.sink.sample(this.spec, editor, sentAt);
      });
    } else if (kind === 'step2' && !this.isSynced) {
      this.isSynced = true;
      this.sink.synced(this.spec, now(), data.length);
    } else if (kind === 'other' && this.presence) {
      const echo = this.presence.receive(data);
      if (echo) this.send(echo);
    }
  }

  renew(at: number): void {
    if (this.presence && at - this.presence.lastSentAt >= RENEW_EVERY_MS) this.send(this.presence.own(at));
  }

  createCard(): void {
    // Capacity adds boards while earlier editors keep typing: each editor makes its card once.
    if (this.doc) return;
    const doc = new Y.Doc();
    doc.on('update', (update: Uint8Array) => this.send(encodeUpdate(this.spec.protocol, this.spec.docName, update)));
    const id = addCard(doc, { sectionId: 'needs', text: '', authorId: `editor-${this.spec.id}` });
    const card = cardsMap(doc).get(id);
    const text = card?.get('text');
    if (!(text instanceof Y.Text)) throw new Error('addCard made no Y.Text');
    this.doc = doc;
    this.text = text;
  }

  edit(): void {
    const doc = this.doc;
    const text = this.text;
    if (!doc || !text) return;
    doc.transact(() => {
      if (text.length > MAX_TEXT) text.delete(0, text.length - MAX_TEXT / 2);
      text.insert(text.length, marker(this.spec.id, now()));
    });
    // The caret moved: a collaborative text editor publishes its cursor with every keystroke.
    if (this.presence) this.send(this.presence.own(now(), true));
  }

  private send(message: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(message);
  }

  close(): void {
    this.closing = true;
    this.ws.terminate();
    this.doc?.destroy();
  }
}

export class ProviderClient implements Client {
  private readonly doc = new Y.Doc();
  private readonly provider: WebsocketProvider | HocuspocusProvider;
  private socket: HocuspocusProviderWebsocket | null = null;
  private isSynced = false;
  /** Closed by the generator: not a server's refusal. */
  private closing = false;

  constructor(
    readonly spec: ClientSpec,
    sink: Sink,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      // Only what the server sent; the first sync brings no markers (they are typed after it).
      if (origin === null) return;
      scanMarkers(update, 0, (editor, sentAt) => sink.sample(spec, editor, sentAt));
    });
    const onSynced = () => {
      if (this.isSynced) return;
      this.isSynced = true;
      sink.synced(spec, now(), Y.encodeStateAsUpdate(this.doc).length);
    };
    if (spec.protocol === 'hocuspocus') {
      // The socket is made here because only its configuration takes the Node WebSocket class.
      const socket = new HocuspocusProviderWebsocket({ url: spec.serverUrl, WebSocketPolyfill: WebSocket });
      this.socket = socket;
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name: spec.docName,
        document: this.doc,
        token: spec.token ?? 'bench',
      });
      provider.attach();
      provider.on('open', () => sink.opened(spec, now()));
      provider.on('synced', onSynced);
      provider.on('close', ({ event }: { event: { code: number } }) => this.closing || sink.closed(spec, event.code));
      this.provider = provider;
    } else {
      const provider = new WebsocketProvider(spec.serverUrl, spec.docName, this.doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        params: spec.token ? { token: spec.token } : {},
        disableBc: true,
      });
      provider.on('status', ({ status }: { status: string }) => status === 'connected' && sink.opened(spec, now()));
      provider.on('sync', (synced: boolean) => synced && onSynced());
      provider.on('connection-close', (event) => this.closing || sink.closed(spec, event?.code ?? 0));
      this.provider = provider;
    }
  }

  createCard(): void {}
  edit(): void {}
  /** The provider's own Awareness renews itself. */
  renew(): void {}

  close(): void {
    this.closing = true;
    this.provider.destroy();
    this.socket?.destroy();
    this.doc.destroy();
  }
}
