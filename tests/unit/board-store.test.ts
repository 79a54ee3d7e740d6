import { addCard, BoardStore, castVote, moveCard, setCardText } from '@warsztat/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

/** A store on `local`, fed by updates from `remote` as if they came over the wire. */
function setup() {
  const remote = new Y.Doc();
  const local = new Y.Doc();
  const ids = ['a', 'b', 'c'].map((text, i) => addCard(remote, { sectionId: i < 2 ? 'needs' : 'gaps', text }));
  Y.applyUpdate(local, Y.encodeStateAsUpdate(remote));
  const store = new BoardStore(local);
  const stop = store.connect();
  const send = (write: () => void) => {
    const before = Y.encodeStateVector(local);
    write();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote, before));
  };
  const calls: string[] = [];
  for (const id of ids) store.subscribeCard(id, () => calls.push(`card:${id}`));
  for (const section of ['needs', 'gaps']) store.subscribeSection(section, () => calls.push(`section:${section}`));
  return { remote, store, ids: ids as [string, string, string], send, calls, stop };
}

describe('BoardStore', () => {
  it('tells only the edited card about a remote keystroke, and no section', () => {
    const { remote, store, ids, send, calls } = setup();
    const before = store.card(ids[1]);
    send(() => setCardText(remote, ids[0], 'a!'));
    expect(calls).toEqual([`card:${ids[0]}`]);
    expect(store.card(ids[0])?.text).toBe('a!');
    // Unchanged cards keep their snapshot identity, so memoised rows skip rendering.
    expect(store.card(ids[1])).toBe(before);
  });

  it('re-sorts and tells only the sections whose order changed when a card moves', () => {
    const { remote, store, ids, send, calls } = setup();
    const needsBefore = store.section('needs');
    send(() => moveCard(remote, ids[0], 'gaps'));
    expect(calls.sort()).toEqual([`card:${ids[0]}`, 'section:gaps', 'section:needs'].sort());
    expect(store.section('needs')).toEqual([ids[1]]);
    expect(store.section('gaps')).toEqual([ids[2], ids[0]]);
    expect(needsBefore).toEqual([ids[0], ids[1]]);
  });

  it('keeps a section’s array identity when its order did not change', () => {
    const { remote, store, ids, send } = setup();
    const gaps = store.section('gaps');
    send(() => castVote(remote, ids[0], 'p1', 1, 5));
    send(() => addCard(remote, { sectionId: 'needs', text: 'd' }));
    expect(store.section('gaps')).toBe(gaps);
    expect(store.section('needs')).toHaveLength(3);
    expect(store.sections()).toEqual(['gaps', 'needs']);
  });

  it('stops following the doc when disconnected', () => {
    const { remote, ids, send, calls, stop } = setup();
    stop();
    send(() => setCardText(remote, ids[0], 'zzz'));
    expect(calls).toEqual([]);
  });
});
