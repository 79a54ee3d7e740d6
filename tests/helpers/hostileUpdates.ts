import { addCard, summaryFragment } from '@warsztat/shared';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/**
 * Updates a hostile client sends (issue #14), generated so the corpus, the fuzz test and the
 * hostile-client tests share them. Each is a well-formed v1 update that the server must refuse
 * with 4422 before applying it. `marker` is text inside it, to prove it never reached anyone.
 */

/** `levels` maps nested in `cards` (past the depth limit of 64 it is refused). */
export function deepMaps(levels: number, marker = 'deep'): Uint8Array {
  const doc = new Y.Doc();
  let map = doc.getMap('cards');
  doc.transact(() => {
    for (let i = 0; i < levels; i++) {
      const inner = new Y.Map();
      map.set(marker, inner);
      map = inner;
    }
  });
  return Y.encodeStateAsUpdate(doc);
}

/** A summary of `levels` nested blockquotes with one paragraph of `marker` at the bottom. */
export function deepSummary(levels: number, marker = 'na samym dnie'): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    let parent: Y.XmlFragment | Y.XmlElement = summaryFragment(doc);
    for (let i = 0; i < levels; i++) {
      const quote = new Y.XmlElement('blockquote');
      parent.insert(0, [quote]);
      parent = quote;
    }
    const paragraph = new Y.XmlElement('paragraph');
    parent.insert(0, [paragraph]);
    paragraph.insert(0, [new Y.XmlText(marker)]);
  });
  return Y.encodeStateAsUpdate(doc);
}

/** About `bytes` of tiny map entries (~18 bytes a struct) under the key prefix `marker`. */
export function wideMap(bytes: number, marker = 'w'): Uint8Array {
  const doc = new Y.Doc();
  const junk = doc.getMap('cards');
  doc.transact(() => {
    for (let i = 0; i * 18 < bytes; i++) junk.set(`${marker}${i.toString(36)}`, i);
  });
  return Y.encodeStateAsUpdate(doc);
}

/** A card sent without the update before it: its clock starts past a gap. */
export function afterAGap(text: string): Uint8Array {
  const doc = new Y.Doc();
  addCard(doc, { sectionId: 'needs', text: `${text} (nigdy nie wysłana)` });
  const before = Y.encodeStateVector(doc);
  addCard(doc, { sectionId: 'needs', text });
  return Y.encodeStateAsUpdate(doc, before);
}

/** Text typed into a card the server has never seen (an unknown origin and parent). */
export function intoUnknownCard(text: string): Uint8Array {
  const author = new Y.Doc();
  addCard(author, { sectionId: 'needs', text: 'karta autora' });
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(author));
  const before = Y.encodeStateVector(other);
  const card = [...other.getMap('cards').values()][0] as Y.Map<unknown>;
  (card.get('text') as Y.Text).insert(0, text);
  return Y.encodeStateAsUpdate(other, before);
}

/** The 6-byte delete of clock 0 of `client`, as `cards.delete(key)` of that client's first item sends. */
export function deleteOf(client: number): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarUint(e, 0); // no structs
    encoding.writeVarUint(e, 1); // a delete set of one client…
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, 1); // …with one range: clock 0, length 1
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 1);
  });
}
