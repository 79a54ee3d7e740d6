import { type CreateWorkshopAnswer, CreateWorkshopBody } from '@warsztat/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ControlPlane, createControlPlane } from '../../server/src/control/ControlPlane.js';
import { openStore } from '../../server/src/persistence/openStore.js';
import type { Store } from '../../server/src/persistence/Store.js';
import { Cleanup } from '../helpers/cleanup.js';

/**
 * Recall countdowns on fake time: the service's timers and clock are vitest's, so "a cancelled
 * countdown never fires" is checked an hour past its deadline in microseconds, instead of sleeping
 * through it. The store is the real SqliteStore, in memory.
 */
const cleanup = new Cleanup();
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(async () => {
  await cleanup.run();
  vi.useRealTimers();
});

async function workshopInBreakout(): Promise<{ control: ControlPlane; store: Store; w: CreateWorkshopAnswer }> {
  const store = cleanup.add(await openStore('sqlite::memory:'), (s) => s.close());
  const control = cleanup.add(createControlPlane(store), (c) => c.dispose());
  const created = await control.onboarding.create(CreateWorkshopBody.parse({ title: 'Powrót na plenarną' }));
  if (!created.ok) throw new Error(created.error.message);
  const w = created.value;
  expect((await control.commands.command(w.id, { type: 'phase', to: 'breakout', minutes: 20 })).ok).toBe(true);
  return { control, store, w };
}

const firedRecalls = async (store: Store, id: string) =>
  (await store.listEvents(id)).filter((e) => e.type === 'recall.fired').length;

describe('recall countdown (fake time)', () => {
  it('turns the phase to plenary exactly when the countdown ends, once', async () => {
    const { control, store, w } = await workshopInBreakout();
    expect((await control.commands.command(w.id, { type: 'recall', seconds: 5 })).ok).toBe(true);

    await vi.advanceTimersByTimeAsync(4_999);
    expect((await control.workshops.get(w.id))?.phase).toBe('breakout');
    await vi.advanceTimersByTimeAsync(1);
    const back = await control.workshops.get(w.id);
    expect(back?.phase).toBe('plenary');
    expect(back?.control.recallEndsAt).toBeNull();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(await firedRecalls(store, w.id)).toBe(1);
  });

  it('never fires a countdown cancelled by a phase change or by the facilitator', async () => {
    const { control, store, w } = await workshopInBreakout();
    const groupId = (await control.workshops.get(w.id))?.groups[0]?.id ?? '';
    expect((await control.commands.command(w.id, { type: 'recall', seconds: 5 })).ok).toBe(true);
    expect((await control.commands.command(w.id, { type: 'phase', to: 'presenting', groupId })).ok).toBe(true);
    expect((await control.commands.command(w.id, { type: 'phase', to: 'breakout' })).ok).toBe(true);
    expect((await control.commands.command(w.id, { type: 'recall', seconds: 5 })).ok).toBe(true);
    expect((await control.commands.command(w.id, { type: 'recall', seconds: null })).ok).toBe(true);

    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(await firedRecalls(store, w.id)).toBe(0);
    expect((await control.workshops.get(w.id))?.phase).toBe('breakout');
  });

  it('replaces a running countdown: only the newer deadline counts', async () => {
    const { control, w } = await workshopInBreakout();
    expect((await control.commands.command(w.id, { type: 'recall', seconds: 5 })).ok).toBe(true);
    await vi.advanceTimersByTimeAsync(3_000);
    expect((await control.commands.command(w.id, { type: 'recall', seconds: 10 })).ok).toBe(true);
    await vi.advanceTimersByTimeAsync(9_999);
    expect((await control.workshops.get(w.id))?.phase).toBe('breakout');
    await vi.advanceTimersByTimeAsync(1);
    expect((await control.workshops.get(w.id))?.phase).toBe('plenary');
  });
});
