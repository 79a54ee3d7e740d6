import { fileURLToPath } from 'node:url';
import { configFromEnv } from './config.js';
import { rootLog } from './log.js';
import { startServer } from './server.js';

const clientDist = fileURLToPath(new URL('../../client/dist', import.meta.url));
const config = configFromEnv(process.env, { clientDist });
const server = await startServer(config);
// The URL is in the message too: it is the line a person starting the server looks for.
const url = server.url.replace(/:\d+$/, `:${server.port}`);
rootLog.info({ port: server.port, store: config.databaseUrl.split(':')[0] }, `Warsztat is running on ${url}`);

// A promise nobody awaited must not take every workshop on this node down with it: log it loudly.
// A thrown exception still ends the process, since the state behind it can't be trusted.
process.on('unhandledRejection', (reason) => rootLog.error({ err: reason }, 'unhandled rejection'));

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    rootLog.info({ signal }, 'saving boards and closing connections');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        rootLog.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
