import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addCard, DI_SECTIONS, listCards, type WorkshopState } from '@warsztat/shared';
import express from 'express';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { serveClient } from '../../../server/src/http/staticClient.js';
import { type RunningServer, startServer } from '../../../server/src/index.js';
import { launchChromium } from '../../e2e/browser.js';
import { writeFloors } from './floor.js';
import { FAST_3G_4X, type Load, measureLoad, type Profile, type Screen, UNTHROTTLED } from './measure.js';

/**
 * `pnpm bench:client`: join, board (a 200-card board), console and projector, each loaded cold in
 * Debian's Chromium under each profile, against its floor — the same content as static HTML served
 * by the server's own static stack (serveClient, precompressed) from a second port of the same
 * process. The app is the built client served by the real server (startServer with clientDist).
 */
export interface BenchOptions {
  cards: number;
  runs: number;
  profiles: Profile[];
  screens: Screen[];
}

export interface Row {
  screen: Screen;
  profile: string;
  app: Load;
  floor: Load;
}

const root = fileURLToPath(new URL('../../..', import.meta.url));
const clientDist = join(root, 'client', 'dist');
const PEOPLE = [
  'Anna K.',
  'Piotr W.',
  'Ewa M.',
  'Jan N.',
  'Ola S.',
  'Marek Z.',
  'Iga P.',
  'Tomasz R.',
  'Zofia L.',
  'Adam B.',
];
const cardText = (i: number) => `Karta ${i + 1}: usługi opiekuńcze w miejscu zamieszkania, także w weekendy`;

