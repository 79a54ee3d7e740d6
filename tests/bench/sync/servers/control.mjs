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
