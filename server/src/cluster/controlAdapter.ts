import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { ServerOptions } from 'socket.io';
import type { Cluster } from './Cluster.js';

/** Ms a reconnecting socket waits for its recovery session from Redis before it starts afresh. */
export const RESTORE_SESSION_TIMEOUT_MS = 1_000;

type AdapterFactory = Extract<ServerOptions['adapter'], (...args: never[]) => unknown>;

/**
 * The socket.io Redis Streams adapter (it keeps connection-state-recovery sessions in Redis, so a
 * socket that drops from one node recovers its rooms on another), with one change: while Redis is
 * away, a reconnecting socket does not wait for its session — the adapter's client queues commands
 * until Redis returns — but connects at once without it. Nothing is lost by that: every
 * (re)connection is sent the full state anyway (controlSocket.ts).
 */
export function controlAdapter(cluster: Cluster): AdapterFactory {
  const factory = createAdapter(cluster.adapterClient);
  // socket.io calls it with `new`: a plain function returning an object serves as a constructor.
  return function wrappedAdapter(nsp: unknown) {
    const adapter = factory(nsp);
    const restore = adapter.restoreSession.bind(adapter);
    adapter.restoreSession = (pid, offset) => {
      if (!cluster.healthy) return Promise.reject(new Error('Redis is down'));
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('session restore timed out')), RESTORE_SESSION_TIMEOUT_MS);
      });
      return Promise.race([restore(pid, offset), timeout]).finally(() => clearTimeout(timer));
    };
    return adapter;
  } as AdapterFactory;
}
