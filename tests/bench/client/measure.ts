import type { Browser } from 'playwright-core';

/**
 * One cold load of one screen in a fresh browser context (empty cache, no service worker), with
 * the network and CPU emulated through CDP. Reports:
 * - usable: navigation start → the first animation frame in which the screen's readiness marker
 *   holds (checked by a requestAnimationFrame loop injected before any page script);
 * - bytes until usable: the page's own resource timing (transferSize of the document and of every
 *   resource finished by then) plus the WebSocket frames received by then (a board's state);
 * - bytes in all: every `Network.loadingFinished.encodedDataLength` plus WebSocket frames, once
 *   the network has been quiet for a second and a half (lazy chunks, join info, …);
 * - long tasks over 50 ms before the screen was usable (PerformanceObserver 'longtask').
 */
export interface Profile {
  name: string;
  /** Round trip in ms, throughput in bytes/s; null: no emulation. */
  network: { latencyMs: number; downBytes: number; upBytes: number } | null;
  cpuRate: number;
}

export const FAST_3G_4X: Profile = {
  name: 'Fast 3G + 4× CPU',
  // The profile: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up.
  network: { latencyMs: 150, downBytes: 1_600_000 / 8, upBytes: 750_000 / 8 },
  cpuRate: 4,
};
export const UNTHROTTLED: Profile = { name: 'unthrottled', network: null, cpuRate: 1 };

export type Screen = 'join' | 'board' | 'console' | 'projector';

export interface Load {
  usableMs: number;
  bytesUsable: number;
  bytesTotal: number;
  longTasks: number;
  longTaskMs: number;
}

/** Runs in the page before its own scripts (init scripts are exempt from the page's CSP). */
function probe({ screen, arg }: { screen: string; arg: number }) {
  const w = window as unknown as Record<string, unknown>;
  const ready: Record<string, () => boolean> = {
    // The app's markers…
    'app:join': () => {
      const e = document.getElementById('join-name') as HTMLInputElement | null;
      return !!e && !e.disabled;
    },
    'app:board': () => {
      const counts = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="section-count"]')).map((e) =>
        Number(e.dataset.count),
      );
      // Cards read as text until tapped (issue #20): a card's words are a span, or a textarea when open.
      const first = document.querySelector<HTMLElement>('[data-testid="card-text"]');
      const text = first instanceof HTMLTextAreaElement ? first.value : (first?.textContent ?? '');
      return counts.reduce((a, b) => a + b, 0) === arg && text !== '';
    },
    // During breakout the console opens on its Run view (issue #16): one live tile per group.
    'app:console': () => document.querySelectorAll('[data-testid="group-tile"]').length === arg,
    'app:projector': () =>
      document.querySelectorAll('[data-testid="projector-group"] dd').length > 0 &&
      document.querySelectorAll('[data-testid="projector-group"]').length === arg,
    // …and the floors' (plain HTML, the same content).
    'floor:join': () => {
      const e = document.getElementById('join-name') as HTMLInputElement | null;
      return !!e && !e.disabled;
    },
    'floor:board': () => document.querySelectorAll('.card-text').length === arg,
    'floor:console': () => document.querySelectorAll('.group-column').length === arg,
    'floor:projector': () => document.querySelectorAll('.projector-group').length === arg,
  };
  const check = ready[screen];
  w.__usable = null;
  const longTasks: { start: number; duration: number }[] = [];
  w.__longTasks = longTasks;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long task timing: reported as zero.
  }
  const loop = () => {
    if (w.__usable === null && check?.()) {
      w.__usable = performance.now();
      return;
    }
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
}

export async function measureLoad(
  browser: Browser,
  url: string,
  kind: 'app' | 'floor',
  screen: Screen,
  arg: number,
  profile: Profile,
  viewport: { width: number; height: number },
): Promise<Load> {
  const context = await browser.newContext({ viewport, locale: 'pl-PL', serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (profile.network) {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: profile.network.latencyMs,
        downloadThroughput: profile.network.downBytes,
        uploadThroughput: profile.network.upBytes,
      });
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuRate });
    let httpBytes = 0;
    let wsBytes = 0;
    let lastActivity = Date.now();
    cdp.on('Network.loadingFinished', (e) => {
      httpBytes += e.encodedDataLength;
      lastActivity = Date.now();
    });
    cdp.on('Network.webSocketFrameReceived', (e) => {
      const { opcode, payloadData } = e.response;
      // Binary frames arrive base64-encoded; +2 for the smallest frame header.
      wsBytes += (opcode === 2 ? Math.floor((payloadData.length * 3) / 4) : Buffer.byteLength(payloadData)) + 2;
      lastActivity = Date.now();
    });
    // As source text with a stand-in for the `__name` helper tsx's esbuild adds to named functions.
    const args = JSON.stringify({ screen: `${kind}:${screen}`, arg });
    await page.addInitScript({ content: `var __name = (f) => f;\n(${probe.toString()})(${args});` });
    await page.goto(url, { waitUntil: 'commit' });
    const until = Date.now() + 60_000;
    let usable: number | null = null;
    while (typeof usable !== 'number') {
      if (Date.now() > until) throw new Error(`${kind} ${screen} (${profile.name}): not usable within 60 s`);
      await new Promise((r) => setTimeout(r, 50));
      usable = await page.evaluate(() => (window as unknown as { __usable?: number | null }).__usable ?? null);
    }
    const wsUsable = wsBytes;
    const timing = await page.evaluate((at) => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const bytes =
        (nav?.transferSize ?? 0) +
        resources.filter((r) => r.responseEnd <= at).reduce((sum, r) => sum + r.transferSize, 0);
      const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter(
        (t) => t.start < at,
      );
      return { bytes, longTasks: tasks.length, longTaskMs: tasks.reduce((s, t) => s + t.duration, 0) };
    }, usable);
    // Settle: whatever the screen still fetches after it is usable counts in the total.
    const settleUntil = Date.now() + 15_000;
    while (Date.now() - lastActivity < 1_500 && Date.now() < settleUntil) await new Promise((r) => setTimeout(r, 100));
    return {
      usableMs: usable,
      bytesUsable: timing.bytes + wsUsable,
      bytesTotal: httpBytes + wsBytes,
      longTasks: timing.longTasks,
      longTaskMs: timing.longTaskMs,
    };
  } finally {
    await context.close();
  }
}
