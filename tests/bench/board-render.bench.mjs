// Board rendering at scale, in Chromium (run with `pnpm bench:board`, which builds the client first).
//
// Measures, side by side in one run:
//   - first render: navigation start → the first frame in which a 5,000-card board shows its cards
//     (section counts add up to 5,000 and the first card's text is on screen);
//   - remote update → paint: another client changes one visible card's text; time from just before
//     it sends the change to the first frame that shows it in the page.
// The floor is a static page with the same 5,000 card texts in plain HTML, updated over a bare
// WebSocket relay: no Yjs, no React, no virtualisation — what the browser needs at the least.
// Both sides are measured the same way (a requestAnimationFrame loop started by an init script,
// wall-clock epoch ms on one machine), so the comparison is fair even though the absolute numbers
// include up to one frame of polling granularity.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { addCard, DI_SECTIONS, listCards, setCardText } from '@warsztat/shared';
import { WebSocket, WebSocketServer } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startServer } from '../../server/src/index.ts';
import { launchChromium } from '../e2e/browser.ts';

const CARDS = 5_000;
const LOADS = 5;
const UPDATES = 30;
const SEED_BATCH = 250; // stays under the server's 1 MiB message cap
const root = fileURLToPath(new URL('../..', import.meta.url));
const now = () => performance.timeOrigin + performance.now();

const cardText = (i) => `Karta ${i + 1}: usługi opiekuńcze w miejscu zamieszkania, także w weekendy i święta`;

