// The floor: a bare `ws` relay with no document, no state and no checks. Sync updates (type 0,
// sub-type 2) that reach a room (the URL path) within one event-loop turn leave as ONE update per
// room, merged with Y.mergeUpdates (stateless: no Y.Doc) and framed once for every member; other
// sync messages are forwarded as they are. That is the least any server that coalesces must do,
// and every server compared here coalesces per turn or per window (Hocuspocus 4.7's default
// `flushDelay: 0` merges each document's updates per turn; Warsztat per group commit).
//
// Until 2026-12-03 the floor forwarded every message to every member as its own frame and write:
// at high rates it then paid one frame, one `writev` and — in the load generator, on the same two
// cores — one message event per delivery, where Hocuspocus paid one per turn, so Hocuspocus
// sustained 1.5× the "floor" (BENCHMARKS.md, "How it measures"). `RELAY_PER_MESSAGE=1` keeps that
// old behaviour for comparison.
//
// The merged update goes to its writers too (as Hocuspocus sends it): skipping them would cost one
// merge per writer. Receivers skip their own markers, and Yjs ignores structs a client already has.
//
// It forwards no awareness: relaying presence to clients that echo it (y-websocket's provider
// does) is quadratic in the room size and would make this no floor at all. So the floor is the
// cost of edits alone, and "≤ 1.3 × floor" is what presence may add on top (issue #18).
import './control.mjs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { type WebSocket, WebSocketServer } from 'ws';
import * as Y from 'yjs';

const perMessage = process.env.RELAY_PER_MESSAGE === '1';

interface Room {
  name: string;
  members: Set<WebSocket>;
  pending: Uint8Array[];
  scheduled: boolean;
}

const rooms = new Map<string, Room>();

function flush(room: Room): void {
  room.scheduled = false;
  if (room.members.size === 0) rooms.delete(room.name);
  const updates = room.pending;
  room.pending = [];
  if (updates.length === 0) return;
  const merged = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, merged);
  const message = encoding.toUint8Array(encoder);
  for (const member of room.members) if (member.readyState === member.OPEN) member.send(message);
}

const http = createServer((_req, res) => res.end('relay'));
const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
wss.on('connection', (ws, req) => {
  const name = req.url ?? '/';
  let found = rooms.get(name);
  if (!found) {
    found = { name, members: new Set(), pending: [], scheduled: false };
    rooms.set(name, found);
  }
  const room = found;
  room.members.add(ws);
  ws.on('error', () => ws.terminate());
  ws.on('message', (data, isBinary) => {
    const bytes = data as Buffer;
    if (!isBinary || bytes[0] !== 0) return;
    if (!perMessage && bytes[1] === 2) {
      const decoder = decoding.createDecoder(bytes);
      decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
      room.pending.push(decoding.readVarUint8Array(decoder));
      if (!room.scheduled) {
        room.scheduled = true;
        setImmediate(flush, room);
      }
      return;
    }
    for (const other of room.members) if (other !== ws && other.readyState === other.OPEN) other.send(bytes);
  });
  ws.on('close', () => {
    room.members.delete(ws);
    if (room.members.size === 0 && !room.scheduled) rooms.delete(name);
  });
});
http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`listening on ${(http.address() as AddressInfo).port}`);
});
