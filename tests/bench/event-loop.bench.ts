// `pnpm bench:event-loop`: the longest the server's event loop is blocked by one heavy request of
// issue #14 — a 17 MB backup import, each report format of the imported (large) workshop, the first
// open of one of its boards, 520 edits on it with the compaction they cause, its first open after
// that compaction (from the snapshot parts; it waits ~30 s for the board to unload first), and a
// 1 MiB update at the struct limit. The server runs as its own process (from the sources, or
// `SERVER=dist` for `node server/dist/main.js` after `pnpm build`); its loop is read from
// /metrics (prom-client's `nodejs_eventloop_lag_max_seconds`, reset at each read), before and
// after each request. Prints one markdown table.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CreateWorkshopAnswer, JoinAnswer } from '@warsztat/shared';
import * as Y from 'yjs';
import { bigBackup } from '../helpers/bigBoards.js';
import { Cleanup } from '../helpers/cleanup.js';
import { encodeStep1, encodeUpdate, rawSync } from '../helpers/wire.js';

const IMPORT_BYTES = Number(process.env.IMPORT_BYTES ?? 17_000_000);
const cleanup = new Cleanup();
const dir = mkdtempSync(join(tmpdir(), 'warsztat-loop-'));
const root = fileURLToPath(new URL('../..', import.meta.url));
const port = 20_000 + Math.floor(Math.random() * 20_000);
const dist = process.env.SERVER === 'dist';
const child = spawn(
  process.execPath,
  [
    ...(process.env.SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    ...(dist ? ['server/dist/main.js'] : ['--import', 'tsx', 'server/src/main.ts']),
  ],
  {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`,
      CLIENT_DIST: '',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
/** The server's log so far (one JSON line each): the bench waits for compactions and unloads in it. */
let out = '';
await new Promise<void>((resolve, reject) => {
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes('Warsztat is running on')) resolve();
  });
  child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});
const server = { url: `http://localhost:${port}`, port };

/** The server's longest event-loop stall since the last read, in ms. */
async function loopMaxMs(): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('warsztat_nodejs_eventloop_lag_max_seconds '));
  return Number(line?.split(' ')[1] ?? Number.NaN) * 1_000;
}
/** The REST API as clients call it (tests/helpers/server.ts imports vitest, which a bench cannot). */
async function api<T = unknown>(method: string, path: string, options: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const response = await fetch(`${server.url}${path}`, { method, headers, ...(options.body ? { body } : {}) });
  const text = await response.text();
  // Only small answers are parsed: the bench must not spend its time reading a 17 MB report.
  return {
    status: response.status,
    body: (text.length < 100_000 && text.startsWith('{') ? JSON.parse(text) : text) as T,
  };
}

const rows: Array<[string, string, number, number]> = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Lines the server logged with `msg` about `doc`. */
const logged = (msg: string, doc: string) =>
  out.split('\n').filter((l) => l.includes(`"msg":"${msg}"`) && l.includes(`"doc":"${doc}"`)).length;

/** Waits until the server has logged `msg` about `doc` at least `count` times. */
async function untilLogged(msg: string, doc: string, count: number): Promise<void> {
  for (const deadline = Date.now() + 120_000; logged(msg, doc) < count; await sleep(50)) {
    if (Date.now() > deadline) throw new Error(`no "${msg}" for ${doc} within 120 s`);
  }
}

/** Opens `doc` on a raw socket and resolves once its first sync is answered (a step 2). */
async function openRaw(doc: string, token: string) {
  const socket = rawSync(cleanup, server.port, doc, token);
  await socket.opened;
  const synced = new Promise<string>((resolve) => {
    socket.ws.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) resolve('synced');
    });
    socket.ws.once('close', (code) => resolve(`closed ${code}`));
  });
  socket.ws.send(encodeStep1());
  return { socket, outcome: await synced };
}

/** Runs `work` and records the longest event-loop stall (ms) and the wall time it took. */
async function measure(what: string, outcome: (r: unknown) => string, work: () => Promise<unknown>): Promise<unknown> {
  await loopMaxMs();
  const started = performance.now();
  const result = await work();
  const wallMs = performance.now() - started;
  const stall = await loopMaxMs();
  rows.push([what, outcome(result), stall, wallMs]);
  process.stderr.write(`${what}: ${outcome(result)} max stall ${stall.toFixed(0)} ms\n`);
  return result;
}

