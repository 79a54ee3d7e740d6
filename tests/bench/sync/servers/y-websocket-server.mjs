// The stock `@y/websocket-server` (its own bin, src/server.js, unmodified), with one fix to how it
// is installed: version 0.1.5 imports `yjs` (resolved to yjs 14.0.0-16) while its
// `@y/protocols` imports `@y/y` (14.0.0-rc.7), two builds whose internals differ, so the server
// fails every update with "store.getClock is not a function". This hook resolves the server's
// `yjs` to the same `@y/y` its protocol package uses, as a consistent install would.
import { createRequire, register } from 'node:module';
import './control.mjs';

const require = createRequire(import.meta.url);
const serverMain = require.resolve('@y/websocket-server/package.json').replace(/package\.json$/, 'src/server.js');
register('./y-websocket-server-hook.mjs', import.meta.url, { data: { serverMain } });
await import(serverMain);
