/**
 * Per-socket write coalescing (issue #18). A profile of the saturation workload spent 63 % of the
 * server's time in `writev`: every message to every socket left in its own syscall. A socket that
 * is sent something is corked until the end of the event-loop turn's work (one shared
 * setImmediate for all of them), so everything it is sent meanwhile — answers, echoes, greetings —
 * leaves in one write. A broadcast (a doc's group commit, a presence flush) runs in the check phase
 * itself, where a new setImmediate would wait a whole loop iteration (every socket's input read
 * first): it releases the held writes as soon as it has sent, so coalescing never delays an edit.
 *
 * The slow-consumer check still sees corked bytes: they count in the socket's buffered amount.
 */
export interface Corkable {
  cork(): void;
  uncork(): void;
}

const corked = new Set<Corkable>();
let scheduled = false;

/** Sends everything held so far now (the end of a broadcast); the scheduled release finds it done. */
export function releaseHeldWrites(): void {
  if (corked.size > 0) flush();
}

function flush(): void {
  scheduled = false;
  // Copied first: uncorking writes, and a write's callback may send again (and cork anew).
  const sockets = [...corked];
  corked.clear();
  for (const socket of sockets) socket.uncork();
}

/** Holds `socket`'s writes until the current turn's work is done (idempotent within a turn). */
export function holdWrites(socket: Corkable): void {
  if (corked.has(socket)) return;
  socket.cork();
  corked.add(socket);
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
}