try {
  const workshop = (await api<CreateWorkshopAnswer>('POST', '/api/workshops', { body: { title: 'Duży import' } })).body;
  const participants: JoinAnswer[] = [];
  for (const name of ['Anna', 'Bartek', 'Celina']) {
    participants.push(
      (await api<JoinAnswer>('POST', '/api/join', { body: { joinCode: workshop.joinCode, name } })).body,
    );
  }
  const token = workshop.facilitatorToken;
  await api('POST', `/api/workshops/${workshop.id}/commands`, { token, body: { type: 'assign', mode: 'auto' } });
  await api('POST', `/api/workshops/${workshop.id}/commands`, { token, body: { type: 'phase', to: 'breakout' } });
  const exported = await api<never>('GET', `/api/workshops/${workshop.id}/report?format=json`, { token });
  const body = JSON.stringify(bigBackup(exported.body, IMPORT_BYTES));
  const status = (r: unknown) => String((r as { status: number }).status);
  const imported = (await measure(`import of a ${(body.length / 1e6).toFixed(1)} MB backup`, status, () =>
    api<CreateWorkshopAnswer>('POST', '/api/workshops/import', { body }),
  )) as { status: number; body: CreateWorkshopAnswer };
  if (imported.status !== 201) throw new Error(`import answered ${imported.status}`);
  // Four at once from one address, as the hostile test sends them: two run, two get 429.
  await measure(
    'four such imports at once',
    (r) => (r as Array<{ status: number }>).map((a) => a.status).join(' '),
    () => Promise.all(Array.from({ length: 4 }, () => api('POST', '/api/workshops/import', { body }))),
  );
  const { id, facilitatorToken } = imported.body;
  for (const format of ['md', 'docx', 'pdf', 'json']) {
    await measure(`report ${format} of that workshop`, status, () =>
      api('GET', `/api/workshops/${id}/report?format=${format}`, { token: facilitatorToken }),
    );
  }
  // Opening one of its boards: the sync plane loads it into a live doc on the main thread.
  const imported2 = await api<{ groups: Array<{ docName: string }> }>('GET', `/api/workshops/${id}`, {
    token: facilitatorToken,
  });
  const bigDoc = imported2.body.groups[0]?.docName ?? '';
  const size = `${(IMPORT_BYTES / 4 / 1e6).toFixed(1)} MB of base64`;
  const opened = (await measure(
    `first open of one of its boards (${size})`,
    (r) => (r as { outcome: string }).outcome,
    () => openRaw(bigDoc, facilitatorToken),
  )) as { socket: ReturnType<typeof rawSync> };
  // A busy large board: 520 one-struct edits from one client, paced under the message rate
  // (100/s) and far enough apart to be a group commit (a log row) each; the 500th row makes the
  // server compact the board, on its decode pool.
  const writer = new Y.Doc();
  const edits: Uint8Array[] = [];
  writer.on('update', (u: Uint8Array) => edits.push(u));
  for (let i = 0; i < 520; i++) writer.getText('bench-notes').insert(0, 'x');
  await measure('520 edits on that board, and its compaction', String, async () => {
    for (const edit of edits) {
      opened.socket.ws.send(encodeUpdate(edit));
      await sleep(11);
    }
    await untilLogged('board compacted', bigDoc, 1);
    return 'compacted';
  });
  // Unloaded once nobody is on it (30 s grace; the unload compacts the last edits too), then
  // opened again: from the compacted snapshot, in its parts.
  opened.socket.ws.close();
  await untilLogged('board unloaded', bigDoc, 1);
  await untilLogged('board compacted', bigDoc, 2);
  await measure(
    `first open of that board after compaction`,
    (r) => (r as { outcome: string }).outcome,
    () => openRaw(bigDoc, facilitatorToken),
  );
  await measure('report draft of that workshop', status, () =>
    api('GET', `/api/workshops/${id}/report/draft`, { token: facilitatorToken }),
  );
  // A 1 MiB update just under the struct limit: 8,000 text items of ~110 bytes.
  const doc = new Y.Doc();
  doc.transact(() => {
    for (let i = 0; i < 8_000; i++) doc.getText(`t${i % 50}`).insert(0, `${i} ${'x'.repeat(110)}`);
  });
  const update = Y.encodeStateAsUpdate(doc);
  const state = await api<{ groups: Array<{ docName: string; memberIds: string[] }> }>(
    'GET',
    `/api/workshops/${workshop.id}`,
    { token },
  );
  const member = participants[0];
  const group = state.body.groups.find((g) => g.memberIds.includes(member?.participantId ?? ''));
  if (!member || !group) throw new Error('no group');
  const socket = rawSync(cleanup, server.port, group.docName, member.token);
  await socket.opened;
  const frame = encodeUpdate(update);
  await measure(`one ${(update.byteLength / 1_048_576).toFixed(2)} MiB update of 8,000 structs`, String, async () => {
    const answered = new Promise<string>((resolve) => {
      socket.ws.on('message', (data: Buffer) => {
        if (data[0] === 0 && data[1] === 1) resolve('applied');
      });
      socket.ws.once('close', (code) => resolve(`closed ${code}`));
    });
    socket.ws.send(frame);
    socket.ws.send(encodeStep1());
    return answered;
  });
} finally {
  await cleanup.run();
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
}

console.log(
  `Server event-loop stalls, one request at a time (${dist ? 'dist' : 'tsx'}, load ${loadavg()[0]?.toFixed(1)}, Node ${process.version})\n`,
);
console.log('| request | answer | longest stall (ms) | wall time (ms) |\n|---|---|---:|---:|');
for (const [what, outcome, stall, wall] of rows) {
  console.log(`| ${what} | ${outcome} | ${stall.toFixed(0)} | ${wall.toFixed(0)} |`);
}
