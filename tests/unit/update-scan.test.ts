import { addCard, summaryFragment } from '@warsztat/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { countStructs } from '../../server/src/sync/updateScan.js';
import { rng } from '../helpers/fuzzClient.js';

/**
 * The struct scan skips over every kind of content Yjs writes; if it misread one, every later
 * count would drift. Each case compares it with Yjs's own decoder on the same bytes.
 */
function everyContentKind(): Y.Doc {
  const doc = new Y.Doc();
  addCard(doc, { sectionId: 'needs', text: 'karta ze wszystkim' });
  const list = doc.getArray<unknown>('list');
  list.insert(0, [1, 'dwa', { trzy: [3] }, null, true, new Uint8Array([1, 2, 3])]);
  list.insert(0, [new Y.Map(), new Y.Array(), new Y.Text('t'), new Y.Doc({ guid: 'sub' })]);
  const text = doc.getText('formatted');
  text.insert(0, 'pogrubione i zwykłe', { bold: true });
  text.format(0, 4, { italic: true });
  text.insertEmbed(3, { image: 'x.png' });
  const fragment = summaryFragment(doc);
  const p = new Y.XmlElement('paragraph');
  // A hook is an element to Yjs, though its typings leave it out of insert's list.
  fragment.insert(0, [p, new Y.XmlText('luźny'), new Y.XmlHook('hook') as unknown as Y.XmlElement]);
  p.insert(0, [new Y.XmlText('akapit')]);
  p.setAttribute('align', 'left');
  list.delete(1, 2);
  // A legacy ContentJSON item, as Yjs before 13 wrote arrays of JSON values.
  const legacy = new Y.Doc();
  legacy.getArray('old').insert(0, ['x']);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(legacy));
  return doc;
}

describe('countStructs', () => {
  it('counts what Yjs decodes, for every content kind and for random edits', () => {
    const doc = everyContentKind();
    const update = Y.encodeStateAsUpdate(doc);
    expect(countStructs(update, Number.POSITIVE_INFINITY)).toBe(Y.decodeUpdate(update).structs.length);
    const random = rng(0x5ca7);
    for (let round = 0; round < 50; round++) {
      const before = Y.encodeStateVector(doc);
      const texts = doc.getText('formatted');
      for (let i = 0; i < 5; i++) {
        const at = Math.floor(random() * (texts.length + 1));
        if (random() < 0.3 && texts.length > 0) texts.delete(Math.min(at, texts.length - 1), 1);
        else texts.insert(at, 'abc'.slice(0, 1 + Math.floor(random() * 3)), random() < 0.5 ? { bold: true } : {});
      }
      const diff = Y.encodeStateAsUpdate(doc, before);
      expect(countStructs(diff, Number.POSITIVE_INFINITY)).toBe(Y.decodeUpdate(diff).structs.length);
    }
  });

  it('stops one past the limit and throws on truncated input', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      for (let i = 0; i < 500; i++) doc.getMap('m').set(String(i), i);
    });
    const update = Y.encodeStateAsUpdate(doc);
    expect(countStructs(update, 100)).toBe(101);
    expect(() => countStructs(update.slice(0, update.length - 40), Number.POSITIVE_INFINITY)).toThrow();
  });
});
