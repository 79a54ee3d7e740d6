import { addCard, SUMMARY_KEY, setCardText, summaryFragment } from '@warsztat/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_LIMITS } from '../../server/src/config.js';
import { checkUpdate } from '../../server/src/sync/updateGuard.js';

/**
 * Issue #20: once a rapporteur is chosen, checkUpdate with `lockedRoot: 'summary'` refuses (4423)
 * an update that inserts into or deletes from the summary — however deep, whether the item names
 * its parent or only an origin — and lets everything else through, including a sync step 2 that
 * carries tombstones the server already has.
 */
function pair(): { server: Y.Doc; client: Y.Doc; sync: () => void } {
  const server = new Y.Doc();
  const client = new Y.Doc();
  const sync = () => {
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
  };
  return { server, client, sync };
}

/** The update `change` makes on `client`, checked against `server` with the summary locked (applied if accepted). */
function verdictOf(server: Y.Doc, client: Y.Doc, change: () => void) {
  const before = Y.encodeStateVector(client);
  change();
  const update = Y.encodeStateAsUpdate(client, before);
  const verdict = checkUpdate(update, server, DEFAULT_LIMITS, SUMMARY_KEY);
  if (verdict.ok) Y.applyUpdate(server, update);
  return verdict;
}

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

describe('the summary lock in checkUpdate', () => {
  it('refuses a new paragraph, typing inside an existing one, and deleting one', () => {
    const { server, client, sync } = pair();
    summaryFragment(server).insert(0, [paragraph('Sprawozdawczyni pisze')]);
    sync();
    expect(verdictOf(server, client, () => summaryFragment(client).push([paragraph('obcy')]))).toMatchObject({
      ok: false,
      code: 4423,
    });
    const { server: s2, client: c2, sync: sync2 } = pair();
    summaryFragment(s2).insert(0, [paragraph('Tekst')]);
    sync2();
    // Typed at the end of existing text: the item names only its origin, never its parent.
    const typing = () => {
      const text = (summaryFragment(c2).get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(text.length, ' dopisany');
    };
    expect(verdictOf(s2, c2, typing)).toMatchObject({ ok: false, code: 4423 });
    const { server: s3, client: c3, sync: sync3 } = pair();
    summaryFragment(s3).insert(0, [paragraph('Do skreślenia')]);
    sync3();
    expect(verdictOf(s3, c3, () => summaryFragment(c3).delete(0, 1))).toMatchObject({ ok: false, code: 4423 });
  });

  it('accepts card edits, and tombstones of summary items the server already deleted', () => {
    const { server, client, sync } = pair();
    summaryFragment(server).insert(0, [paragraph('Skreślone'), paragraph('Zostaje')]);
    const id = addCard(server, { sectionId: 'needs', text: 'Karta' });
    summaryFragment(server).delete(0, 1);
    sync();
    expect(verdictOf(server, client, () => setCardText(client, id, 'Karta poprawiona'))).toMatchObject({ ok: true });
    expect(verdictOf(server, client, () => addCard(client, { sectionId: 'gaps', text: 'Nowa' }))).toMatchObject({
      ok: true,
    });
    // A whole-state update (what a reconnecting client's step 2 carries) holds every tombstone.
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server));
    const step2 = Y.encodeStateAsUpdate(fresh, Y.encodeStateVector(server));
    expect(checkUpdate(step2, server, DEFAULT_LIMITS, SUMMARY_KEY)).toMatchObject({ ok: true });
    // Without the lock (the rapporteur, the staff, no rapporteur yet) the summary is open.
    const before = Y.encodeStateVector(client);
    summaryFragment(client).push([paragraph('Sprawozdawca')]);
    expect(checkUpdate(Y.encodeStateAsUpdate(client, before), server, DEFAULT_LIMITS)).toMatchObject({ ok: true });
  });
});
