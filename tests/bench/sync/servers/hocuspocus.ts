// Hocuspocus as its own process: in memory (no extension), or with its SQLite extension on a file
// (HOCUSPOCUS_SQLITE=<path>). Everything else is the library's default.
import './control.mjs';
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

const database = process.env.HOCUSPOCUS_SQLITE;
const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: '127.0.0.1',
  quiet: true,
  extensions: database ? [new SQLite({ database })] : [],
});
await server.listen();
console.log(`listening on ${server.address.port}`);
