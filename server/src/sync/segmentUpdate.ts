import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * Splits a v1 update — typically a whole board, `Y.encodeStateAsUpdate` — into consecutive v1
 * updates of at most `maxStructs` structs each (issue #14, CPU fairness). Applying one big update
 * is one synchronous `Y.applyUpdate`: 0.2 s for a 3 MB board of short cards, 0.9 s at the 16 MiB
 * quota, with the event loop answering no one meanwhile. Applied one per event-loop turn, the
 * parts bound each turn's work instead.
 *
 * The parts are ordered so that each one only refers to content of the parts before it (or of the
 * doc it is applied to): Yjs would otherwise hold a part whose dependency comes later as "pending"
 * and integrate all of it at once when the dependency arrives, which is the very stall this
 * avoids. Structs are cut out of the input as bytes — in the v1 format each struct is
 * self-contained, naming its dependencies by id — so nothing is re-encoded; the order comes from
 * a topological walk over each struct's left origin, right origin and parent. The delete set
 * comes last, in parts of at most `maxStructs` ranges.
 *
 * Returns `[update]` unchanged when it cannot be split safely (it holds Skip structs, or a
 * dependency it cannot order), and when it is small enough already.
 */
export function segmentUpdate(update: Uint8Array, maxStructs: number): Uint8Array[] {
  if (!(maxStructs >= 1)) throw new RangeError(`maxStructs must be at least 1, got ${maxStructs}`);
  const parsed = parseUpdate(update);
  if (!parsed) return [update];
  const total = parsed.runs.reduce((n, run) => n + run.structs.length, 0);
  if (total <= maxStructs && parsed.deleteRanges <= maxStructs) return [update];
  const order = topologicalOrder(parsed.runs);
  if (!order) return [update];
  const parts = structParts(update, order, maxStructs);
  const deletes = deleteSetParts(update.subarray(parsed.deleteSetStart), maxStructs);
  const last = parts.at(-1);
  // A small delete set rides with the last struct part; a large one gets parts of its own.
  if (last && deletes.length === 1 && last.structs + parsed.deleteRanges <= maxStructs) {
    last.deleteSet = deletes[0] ?? EMPTY_DELETE_SET;
    return parts.map(encodePart);
  }
  return [...parts.map(encodePart), ...deletes.map((deleteSet) => encodePart({ runs: [], structs: 0, deleteSet }))];
}

/** One struct of the input: its bytes, its clock range and the ids it depends on. */
interface Struct {
  start: number;
  end: number;
  clock: number;
  length: number;
  /** Dependencies as flat (client, clock) pairs. */
  deps: number[];
}

/** One client's structs as the input lists them: consecutive clocks from `clock`. */
interface ClientRun {
  client: number;
  clock: number;
  structs: Struct[];
}

interface ParsedUpdate {
  runs: ClientRun[];
  deleteSetStart: number;
  deleteRanges: number;
}

const BIT6 = 0b0010_0000;
const BIT7 = 0b0100_0000;
const BIT8 = 0b1000_0000;
const BITS5 = 0b0001_1111;
/** Type refs that carry a node name (YXmlElement, YXmlHook). */
const NAMED_TYPE_REFS = new Set([3, 5]);
const EMPTY_DELETE_SET = new Uint8Array([0]);

/** Reads the layout of Yjs's `readClientsStructRefs` (yjs 13, src/utils/encoding.js); null when a Skip is found. */
function parseUpdate(update: Uint8Array): ParsedUpdate | null {
  const decoder = decoding.createDecoder(update);
  const runs: ClientRun[] = [];
  const clientCount = decoding.readVarUint(decoder);
  for (let c = 0; c < clientCount; c++) {
    const count = decoding.readVarUint(decoder);
    const client = decoding.readVarUint(decoder);
    const first = decoding.readVarUint(decoder);
    const structs: Struct[] = [];
    let clock = first;
    for (let i = 0; i < count; i++) {
      const start = decoder.pos;
      const deps: number[] = [];
      const length = readStruct(decoder, deps);
      if (length === null) return null;
      structs.push({ start, end: decoder.pos, clock, length, deps });
      clock += length;
    }
    runs.push({ client, clock: first, structs });
  }
  const deleteSetStart = decoder.pos;
  let deleteRanges = 0;
  const dsClients = decoding.readVarUint(decoder);
  for (let c = 0; c < dsClients; c++) {
    decoding.readVarUint(decoder);
    const ranges = decoding.readVarUint(decoder);
    for (let i = 0; i < ranges; i++) {
      decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
    }
    deleteRanges += ranges;
  }
  return { runs, deleteSetStart, deleteRanges };
}

/** Reads one struct, pushing its dependencies; answers its clock length, or null for a Skip. */
function readStruct(decoder: decoding.Decoder, deps: number[]): number | null {
  const info = decoding.readUint8(decoder);
  const content = info & BITS5;
  if (content === 0) return decoding.readVarUint(decoder); // GC: refers to nothing
  if (content === 10) return null;
  const readId = () => deps.push(decoding.readVarUint(decoder), decoding.readVarUint(decoder));
  if (info & BIT8) readId(); // left origin
  if (info & BIT7) readId(); // right origin
  if ((info & (BIT7 | BIT8)) === 0) {
    // Parent info: a root type's name (1), or the id of the item holding the parent type.
    if (decoding.readVarUint(decoder) === 1) decoding.readVarString(decoder);
    else readId();
    if (info & BIT6) decoding.readVarString(decoder); // parentSub
  }
  return readContentLength(decoder, content);
}

/** Skips an item's content, answering its length in clock units (Yjs's `Content*.getLength`). */
function readContentLength(decoder: decoding.Decoder, content: number): number {
  switch (content) {
    case 1: // deleted
      return decoding.readVarUint(decoder);
    case 2: {
      // JSON strings
      const n = decoding.readVarUint(decoder);
      for (let i = 0; i < n; i++) decoding.readVarString(decoder);
      return n;
    }
    case 3: // binary
      decoding.readVarUint8Array(decoder);
      return 1;
    case 4: // string: its length in UTF-16 code units, as in a JS string
      return decoding.readVarString(decoder).length;
    case 5: // embed
      decoding.readVarString(decoder);
      return 1;
    case 6: // format: key and value
      decoding.readVarString(decoder);
      decoding.readVarString(decoder);
      return 1;
    case 7: // type
      if (NAMED_TYPE_REFS.has(decoding.readVarUint(decoder))) decoding.readVarString(decoder);
      return 1;
    case 8: {
      // any
      const n = decoding.readVarUint(decoder);
      for (let i = 0; i < n; i++) decoding.readAny(decoder);
      return n;
    }
    case 9: // subdocument
      decoding.readVarString(decoder);
      decoding.readAny(decoder);
      return 1;
    default:
      throw new Error(`unknown content ref ${content}`);
  }
}

/** A struct to emit: its client's run and its index there. */
interface Emitted {
  run: ClientRun;
  index: number;
}

/**
 * Kahn's walk: each client advances through its structs in clock order while their dependencies
 * are already emitted; a blocked client waits on the one client and clock it needs, and is woken
 * when that client gets there. Linear in structs plus waits. Null when some struct can never be
 * emitted (a dependency the input does not hold and cannot be assumed present).
 */
function topologicalOrder(runs: readonly ClientRun[]): Emitted[] | null {
  const reached = new Map<number, number>();
  const firstClock = new Map<number, number>();
  for (const run of runs) {
    if (reached.has(run.client)) return null; // a client twice: not an update Yjs writes
    reached.set(run.client, run.clock);
    firstClock.set(run.client, run.clock);
  }
  const heads = new Map<ClientRun, number>(runs.map((run) => [run, 0]));
  const waiting = new Map<number, Array<{ run: ClientRun; clock: number }>>();
  const ready: ClientRun[] = [...runs];
  const order: Emitted[] = [];
  /** The first unmet dependency of a struct, as [client, clock], or null when all are met. */
  const unmet = (struct: Struct): [number, number] | null => {
    for (let i = 0; i < struct.deps.length; i += 2) {
      const client = struct.deps[i] as number;
      const clock = struct.deps[i + 1] as number;
      const at = reached.get(client);
      // A client the update does not hold, or a clock before its first struct: the doc has it.
      if (at === undefined || clock < (firstClock.get(client) as number)) continue;
      if (clock >= at) return [client, clock];
    }
    return null;
  };
  while (ready.length > 0) {
    const run = ready.pop() as ClientRun;
    let index = heads.get(run) as number;
    let blocked: [number, number] | null = null;
    while (index < run.structs.length) {
      const struct = run.structs[index] as Struct;
      blocked = unmet(struct);
      if (blocked) break;
      order.push({ run, index });
      reached.set(run.client, struct.clock + struct.length);
      index++;
    }
    heads.set(run, index);
    const now = reached.get(run.client) as number;
    const woken = waiting.get(run.client);
    if (woken) {
      const still = woken.filter((w) => {
        if (w.clock < now) ready.push(w.run);
        return w.clock >= now;
      });
      if (still.length > 0) waiting.set(run.client, still);
      else waiting.delete(run.client);
    }
    if (blocked) {
      const [client, clock] = blocked;
      const list = waiting.get(client) ?? [];
      list.push({ run, clock });
      waiting.set(client, list);
    }
  }
  const total = runs.reduce((n, run) => n + run.structs.length, 0);
  return order.length === total ? order : null;
}

/** One output part before encoding: per client, a contiguous range of its structs. */
interface Part {
  runs: Array<{ run: ClientRun; from: number; to: number }>;
  structs: number;
  deleteSet: Uint8Array | null;
}

function structParts(
  update: Uint8Array,
  order: readonly Emitted[],
  maxStructs: number,
): Array<Part & { bytes: Uint8Array }> {
  const parts: Array<Part & { bytes: Uint8Array }> = [];
  let current = new Map<ClientRun, { run: ClientRun; from: number; to: number }>();
  let count = 0;
  const close = () => {
    if (count === 0) return;
    parts.push({ runs: [...current.values()], structs: count, deleteSet: null, bytes: update });
    current = new Map();
    count = 0;
  };
  for (const { run, index } of order) {
    const range = current.get(run);
    // Emitted in clock order per client, so a client's structs within one part are consecutive.
    if (range) range.to = index + 1;
    else current.set(run, { run, from: index, to: index + 1 });
    if (++count >= maxStructs) close();
  }
  close();
  return parts;
}

function encodePart(part: Part & { bytes?: Uint8Array }): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, part.runs.length);
  for (const { run, from, to } of part.runs) {
    const first = run.structs[from] as Struct;
    const last = run.structs[to - 1] as Struct;
    encoding.writeVarUint(encoder, to - from);
    encoding.writeVarUint(encoder, run.client);
    encoding.writeVarUint(encoder, first.clock);
    encoding.writeUint8Array(encoder, (part.bytes as Uint8Array).subarray(first.start, last.end));
  }
  encoding.writeUint8Array(encoder, part.deleteSet ?? EMPTY_DELETE_SET);
  return encoding.toUint8Array(encoder);
}

