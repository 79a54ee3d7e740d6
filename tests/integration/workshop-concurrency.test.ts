import { CreateWorkshopBody, JoinBody } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { type ControlPlane, createControlPlane } from '../../server/src/control/ControlPlane.js';
import type { Store } from '../../server/src/persistence/Store.js';
import { Cleanup } from '../helpers/cleanup.js';
import { openTestStore, type StoreKind, storeKinds } from '../helpers/stores.js';

/**
 * Two nodes commanding one workshop (issue #9): each has its own control plane and cache over
 * the same store. A command based on a stale cache must not overwrite the other node's change:
 * the store refuses it (version check) and the service re-runs it on the reloaded state.
 */
const kinds = storeKinds();
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

type Node = ControlPlane & { store: Store };

async function twoNodes(kind: StoreKind): Promise<{ a: Node; b: Node }> {
  const url = await kind.newDatabase(cleanup);
  const node = async (): Promise<Node> => {
    const store = await openTestStore(cleanup, url);
    return { ...cleanup.add(createControlPlane(store), (c) => c.dispose()), store };
  };
  return { a: await node(), b: await node() };
}

const join = (node: Node, joinCode: string, name: string) => node.onboarding.join(JoinBody.parse({ joinCode, name }));

async function newWorkshop(a: Node): Promise<string> {
  const created = await a.onboarding.create(CreateWorkshopBody.parse({ title: 'Dwa serwery', template: 'blank' }));
  if (!created.ok) throw new Error(created.error.message);
  return created.value.id;
}

describe.each(kinds)('two services over one $name store', (kind) => {
  it('re-runs a command made on a stale copy instead of overwriting the other node', async () => {
    const { a, b } = await twoNodes(kind);
    const id = await newWorkshop(a);
    // Both nodes have the workshop cached at version 1.
    expect((await b.workshops.get(id))?.version).toBe(1);
    const first = await a.commands.command(id, { type: 'broadcast', text: 'z węzła A', groupId: null });
    expect(first.ok).toBe(true);
    // B still caches version 1; its command must land on top of A's, not replace it.
    const second = await b.commands.command(id, { type: 'broadcast', text: 'z węzła B', groupId: null });
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value.workshop.control.broadcasts.map((m) => m.text)).toEqual(['z węzła A', 'z węzła B']);
    expect(second.value.workshop.version).toBe(3);

    const events = await a.store.listEvents(id);
    expect(events.map((e) => e.type)).toEqual(['created', 'broadcast', 'broadcast']);
    // A's stale cache catches up on its next write, or when told to refresh.
    expect((await a.workshops.refresh(id))?.control.broadcasts).toHaveLength(2);
  });

  it('keeps every command when both nodes send at the same time', async () => {
    const { a, b } = await twoNodes(kind);
    const id = await newWorkshop(a);
    await b.workshops.get(id);
    const texts = Array.from({ length: 12 }, (_, i) => `wiadomość ${i}`);
    const results = await Promise.all(
      texts.map((text, i) => (i % 2 === 0 ? a : b).commands.command(id, { type: 'broadcast', text, groupId: null })),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const stored = await a.workshops.refresh(id);
    expect(stored?.control.broadcasts.map((m) => m.text).sort()).toEqual([...texts].sort());
    expect(stored?.version).toBe(1 + texts.length);
  });

  it('keeps joins on both nodes and the tokens of each', async () => {
    const { a, b } = await twoNodes(kind);
    const id = await newWorkshop(a);
    const code = (await a.workshops.get(id))?.joinCode ?? '';
    await b.workshops.get(id);
    const joins = await Promise.all([
      join(a, code, 'Anna'),
      join(b, code, 'Bartek'),
      join(a, code, 'Celina'),
      join(b, code, 'Darek'),
    ]);
    const tokens = joins.map((j) => (j.ok ? j.value.token : ''));
    expect(tokens.every(Boolean)).toBe(true);
    const stored = await b.workshops.refresh(id);
    expect(stored?.participants.map((p) => p.name).sort()).toEqual(['Anna', 'Bartek', 'Celina', 'Darek']);
    for (const token of tokens) expect((await a.workshops.resolveToken(token))?.workshopId).toBe(id);
  });
});
