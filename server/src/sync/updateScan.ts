import * as decoding from 'lib0/decoding';

/**
 * Counts the structs of a v1 update without building them, and stops at `max + 1`. Decoding an
 * update with `Y.decodeUpdate` allocates an Item per struct (about 5 µs each, far more on a busy
 * machine): a 1 MiB update of tiny map entries (55,000 structs) took 250 ms to 1.2 s on the test
 * machine, all of it before any limit could be checked. This scan reads the same layout as Yjs's
 * `readClientsStructRefs` (yjs 13, src/utils/encoding.js) but only skips over each struct, so an
 * oversized update is refused after `max` structs' worth of reading. Throws on malformed input.
 *
 * Layout: varUint clients, then per client varUint structs, varUint client, varUint clock, then
 * per struct an info byte whose low 5 bits name the content (0 GC, 10 Skip, else an Item:
 * origin and right origin ids if bits 8/7 are set, otherwise parent info and, with bit 6, a
 * parentSub key; then the content).
 */
export function countStructs(update: Uint8Array, max: number): number {
  const decoder = decoding.createDecoder(update);
  const clients = decoding.readVarUint(decoder);
  let count = 0;
  for (let c = 0; c < clients; c++) {
    const structs = decoding.readVarUint(decoder);
    decoding.readVarUint(decoder); // client
    decoding.readVarUint(decoder); // first clock
    for (let i = 0; i < structs; i++) {
      if (++count > max) return count;
      skipStruct(decoder);
    }
  }
  return count;
}

const BIT6 = 0b0010_0000;
const BIT7 = 0b0100_0000;
const BIT8 = 0b1000_0000;
const BITS5 = 0b0001_1111;
/** Type refs that carry a node name (YXmlElement, YXmlHook). */
const NAMED_TYPE_REFS = new Set([3, 5]);

function skipId(decoder: decoding.Decoder): void {
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
}

/** A string is a varUint length and UTF-8 bytes: skipped without decoding them. */
function skipString(decoder: decoding.Decoder): void {
  decoding.readVarUint8Array(decoder);
}

function skipStruct(decoder: decoding.Decoder): void {
  const info = decoding.readUint8(decoder);
  const content = info & BITS5;
  if (content === 0 || content === 10) {
    decoding.readVarUint(decoder); // GC or Skip: a length
    return;
  }
  const cantCopyParentInfo = (info & (BIT7 | BIT8)) === 0;
  if (info & BIT8) skipId(decoder);
  if (info & BIT7) skipId(decoder);
  if (cantCopyParentInfo) {
    if (decoding.readVarUint(decoder) === 1) skipString(decoder);
    else skipId(decoder);
    if (info & BIT6) skipString(decoder);
  }
  skipContent(decoder, content);
}

function skipContent(decoder: decoding.Decoder, content: number): void {
  switch (content) {
    case 1: // deleted: a length
      decoding.readVarUint(decoder);
      return;
    case 2: {
      // JSON: a count of JSON strings
      const n = decoding.readVarUint(decoder);
      for (let i = 0; i < n; i++) skipString(decoder);
      return;
    }
    case 3: // binary
    case 4: // string
    case 5: // embed (a JSON string)
      skipString(decoder);
      return;
    case 6: // format: key and JSON value
      skipString(decoder);
      skipString(decoder);
      return;
    case 7: // type: a type ref, and a node name for XML elements and hooks
      if (NAMED_TYPE_REFS.has(decoding.readVarUint(decoder))) skipString(decoder);
      return;
    case 8: {
      // any: a count of lib0 "any" values
      const n = decoding.readVarUint(decoder);
      for (let i = 0; i < n; i++) decoding.readAny(decoder);
      return;
    }
    case 9: // subdocument: guid and options
      skipString(decoder);
      decoding.readAny(decoder);
      return;
    default:
      throw new Error(`unknown content ref ${content}`);
  }
}
