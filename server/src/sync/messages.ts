import { SYNC_MESSAGE_READ_ONLY, SYNC_MESSAGE_SAVED } from '@warsztat/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

/**
 * The y-websocket wire format: varUint message type, then the body.
 *   0 sync      — varUint sub-type (0 step1 state vector, 1 step2 update, 2 update), varUint8Array payload
 *   1 awareness — varUint8Array awareness update
 *   2 auth      — (server → client only; not used here)
 *   3 query awareness — no body
 */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;
export const SyncType = { Step1: 0, Step2: 1, Update: 2 } as const;

export type IncomingMessage =
  | { type: 'step1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array; step2: boolean }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' };

/** Parses one message; throws on anything malformed (the caller closes with 4400). */
export function readMessage(data: Uint8Array): IncomingMessage {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.Sync: {
      const sub = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (sub === SyncType.Step1) return { type: 'step1', stateVector: payload };
      if (sub === SyncType.Step2 || sub === SyncType.Update)
        return { type: 'update', update: payload, step2: sub === SyncType.Step2 };
      throw new Error(`unknown sync message ${sub}`);
    }
    case MessageType.Awareness:
      return { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
    case MessageType.QueryAwareness:
      return { type: 'queryAwareness' };
    default:
      throw new Error(`unknown message type ${type}`);
  }
}

export function writeStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function writeStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

/** A step 2 carrying a given update (y-protocols' writeSyncStep2 encodes one from a doc). */
export function writeStep2Update(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, SyncType.Step2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function writeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function writeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

/** "Saved up to here": the state vector that is durable in the store (see SYNC_MESSAGE_SAVED). */
export function writeSaved(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SYNC_MESSAGE_SAVED);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/** "Your edits are not applied here" (see SYNC_MESSAGE_READ_ONLY): the type alone. */
export function writeReadOnly(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SYNC_MESSAGE_READ_ONLY);
  return encoding.toUint8Array(encoder);
}
