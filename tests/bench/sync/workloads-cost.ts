/**
 * Cost (issue #18): server CPU time per 1,000 deliveries at a fixed edit rate. Latency and the
 * saturation ramp measure the scheduler as much as the server on a shared machine; the CPU time a
 * server spends on a fixed amount of work barely moves with the load, so this is the number that
 * compares servers (and a change against its own "before") when the machine is busy.
 */
import { now } from './clients.js';
import type { PeerDef } from './peers.js';
import { connectRoom, countOf, deliveredRatio, drained, room } from './room.js';
import type { Sizes } from './sizes.js';
import { cpuPer1k, cpuTimeMs, type Latency, SelfCpu, sleep, summarise, writeSyscalls } from './stats.js';
import { pause, withPeer } from './workloads.js';

export interface CostRound {
  editsPerSecond: number;
  deliveries: number;
  delivered: number;
  /** Server CPU from the window's start until every delivery was collected. */
  serverCpuMs: number;
  cpuMsPer1kDeliveries: number;
  /** The server's write syscalls (writev to sockets, the store's writes) per 1,000 deliveries. */
  writesPer1kDeliveries: number;
  generatorCpuPercent: number;
  latency: Latency;
}

export interface CostResult {
  rounds: CostRound[];
  /** The median round's CPU per 1,000 deliveries. */
  medianCpuMsPer1k: number;
  medianWritesPer1k: number;
  closed: number;
}

export function cost(def: PeerDef, sizes: Sizes): Promise<CostResult> {
  const c = sizes.cost;
  return withPeer(def, sizes, async (running, pool) => {
    // Edits alone, as in saturation: the cost of fan-out and durability, not of presence.
    const r = room(def, running, await running.boards(c.groups), c.editorsPerGroup, null);
    await connectRoom(pool, r, Math.min(2_000, r.editors.length * 5), 1_500 * sizes.pauseScale);
    const rounds: CostRound[] = [];
    let closed = 0;
    // Round 0 warms the server up (JIT, caches, the first compactions) and is not reported.
    for (let i = 0; i <= c.rounds; i++) {
      await pool.setRate(c.editsPerSecond / r.editors.length);
      const from = now() + 1_000 * sizes.pauseScale;
      const to = from + c.seconds * 1_000;
      await pool.setWindow(from, to);
      await sleep(from - now());
      const cpuBefore = await cpuTimeMs(running.pid);
      const writesBefore = writeSyscalls(running.pid);
      const self = new SelfCpu();
      await sleep(to - now());
      const generatorCpuPercent = self.percent();
      // No edits after the window: what the server does from here on is draining the window's.
      // Its CPU is read once every delivery arrived (or 30 s passed), so a server that fell
      // behind is charged for the work it did, not flattered by deliveries still in its queues.
      await pool.setRate(0);
      await pause(sizes, 500);
      const result = await drained(pool, r.receiversPerGroup, 30_000 * sizes.pauseScale);
      const serverCpuMs = (await cpuTimeMs(running.pid)) - cpuBefore;
      const writes = writeSyscalls(running.pid) - writesBefore;
      const deliveries = result.latencies.length;
      closed = countOf(result.report.closed);
      if (i === 0 && closed === 0) continue;
      rounds.push({
        editsPerSecond: result.edits / c.seconds,
        deliveries,
        delivered: deliveredRatio(result, r.receiversPerGroup),
        serverCpuMs,
        cpuMsPer1kDeliveries: cpuPer1k(serverCpuMs, deliveries),
        writesPer1kDeliveries: cpuPer1k(writes, deliveries),
        generatorCpuPercent,
        latency: summarise(result.latencies),
      });
      if (closed > 0) break;
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
    return {
      rounds,
      medianCpuMsPer1k: median(rounds.map((x) => x.cpuMsPer1kDeliveries)),
      medianWritesPer1k: median(rounds.map((x) => x.writesPer1kDeliveries)),
      closed,
    };
  });
}
