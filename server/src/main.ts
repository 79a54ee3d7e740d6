import { fileURLToPath } from 'node:url';
import { configFromEnv } from './config.js';
import { startServer } from './server.js';

const clientDist = fileURLToPath(new URL('../../client/dist', import.meta.url));
const config = configFromEnv(process.env, { clientDist });
const server = await startServer(config);
console.log(
  `Warsztat is running on ${server.url.replace(/:\d+$/, `:${server.port}`)} (store: ${config.databaseUrl.split(':')[0]})`,
);

// A promise nobody awaited must not take every workshop on this node down with it: log it loudly.
// A thrown exception still ends the process, since the state behind it can't be trusted.
process.on('unhandledRejection', (reason) => console.error('unhandled rejection', reason));

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: saving boards and closing connections…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed', error);
        process.exit(1);
      },
    );
  });
}
