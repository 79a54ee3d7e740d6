import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptyControl } from '../../server/src/domain/control.js';
import type { EventRecord, TokenRecord } from '../../server/src/domain/workshop.js';
import { StaleWriteError } from '../../server/src/persistence/Store.js';
import { mergeInProcess } from '../../server/src/sync/mergeDoc.js';
import { Cleanup } from '../helpers/cleanup.js';
import { groupRecord, participantRecord, workshopRecord } from '../helpers/records.js';
import { openTestStore, storeKinds } from '../helpers/stores.js';

/**
 * The Store contract for workshops, tokens and events (DESIGN §4), run against SQLite and
 * PostgreSQL alike: whatever the control plane can rely on of one, it can of the other.
 */
const kinds = storeKinds();
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

const workshop = workshopRecord({
  id: 'w1',
  title: 'Plan deinstytucjonalizacji — Białystok',
  date: '2022-10-19',
  venue: 'Sala konferencyjna ROPS',
  organiser: 'RKRES Podlaskie',
  joinCode: 'KRZESL',
  phase: 'breakout',
  spotlightGroupId: 'g2',
  timer: { endsAt: 1_760_000_000_000, pausedRemainingMs: null },
  agenda: [
    { id: 'a1', day: 0, kind: 'welcome', title: 'Powitanie', startsAt: '10:00', minutes: 15, speakers: ['Anna Nowak'] },
  ],
  createdAt: 1_759_999_999_123,
  control: { ...emptyControl(), selfSelect: true, recallEndsAt: 1_760_000_100_000 },
  groups: [
    groupRecord('g1', { name: 'Seniorzy', position: 0, rapporteurId: 'p1', capacity: 6, prompt: 'Potrzeby' }),
    groupRecord('g2', { name: 'Osoby z niepełnosprawnościami', attendance: 'online', position: 1 }),
  ],
  participants: [
    participantRecord('p1', { name: 'Łucja', organisation: 'MOPS', orgType: 'ops', groupId: 'g1', joinedAt: 5 }),
    participantRecord('p2', { name: 'Żaneta', attendance: 'online', joinedAt: 7 }),
  ],
  version: 1,
});

const facilitator: TokenRecord = { hash: 'hash-f', workshopId: 'w1', role: 'facilitator', participantId: null };
const participantToken = (id: string): TokenRecord => ({
  hash: `hash-${id}`,
  workshopId: 'w1',
  role: 'participant',
  participantId: id,
});
const event = (type: string, data: unknown = null, at = 1): EventRecord => ({ workshopId: 'w1', at, type, data });