/** The delete set re-encoded in parts of at most `maxRanges` ranges (v1: client, count, then clock/length pairs). */
function deleteSetParts(deleteSet: Uint8Array, maxRanges: number): Uint8Array[] {
  const decoder = decoding.createDecoder(deleteSet);
  const parts: Uint8Array[] = [];
  let entries: Array<{ client: number; ranges: number[] }> = [];
  let count = 0;
  const close = () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, entries.length);
    for (const { client, ranges } of entries) {
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, ranges.length / 2);
      for (const n of ranges) encoding.writeVarUint(encoder, n);
    }
    parts.push(encoding.toUint8Array(encoder));
    entries = [];
    count = 0;
  };
  const clients = decoding.readVarUint(decoder);
  for (let c = 0; c < clients; c++) {
    const client = decoding.readVarUint(decoder);
    const ranges = decoding.readVarUint(decoder);
    let entry: { client: number; ranges: number[] } | null = null;
    for (let i = 0; i < ranges; i++) {
      if (!entry) {
        entry = { client, ranges: [] };
        entries.push(entry);
      }
      entry.ranges.push(decoding.readVarUint(decoder), decoding.readVarUint(decoder));
      if (++count >= maxRanges) {
        close();
        entry = null;
      }
    }
  }
  if (count > 0 || parts.length === 0) close();
  return parts;
}
