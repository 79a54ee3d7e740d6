// Module hook for y-websocket-server.mjs: inside @y/websocket-server, `yjs` means `@y/y`.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

let target = null;

export function initialize({ serverMain }) {
  const fromServer = createRequire(serverMain);
  const protocols = fromServer.resolve('@y/protocols/sync');
  target = pathToFileURL(createRequire(protocols).resolve('@y/y')).href;
}

export function resolve(specifier, context, next) {
  if (specifier === 'yjs' && context.parentURL?.includes('@y+websocket-server') && target) {
    return next(target, context);
  }
  return next(specifier, context);
}