describe.each(kinds)('$name store: workshops', (kind) => {
  const fresh = async () => openTestStore(cleanup, await kind.newDatabase(cleanup));

  it('gives back a created workshop exactly, with its groups in order and participants by join time', async () => {
    const store = await fresh();
    await store.createWorkshop(workshop, [facilitator, participantToken('p1')], event('created', { title: 'x' }));
    expect(await store.loadWorkshop('w1')).toEqual(workshop);
    expect(await store.loadWorkshop('nope')).toBeNull();
    expect(await store.findWorkshopByJoinCode('KRZESL')).toBe('w1');
    expect(await store.findWorkshopByJoinCode('ZZZZZZ')).toBeNull();
    expect(await store.findToken('hash-f')).toEqual(facilitator);
    expect(await store.findToken('hash-p1')).toEqual(participantToken('p1'));
    expect(await store.findToken('unknown')).toBeNull();
  });

  it('saves a new state with its event and tokens, one version up, and drops removed participants’ tokens', async () => {
    const store = await fresh();
    await store.createWorkshop(workshop, [facilitator, participantToken('p1')], event('created'));
    const next = {
      ...workshop,
      phase: 'plenary' as const,
      groups: [workshop.groups[1] ?? groupRecord('g2')],
      participants: [participantRecord('p3', { name: 'Nowa', joinedAt: 9 })],
    };
    expect(await store.saveWorkshop(next, event('joined', { participantId: 'p3' }, 2), [participantToken('p3')])).toBe(
      2,
    );
    expect(await store.loadWorkshop('w1')).toEqual({ ...next, version: 2 });
    expect(await store.findToken('hash-p1')).toBeNull();
    expect(await store.findToken('hash-p3')).toEqual(participantToken('p3'));
    expect(await store.findToken('hash-f')).toEqual(facilitator);
    expect(await store.listEvents('w1')).toEqual([event('created'), event('joined', { participantId: 'p3' }, 2)]);
    expect(await store.listEvents('other')).toEqual([]);
  });

  it('refuses a save based on an old version and writes nothing of it', async () => {
    const store = await fresh();
    await store.createWorkshop(workshop, [], event('created'));
    await store.saveWorkshop({ ...workshop, title: 'pierwszy' }, event('first'));
    const stale = store.saveWorkshop({ ...workshop, title: 'drugi' }, event('second'), [participantToken('p2')]);
    await expect(stale).rejects.toBeInstanceOf(StaleWriteError);
    await expect(stale).rejects.toMatchObject({ workshopId: 'w1', expectedVersion: 1 });
    expect(await store.loadWorkshop('w1')).toMatchObject({ title: 'pierwszy', version: 2 });
    expect((await store.listEvents('w1')).map((e) => e.type)).toEqual(['created', 'first']);
    expect(await store.findToken('hash-p2')).toBeNull();
    await expect(store.saveWorkshop({ ...workshop, id: 'missing' }, event('x'))).rejects.toBeInstanceOf(
      StaleWriteError,
    );
  });

  it('lets exactly one of two nodes saving the same version win', async () => {
    const url = await kind.newDatabase(cleanup);
    const [a, b] = [await openTestStore(cleanup, url), await openTestStore(cleanup, url)];
    await a.createWorkshop(workshop, [], event('created'));
    for (let round = 1; round <= 5; round++) {
      const base = await a.loadWorkshop('w1');
      if (!base) throw new Error('gone');
      const results = await Promise.allSettled([
        a.saveWorkshop({ ...base, title: `a${round}` }, event(`a${round}`)),
        b.saveWorkshop({ ...base, title: `b${round}` }, event(`b${round}`)),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost[0]?.reason).toBeInstanceOf(StaleWriteError);
    }
    expect((await b.loadWorkshop('w1'))?.version).toBe(6);
    expect(await b.listEvents('w1')).toHaveLength(6);
  });

  it('keeps JSON event data and control state as written', async () => {
    const store = await fresh();
    const control = {
      ...emptyControl(),
      broadcasts: [{ id: 'b1', text: 'Wracamy za 5 minut — „cudzysłów” i emoji 🙂', groupId: null, at: 3 }],
      helpRequests: [{ id: 'h1', groupId: 'g1', participantId: 'p1', text: 'Pomocy', at: 4, acknowledgedAt: null }],
      currentAgendaItemId: 'a1',
    };
    await store.createWorkshop({ ...workshop, control }, [], event('created', { nested: { list: [1, 'dwa', null] } }));
    expect((await store.loadWorkshop('w1'))?.control).toEqual(control);
    expect((await store.listEvents('w1'))[0]?.data).toEqual({ nested: { list: [1, 'dwa', null] } });
  });

  it('deletes a workshop with everything of it in one go, and nothing of another workshop (issue #19)', async () => {
    const store = await fresh();
    // An id with `_`, which a LIKE pattern would read as a wildcard matching the other workshop's docs.
    const a = { ...workshop, id: 'w_1', joinCode: 'AAAAAA' };
    const b = { ...workshop, id: 'wx1', joinCode: 'BBBBBB' };
    const tokenOf = (w: string, hash: string): TokenRecord => ({
      hash,
      workshopId: w,
      role: 'facilitator',
      participantId: null,
    });
    await store.createWorkshop(a, [tokenOf('w_1', 'hash-a'), { ...participantToken('p1'), workshopId: 'w_1' }], {
      ...event('created'),
      workshopId: 'w_1',
    });
    await store.createWorkshop(b, [tokenOf('wx1', 'hash-b')], { ...event('created'), workshopId: 'wx1' });
    const update = (text: string) => {
      const doc = new Y.Doc();
      doc.getText('t').insert(0, text);
      return Y.encodeStateAsUpdate(doc);
    };
    for (const doc of ['w_1.g1', 'w_1.plenary', 'wx1.g1']) await store.appendUpdates(doc, [update(doc)]);
    expect(await store.compactDoc('w_1.g1', mergeInProcess)).toBe(true); // a snapshot row as well as log rows
    await store.appendUpdates('w_1.g1', [update('after the snapshot')]);

    expect(await store.deleteWorkshop('w_1')).toBe(true);
    expect(await store.loadWorkshop('w_1')).toBeNull();
    expect(await store.findWorkshopByJoinCode('AAAAAA')).toBeNull();
    expect(await store.findToken('hash-a')).toBeNull();
    expect(await store.findToken('hash-p1')).toBeNull();
    expect(await store.listEvents('w_1')).toEqual([]);
    expect(await store.loadDoc('w_1.g1')).toEqual({ snapshot: [], updates: [], lastSeq: 0 });
    expect((await store.loadDoc('w_1.plenary')).updates).toEqual([]);
    // The other workshop is untouched.
    expect(await store.loadWorkshop('wx1')).toEqual(b);
    expect(await store.findToken('hash-b')).not.toBeNull();
    expect((await store.loadDoc('wx1.g1')).updates).toHaveLength(1);
    expect(await store.deleteWorkshop('w_1')).toBe(false);
  });

  it('lists what the retention sweep needs of every workshop', async () => {
    const store = await fresh();
    const privacy = { dataController: 'ROPS', privacyContact: 'iod@rops.example', retentionDays: 30 };
    await store.createWorkshop(
      { ...workshop, control: { ...emptyControl(), privacy, closedAt: 1_000, lastActivityAt: 900 } },
      [],
      event('created'),
    );
    await store.createWorkshop({ ...workshop, id: 'w2', joinCode: 'CCCCCC', createdAt: 5 }, [], {
      ...event('created'),
      workshopId: 'w2',
    });
    const rows = (await store.listRetention()).sort((x, y) => x.id.localeCompare(y.id));
    expect(rows).toEqual([
      { id: 'w1', createdAt: workshop.createdAt, privacy, closedAt: 1_000, lastActivityAt: 900 },
      {
        id: 'w2',
        createdAt: 5,
        privacy: { dataController: null, privacyContact: null, retentionDays: 365 },
        closedAt: null,
        lastActivityAt: null,
      },
    ]);
  });

  it('opens an existing database again (schema already there) and answers ping', async () => {
    const url = await kind.newDatabase(cleanup);
    const first = await openTestStore(cleanup, url);
    await first.createWorkshop(workshop, [facilitator], event('created'));
    const [again, alongside] = await Promise.all([openTestStore(cleanup, url), openTestStore(cleanup, url)]);
    expect(await again.loadWorkshop('w1')).toEqual(workshop);
    expect(await alongside.findToken('hash-f')).toEqual(facilitator);
    expect(await again.ping()).toBe(true);
  });
});