async function json(url, method, body, token) {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function waitFor(predicate, what, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > until) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runs in the page before anything else: marks the first frame where `ready()` holds. */
function frameProbe() {
  const w = window;
  w.__firstRender = null;
  w.__marks = {};
  w.__watch = null;
  const loop = () => {
    requestAnimationFrame(loop);
    if (w.__firstRender === null && w.__ready?.()) w.__firstRender = performance.timeOrigin + performance.now();
    const watch = w.__watch;
    if (watch && w.__marks[watch.marker] === undefined && watch.seen()) {
      w.__marks[watch.marker] = performance.timeOrigin + performance.now();
    }
  };
  requestAnimationFrame(loop);
}

// Predicates are sent to the page as source text: `total` is bound there, not closed over.
const boardReady = (total) => `() => {
  const total = ${total};
  const counts = [...document.querySelectorAll('[data-testid="section-count"]')].map((e) => Number(e.dataset.count));
  const sum = counts.reduce((a, b) => a + b, 0);
  const first = document.querySelector('[data-testid="card-text"]');
  return sum === total && first !== null && first.value !== '';
}`;

const staticReady = (total) => `() => document.querySelectorAll('.card-text').length === ${total}`;

function staticPage(texts) {
  const sections = DI_SECTIONS.map((s, si) => {
    const items = texts
      .map((t, i) => [t, i])
      .filter(([, i]) => i % DI_SECTIONS.length === si)
      .map(([t, i]) => `<li class="card"><div class="card-text" id="c${i}">${t}</div></li>`)
      .join('');
    return `<section><h2>${s.label.pl}</h2><ul>${items}</ul></section>`;
  }).join('');
  return `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>floor</title>
<style>body{font:16px system-ui;margin:0}main{display:grid;grid-template-columns:repeat(4,1fr);gap:12px;padding:12px}
ul{list-style:none;margin:0;padding:0;display:grid;gap:8px}.card{background:#fff6c7;border-radius:8px;padding:8px;min-height:90px}</style>
</head><body><main>${sections}</main><script>
const ws = new WebSocket('ws://' + location.host + '/relay');
ws.onmessage = (e) => { const { id, text } = JSON.parse(e.data); document.getElementById(id).textContent = text; };
window.__relayOpen = new Promise((r) => { ws.onopen = r; });
</script></body></html>`;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function pct(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'warsztat-bench-'));
  const server = await startServer({
    port: 0,
    databaseUrl: `sqlite:${join(dir, 'bench.db')}`,
    clientDist: join(root, 'client', 'dist'),
  });
  const browser = await launchChromium();
  try {
    // A workshop with one participant in breakout, and a 5,000-card board seeded over the wire.
    const created = await json(`${server.url}/api/workshops`, 'POST', { title: 'Bench', template: 'di-5' });
    const joined = await json(`${server.url}/api/join`, 'POST', { joinCode: created.joinCode, name: 'Bench' });
    const cmd = (body) =>
      json(`${server.url}/api/workshops/${created.id}/commands`, 'POST', body, created.facilitatorToken);
    await cmd({ type: 'assign', mode: 'auto' });
    const state = await cmd({ type: 'phase', to: 'breakout', minutes: 60 });
    const group = state.groups.find((g) => g.memberIds.includes(joined.participantId));
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`ws://localhost:${server.port}/sync`, group.docName, doc, {
      WebSocketPolyfill: WebSocket,
      params: { token: created.facilitatorToken },
      disableBc: true,
    });
    await waitFor(() => provider.synced, 'seeding provider synced');
    const t0 = now();
    const texts = Array.from({ length: CARDS }, (_, i) => cardText(i));
    for (let start = 0; start < CARDS; start += SEED_BATCH) {
      doc.transact(() => {
        for (let i = start; i < Math.min(CARDS, start + SEED_BATCH); i++)
          addCard(doc, { sectionId: DI_SECTIONS[i % DI_SECTIONS.length].id, text: texts[i] });
      });
    }
    const check = new Y.Doc();
    const checker = new WebsocketProvider(`ws://localhost:${server.port}/sync`, group.docName, check, {
      WebSocketPolyfill: WebSocket,
      params: { token: created.facilitatorToken },
      disableBc: true,
    });
    await waitFor(() => checker.synced && listCards(check).length === CARDS, 'server holds 5,000 cards');
    checker.destroy();
    console.log(`seeded ${CARDS} cards in ${Math.round(now() - t0)} ms`);

    // The floor: the same texts as a static page plus a bare WebSocket relay.
    const html = staticPage(texts);
    const floor = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
    const relay = new WebSocketServer({ server: floor, path: '/relay' });
    await new Promise((r) => floor.listen(0, '127.0.0.1', r));
    const floorUrl = `http://127.0.0.1:${floor.address().port}/`;

    const boardUrl = new URL(joined.links.board, server.url).href;
    const results = { board: { load: [], update: [], dom: 0 }, floor: { load: [], update: [], dom: 0 } };

    async function openPage(url, ready) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'pl-PL' });
      const page = await context.newPage();
      await page.addInitScript(frameProbe);
      await page.addInitScript(`window.__ready = (${ready})`);
      const started = now();
      await page.goto(url, { waitUntil: 'commit' });
      const navStart = await page.evaluate(() => performance.timeOrigin);
      await page.waitForFunction(() => window.__firstRender !== null, null, { timeout: 120_000, polling: 50 });
      const painted = await page.evaluate(() => window.__firstRender);
      return { context, page, ms: painted - Math.min(navStart, started) };
    }

    for (let run = 0; run < LOADS; run++) {
      for (const [name, url, ready] of [
        ['board', boardUrl, boardReady(CARDS)],
        ['floor', floorUrl, staticReady(CARDS)],
      ]) {
        const { context, page, ms } = await openPage(url, ready);
        results[name].load.push(ms);
        if (run === LOADS - 1) {
          results[name].dom = await page.evaluate(() => document.getElementsByTagName('*').length);
          results[name].page = page;
          results[name].context = context;
        } else {
          await context.close();
        }
      }
    }

    // Remote updates on a card at the top of the first section (rendered on both sides).
    const needsFirst = listCards(doc).find((c) => c.sectionId === 'needs');
    const boardPage = results.board.page;
    const floorPage = results.floor.page;
    await floorPage.evaluate(() => window.__relayOpen);
    for (let i = 0; i < UPDATES; i++) {
      const marker = `zmiana ${i} ${Math.random().toString(36).slice(2, 8)}`;
      await boardPage.evaluate((m) => {
        window.__watch = {
          marker: m,
          seen: () => document.querySelector('[data-testid="card-text"]')?.value.includes(m) ?? false,
        };
      }, marker);
      const sentAt = now();
      setCardText(doc, needsFirst.id, `${needsFirst.text} — ${marker}`);
      await boardPage.waitForFunction((m) => window.__marks[m] !== undefined, marker, { polling: 5 });
      results.board.update.push((await boardPage.evaluate((m) => window.__marks[m], marker)) - sentAt);

      await floorPage.evaluate((m) => {
        window.__watch = { marker: m, seen: () => document.getElementById('c0').textContent.includes(m) };
      }, marker);
      const floorSentAt = now();
      const message = JSON.stringify({ id: 'c0', text: `${texts[0]} — ${marker}` });
      for (const client of relay.clients) client.send(message);
      await floorPage.waitForFunction((m) => window.__marks[m] !== undefined, marker, { polling: 5 });
      results.floor.update.push((await floorPage.evaluate((m) => window.__marks[m], marker)) - floorSentAt);
    }

    const f = (x) => `${Math.round(x)}`;
    const rows = [
      ['measure', 'board (5,000 cards)', 'floor: static page'],
      [
        `first render, median of ${LOADS} (min–max), ms`,
        `${f(median(results.board.load))} (${f(Math.min(...results.board.load))}–${f(Math.max(...results.board.load))})`,
        `${f(median(results.floor.load))} (${f(Math.min(...results.floor.load))}–${f(Math.max(...results.floor.load))})`,
      ],
      [
        `remote update → paint, p50 / p95 of ${UPDATES}, ms`,
        `${f(pct(results.board.update, 50))} / ${f(pct(results.board.update, 95))}`,
        `${f(pct(results.floor.update, 50))} / ${f(pct(results.floor.update, 95))}`,
      ],
      ['DOM elements after load', String(results.board.dom), String(results.floor.dom)],
    ];
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    const line = (r) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
    console.log(
      `\nChromium ${browser.version()}, ${CARDS} cards in ${DI_SECTIONS.length} sections, viewport 1280×800\n`,
    );
    console.log(line(rows[0]));
    console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    for (const r of rows.slice(1)) console.log(line(r));

    await results.board.context.close();
    await results.floor.context.close();
    relay.close();
    floor.close();
    provider.destroy();
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