async function json<T>(url: string, method: string, body?: unknown, token?: string): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A workshop in breakout with ten people in five groups and `cards` cards on Anna's board. */
async function seed(server: RunningServer, cards: number) {
  const url = server.url;
  const w = await json<{ id: string; joinCode: string; facilitatorToken: string; projectorToken: string }>(
    `${url}/api/workshops`,
    'POST',
    { title: 'Plan deinstytucjonalizacji — benchmark' },
  );
  const people: { participantId: string; links: { board: string } }[] = [];
  for (const name of PEOPLE) people.push(await json(`${url}/api/join`, 'POST', { joinCode: w.joinCode, name }));
  const command = (body: unknown) =>
    json<WorkshopState>(`${url}/api/workshops/${w.id}/commands`, 'POST', body, w.facilitatorToken);
  await command({ type: 'assign', mode: 'auto' });
  const state = await command({ type: 'phase', to: 'breakout' });
  const anna = people[0];
  const group = state.groups.find((g) => anna && g.memberIds.includes(anna.participantId));
  if (!anna || !group) throw new Error('Anna is in no group');
  // Written the way any client writes: a stock y-websocket provider, in batches under the 1 MiB cap.
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}/sync`, group.docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token: w.facilitatorToken },
    disableBc: true,
  });
  const sections = DI_SECTIONS.map((s) => s.id);
  for (let i = 0; i < cards; i++)
    addCard(doc, { sectionId: sections[i % sections.length] ?? 'needs', text: cardText(i) });
  const check = new Y.Doc();
  const checker = new WebsocketProvider(`ws://127.0.0.1:${server.port}/sync`, group.docName, check, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token: w.facilitatorToken },
    disableBc: true,
  });
  const until = Date.now() + 30_000;
  while (listCards(check).length < cards) {
    if (Date.now() > until) throw new Error('seeded cards did not reach the server');
    await new Promise((r) => setTimeout(r, 50));
  }
  // Each doc's Awareness keeps a 3 s interval until the doc itself is destroyed (destroying the
  // provider does not), which kept `pnpm bench:client` running after it printed its table.
  provider.destroy();
  checker.destroy();
  doc.destroy();
  check.destroy();
  const final = await json<WorkshopState>(`${url}/api/workshops/${w.id}`, 'GET', undefined, w.facilitatorToken);
  return { w, anna, state: final, cards: listCards(check) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
function medianLoad(loads: Load[]): Load {
  return {
    usableMs: median(loads.map((l) => l.usableMs)),
    bytesUsable: median(loads.map((l) => l.bytesUsable)),
    bytesTotal: median(loads.map((l) => l.bytesTotal)),
    longTasks: median(loads.map((l) => l.longTasks)),
    longTaskMs: median(loads.map((l) => l.longTaskMs)),
  };
}

export async function runClientBench(options: BenchOptions): Promise<Row[]> {
  if (!existsSync(join(clientDist, 'index.html'))) throw new Error('client/dist is missing: run `pnpm build` first');
  const dir = mkdtempSync(join(tmpdir(), 'warsztat-client-bench-'));
  const server = await startServer({ port: 0, databaseUrl: `sqlite:${join(dir, 'db.sqlite')}`, clientDist });
  let floorServer: Server | null = null;
  const browser = await launchChromium();
  try {
    const { w, anna, state, cards } = await seed(server, options.cards);
    const sectionLabel = (id: string) => DI_SECTIONS.find((s) => s.id === id)?.label.pl ?? id;
    const floorDir = join(dir, 'floor');
    writeFloors(floorDir, {
      joinCode: w.joinCode,
      cards: cards.map((c) => ({ section: c.sectionId, text: c.text })),
      sections: DI_SECTIONS.map((s) => ({ id: s.id, label: sectionLabel(s.id) })),
      groups: state.groups.map((g) => ({
        name: g.name,
        members: g.memberIds.map((id) => state.participants.find((p) => p.id === id)?.name ?? id),
        counts: Object.fromEntries(DI_SECTIONS.map((s) => [sectionLabel(s.id), 0])),
      })),
    });
    const floorApp = express();
    serveClient(floorApp, floorDir);
    floorServer = await new Promise<Server>((resolve) => {
      const s = floorApp.listen(0, '127.0.0.1', () => resolve(s));
    });
    const floorPort = (floorServer.address() as { port: number }).port;
    const app = (path: string) => `http://127.0.0.1:${server.port}${path}`;
    const floor = (name: string) => `http://127.0.0.1:${floorPort}/${name}.html`;
    const groups = state.groups.length;
    const PHONE = { width: 360, height: 740 };
    const screens: Record<
      Screen,
      { app: string; floor: string; arg: number; viewport: { width: number; height: number } }
    > = {
      join: { app: app(`/j/${w.joinCode}`), floor: floor('join'), arg: 0, viewport: PHONE },
      board: {
        app: app(new URL(anna.links.board, server.url).pathname),
        floor: floor('board'),
        arg: options.cards,
        viewport: PHONE,
      },
      console: {
        app: app(`/f/${w.facilitatorToken}`),
        floor: floor('console'),
        arg: groups,
        viewport: { width: 1400, height: 1000 },
      },
      projector: {
        app: app(`/p/${w.projectorToken}`),
        floor: floor('projector'),
        arg: groups,
        viewport: { width: 1920, height: 1080 },
      },
    };
    const rows: Row[] = [];
    for (const profile of options.profiles) {
      for (const screen of options.screens) {
        const s = screens[screen];
        const apps: Load[] = [];
        const floors: Load[] = [];
        // Alternating, so a burst of load on the machine hits both sides alike.
        for (let i = 0; i < options.runs; i++) {
          apps.push(await measureLoad(browser, s.app, 'app', screen, s.arg, profile, s.viewport));
          floors.push(await measureLoad(browser, s.floor, 'floor', screen, s.arg, profile, s.viewport));
        }
        rows.push({ screen, profile: profile.name, app: medianLoad(apps), floor: medianLoad(floors) });
      }
    }
    return rows;
  } finally {
    await browser.close();
    await new Promise((r) => (floorServer ? floorServer.close(r) : r(null)));
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const PROFILES = { FAST_3G_4X, UNTHROTTLED };
