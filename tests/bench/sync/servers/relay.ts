// The floor: a bare `ws` relay that forwards every binary message to the other sockets of the same
// room (the URL path). No Yjs, no state, no checks — nothing can fan out faster on this machine.
// It forwards sync messages only (type 0): relaying awareness to clients that echo it (y-websocket's
// provider does) is quadratic in the room size and would make this no floor at all. So the floor
// is the cost of edits alone, and "≤ 1.3 × floor" is what presence may add on top (issue #18).
import './control.mjs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

const rooms = new Map<string, Set<WebSocket>>();
const http = createServer((_req, res) => res.end('relay'));
const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
wss.on('connection', (ws, req) => {
  const name = req.url ?? '/';
  let room = rooms.get(name);
  if (!room) {
    room = new Set();
    rooms.set(name, room);
  }
  const members = room;
  members.add(ws);
  ws.on('error', () => ws.terminate());
  ws.on('message', (data, isBinary) => {
    if (!isBinary || (data as Buffer)[0] !== 0) return;
    for (const other of members) if (other !== ws && other.readyState === other.OPEN) other.send(data);
  });
  ws.on('close', () => {
    members.delete(ws);
    if (members.size === 0) rooms.delete(name);
  });
});
http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`listening on ${(http.address() as AddressInfo).port}`);
});
