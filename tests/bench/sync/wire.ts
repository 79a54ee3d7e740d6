/**
 * The bytes the load generator's clients put on the wire, for both protocols, and the timestamp
 * marker they read back.
 *
 * y-websocket (stock server, Warsztat, the relay): varUint type (0 sync), sync sub-type (0 step 1,
 * 1 step 2, 2 update), varUint8Array payload. Hocuspocus prefixes every message with the document
 * name (varString) and wants an Auth message (type 2, sub-type 0 token) before anything else; it
 * pings connections with the single byte 9 and expects 10 back.
 *
 * An edit carries `@@<editor>:<epoch ms>#` as text typed into the editor's own card (a Y.Text of
 * the shared board schema). The string travels as UTF-8 inside the Yjs update, so a receiver can
 * read the timestamp straight from the update bytes — the same scan for every server, whether the
 * bytes come from a raw socket or from a real provider's `update` event.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export type Protocol = 'y-websocket' | 'hocuspocus';

const SYNC = 0;
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;
const AUTH = 2;
export const HOCUSPOCUS_PING = 9;
export const HOCUSPOCUS_PONG = 10;

function header(protocol: Protocol, docName: string): encoding.Encoder {
  const encoder = encoding.createEncoder();
  if (protocol === 'hocuspocus') encoding.writeVarString(encoder, docName);
  return encoder;
}

export function encodeSyncMessage(
  protocol: Protocol,
  docName: string,
  subType: number,
  payload: Uint8Array,
): Uint8Array {
  const encoder = header(protocol, docName);
  encoding.writeVarUint(encoder, SYNC);
  encoding.writeVarUint(encoder, subType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const encodeStep1 = (protocol: Protocol, docName: string, stateVector: Uint8Array) =>
  encodeSyncMessage(protocol, docName, STEP1, stateVector);

export const encodeUpdate = (protocol: Protocol, docName: string, update: Uint8Array) =>
  encodeSyncMessage(protocol, docName, UPDATE, update);

export function encodeAuth(docName: string, token: string): Uint8Array {
  const encoder = header('hocuspocus', docName);
  encoding.writeVarUint(encoder, AUTH);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, token);
  return encoding.toUint8Array(encoder);
}

export type SyncKind = 'step1' | 'step2' | 'update' | 'other';

/** What kind of sync message this is and where its payload starts; never throws. */
export function classify(protocol: Protocol, bytes: Uint8Array): { kind: SyncKind; payload: number } {
  try {
    const decoder = decoding.createDecoder(bytes);
    if (protocol === 'hocuspocus') decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== SYNC) return { kind: 'other', payload: 0 };
    const sub = decoding.readVarUint(decoder);
    const kind = sub === STEP1 ? 'step1' : sub === STEP2 ? 'step2' : sub === UPDATE ? 'update' : 'other';
    return { kind, payload: decoder.pos };
  } catch {
    return { kind: 'other', payload: 0 };
  }
}

const AT = 0x40;
const COLON = 0x3a;
const HASH = 0x23;

export function marker(editor: number, at: number): string {
  return `@@${editor}:${at.toFixed(3)}#`;
}

/**
 * Calls `found(editor, sentAt)` for every marker in `bytes` from `start`. Hand-rolled (no
 * TextDecoder, no regex) because receivers run it on every message they get.
 */
export function scanMarkers(bytes: Uint8Array, start: number, found: (editor: number, sentAt: number) => void): void {
  const end = bytes.length - 4;
  for (let i = start; i < end; i++) {
    if (bytes[i] !== AT || bytes[i + 1] !== AT) continue;
    let j = i + 2;
    let editor = 0;
    let digits = 0;
    for (; j < bytes.length; j++) {
      const c = bytes[j] ?? 0;
      if (c < 0x30 || c > 0x39) break;
      editor = editor * 10 + (c - 0x30);
      digits++;
    }
    if (digits === 0 || bytes[j] !== COLON) continue;
    let k = j + 1;
    while (k < bytes.length && bytes[k] !== HASH && k - j < 24) k++;
    if (bytes[k] !== HASH) continue;
    let text = '';
    for (let p = j + 1; p < k; p++) text += String.fromCharCode(bytes[p] ?? 0);
    const sentAt = Number(text);
    if (Number.isFinite(sentAt)) found(editor, sentAt);
    i = k;
  }
}
