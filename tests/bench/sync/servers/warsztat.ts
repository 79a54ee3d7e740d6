// Warsztat's real server (startServer, as `pnpm start` runs it, without the client build) as its
// own process. DATABASE_URL picks durable SQLite (`sqlite:<file>`, the default mode) or the
// in-memory store (`sqlite::memory:`). The rate and socket caps are raised so that the benchmark,
// not the abuse guards, decides the numbers: the per-workshop and per-token socket caps (the idle
// test opens 1,000 sockets on one workshop with one token), the per-socket message rate and the
// per-token update budget (saturation pushes one editor past 100/s). Every other limit, check and
// guarantee is the production one.
import './control.mjs';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { startServer } from '../../../../server/src/server.js';

const server = await startServer({
  port: Number(process.env.PORT ?? 0),
  databaseUrl: process.env.DATABASE_URL ?? 'sqlite::memory:',
  clientDist: null,
  limits: {
    maxSyncConnectionsPerWorkshop: 100_000,
    syncMessagesPerSecond: 100_000,
    maxSyncSocketsPerParticipant: 100_000,
    maxSyncSocketsPerStaffToken: 100_000,
    syncUpdateBytesPerSecondPerToken: 1_073_741_824,
    docUnloadGraceMs: Number(process.env.DOC_UNLOAD_GRACE_MS ?? 30_000),
    // Unset: the production default. `--window-off` runs a column with 0 (a flush every turn, as
    // before issue #18's commit window), so before and after are measured in the same run.
    ...(process.env.SYNC_COMMIT_WINDOW_MS ? { syncCommitWindowMs: Number(process.env.SYNC_COMMIT_WINDOW_MS) } : {}),
  },
});
console.log(`listening on ${server.port}`);

// BENCH_PROFILE_FILE: SIGUSR2 starts V8's sampling profiler, the next SIGUSR2 writes the profile
// there — so the profile covers the measured window only, not start-up or warm-up.
const profileFile = process.env.BENCH_PROFILE_FILE;
if (profileFile) {
  const session = new Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, (error, result) => (error ? reject(error) : resolve(result))),
    );
  let running = false;
  process.on('SIGUSR2', () => {
    running = !running;
    if (running) {
      void post('Profiler.enable').then(() => post('Profiler.start'));
    } else {
      void post('Profiler.stop').then((result) => {
        writeFileSync(profileFile, JSON.stringify((result as { profile: unknown }).profile));
        console.log('profile written');
      });
    }
  });
}
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
