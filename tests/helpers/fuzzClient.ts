import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';

/** A seeded generator (mulberry32), so a failing fuzz run replays exactly from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The seed of a randomised test: FUZZ_SEED when set (a replay), otherwise a new one per run. CI
 * runs a new seed every time, so a failure must say which one it was, in the report itself.
 */
export function fuzzSeed(): number {
  return Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
}

/**
 * Runs a seeded test body and, if it fails in any way (an assertion, a timeout, a thrown error),
 * appends the seed and the exact command that replays it to the failure's message, so both land
 * in the vitest report. The seed is also logged when the run starts.
 */
export async function replayable(name: string, seed: number, replay: string, body: () => Promise<void>): Promise<void> {
  console.log(`${name}: seed ${seed} (replay: ${replay})`);
  try {
    await body();
  } catch (error) {
    const hint = `\n\n${name} failed with seed ${seed}; replay it with:\n  ${replay}`;
    if (error instanceof Error) {
      error.message += hint;
      throw error;
    }
    throw new Error(`${String(error)}${hint}`);
  }
}

function syncFrame(subType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, subType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/**
 * A y-websocket client whose delivery the fuzz test controls: local updates wait in an outbox and
 * go out merged into a few messages in shuffled order (reordered delivery); it can drop its
 * socket at any time. It records every update the server sent it, to check none is ever lost.
 */
export class FuzzClient {
  readonly doc = new Y.Doc();
  /** Every update or sync step 2 payload received from the server. */
  readonly received: Uint8Array[] = [];
  private outbox: Uint8Array[] = [];
  private ws: WebSocket | null = null;
  private open = false;
  private syncedOnce = false;

  constructor(
    private readonly url: () => string,
    private readonly random: () => number,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.outbox.push(update);
    });
  }

  get connected(): boolean {
    return this.open;
  }

  /** True once the server's first step 2 arrived on the current socket. */
  get synced(): boolean {
    return this.open && this.syncedOnce;
  }

  connect(): void {
    if (this.ws) return;
    const ws = new WebSocket(this.url());
    this.ws = ws;
    this.syncedOnce = false;
    ws.binaryType = 'nodebuffer';
    ws.on('open', () => {
      this.open = true;
      // The reconnect handshake carries everything the outbox held, so the outbox starts afresh.
      this.outbox = [];
      ws.send(syncFrame(0, Y.encodeStateVector(this.doc)));
    });
    ws.on('message', (data: Buffer) => this.receive(new Uint8Array(data)));
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (this.ws === ws) {
        this.ws = null;
        this.open = false;
      }
    });
  }

  disconnect(): void {
    this.ws?.terminate();
    this.ws = null;
    this.open = false;
  }

  private receive(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== 0) return; // awareness, saved: not this test's business
    const subType = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (subType === 0) {
      this.ws?.send(syncFrame(1, Y.encodeStateAsUpdate(this.doc, payload)));
      return;
    }
    this.received.push(payload);
    Y.applyUpdate(this.doc, payload, this);
    if (subType === 1) this.syncedOnce = true;
  }

  /** Sends the outbox merged into 1–3 messages, in random order. */
  flush(): void {
    if (!this.open || !this.ws || this.outbox.length === 0) return;
    const parts: Uint8Array[][] = [[], [], []];
    const count = 1 + Math.floor(this.random() * 3);
    for (const update of this.outbox) parts[Math.floor(this.random() * count)]?.push(update);
    this.outbox = [];
    const messages = parts.filter((p) => p.length > 0).map((p) => Y.mergeUpdates(p));
    for (let i = messages.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [messages[i], messages[j]] = [messages[j] as Uint8Array, messages[i] as Uint8Array];
    }
    for (const m of messages) this.ws.send(syncFrame(2, m));
  }
}

/** True when applying `update` to a copy of `doc` changes nothing: the doc already contains it. */
export function contains(doc: Y.Doc, update: Uint8Array): boolean {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.snapshot(copy);
  Y.applyUpdate(copy, update);
  const same = Y.equalSnapshots(before, Y.snapshot(copy));
  copy.destroy();
  return same;
}
