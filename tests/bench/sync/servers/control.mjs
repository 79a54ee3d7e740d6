// Lets the benchmark ask a server process for a full garbage collection before it reads the
// process's RSS (idle-memory workload), so a pending collection does not decide the result.
// Every server wrapper imports this; the process runs with --expose-gc. Protocol on stdin/stdout:
// the line `gc` is answered with the line `gc done`.
import { createInterface } from 'node:readline';

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'gc') return;
  globalThis.gc?.();
  process.stdout.write('gc done\n');
});

// `--cpu-prof` (run.ts): V8 writes its profile only on a normal exit, and a server that has no
// SIGTERM handler of its own would die without one.
if (process.env.BENCH_CPU_PROF_DIR) process.once('SIGTERM', () => process.exit(0));

// BENCH_DIAG_DIR (diagnostics, not a table): the server's event-loop delay and its GC pauses,
// written every 10 s to <dir>/<pid>.txt, to tell stalls from steady per-message cost.
if (process.env.BENCH_DIAG_DIR) {
  const { monitorEventLoopDelay, PerformanceObserver } = await import('node:perf_hooks');
  const { appendFileSync } = await import('node:fs');
  const file = `${process.env.BENCH_DIAG_DIR}/${process.pid}.txt`;
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const gcs = { count: 0, total: 0, over2: 0, over5: 0, max: 0, byKind: {} };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcs.count++;
      gcs.total += entry.duration;
      if (entry.duration > 2) gcs.over2++;
      if (entry.duration > 5) gcs.over5++;
      gcs.max = Math.max(gcs.max, entry.duration);
      const kind = entry.detail?.kind ?? entry.kind;
      gcs.byKind[kind] = (gcs.byKind[kind] ?? 0) + entry.duration;
    }
  }).observe({ entryTypes: ['gc'] });
  setInterval(() => {
    const ms = (n) => (n / 1e6).toFixed(1);
    appendFileSync(
      file,
      `${new Date().toISOString()} loop p50 ${ms(loop.percentile(50))} p99 ${ms(loop.percentile(99))} max ${ms(loop.max)} · gc ${gcs.count} pauses, ${gcs.total.toFixed(0)} ms, >2ms ${gcs.over2}, >5ms ${gcs.over5}, max ${gcs.max.toFixed(1)} ${JSON.stringify(gcs.byKind)}\n`,
    );
    loop.reset();
    Object.assign(gcs, { count: 0, total: 0, over2: 0, over5: 0, max: 0, byKind: {} });
  }, 10_000).unref();
}
