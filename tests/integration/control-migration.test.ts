import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyControl } from '../../server/src/domain/control.js';
import { SqliteStore } from '../../server/src/persistence/SqliteStore.js';
import { groupRecord, workshopRecord } from '../helpers/records.js';

type Exec = { db: { exec(sql: string): void } };

const workshop = workshopRecord({
  id: 'w1',
  title: 'Stary warsztat',
  control: { ...emptyControl(), selfSelect: true },
  groups: [groupRecord('g1', { name: 'Seniorzy', capacity: 4, prompt: 'x' })],
});

/**
 * A database file written before issue #5 has no `workshops.control`, `groups.capacity` or
 * `groups.prompt` (nor, before issue #9, `workshops.version`), and, before issue #13, no
 * `schema_migrations`. Opening it must add them in place (guarded ALTER TABLE, then the numbered
 * migrations) and read old rows with empty defaults.
 */
describe('SQLite migration of the control columns', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('upgrades a file without the new columns and reads its rows with defaults', async () => {
    dir = mkdtempSync(join(tmpdir(), 'warsztat-migrate-'));
    const path = join(dir, 'old.db');
    const first = new SqliteStore(path);
    await first.createWorkshop(workshop, [], { workshopId: 'w1', at: 0, type: 'created', data: null });
    // Turn the file back into the old schema (SQLite ≥ 3.35 drops columns).
    const raw = (first as unknown as Exec).db;
    raw.exec('ALTER TABLE workshops DROP COLUMN control');
    raw.exec('ALTER TABLE groups DROP COLUMN capacity');
    raw.exec('ALTER TABLE groups DROP COLUMN prompt');
    raw.exec('ALTER TABLE workshops DROP COLUMN version');
    // Files from then had no migrations table either (persistence/migrations.ts), and no later index.
    raw.exec('DROP TABLE schema_migrations');
    raw.exec('DROP INDEX tokens_by_workshop');
    await first.close();

    const upgraded = new SqliteStore(path);
    const loaded = await upgraded.loadWorkshop('w1');
    expect(loaded?.control).toEqual(emptyControl());
    expect(loaded?.groups[0]).toMatchObject({ capacity: null, prompt: '' });
    // Rows from before optimistic concurrency (issue #9) start at version 1.
    expect(loaded?.version).toBe(1);
    // And the new columns are writable from now on.
    if (!loaded) throw new Error('not loaded');
    await upgraded.saveWorkshop(
      { ...loaded, control: { ...loaded.control, selfSelect: true } },
      {
        workshopId: 'w1',
        at: 1,
        type: 'selfSelect',
        data: null,
      },
    );
    await upgraded.close();
    const again = new SqliteStore(path);
    expect((await again.loadWorkshop('w1'))?.control.selfSelect).toBe(true);
    await again.close();
  });

  it('reads a control column written before its later fields existed, filling each default once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'warsztat-migrate-'));
    const path = join(dir, 'old.db');
    const first = new SqliteStore(path);
    await first.createWorkshop(workshop, [], { workshopId: 'w1', at: 0, type: 'created', data: null });
    // The JSON issue #5's code wrote: no version, boards, projector, plenary, time zone, narrative or consents.
    const old = {
      agendaDays: [],
      currentAgendaItemId: null,
      selfSelect: true,
      broadcasts: [],
      helpRequests: [],
      recallEndsAt: null,
    };
    (first as unknown as Exec).db.exec(`UPDATE workshops SET control = '${JSON.stringify(old)}'`);
    await first.close();

    const again = new SqliteStore(path);
    expect((await again.loadWorkshop('w1'))?.control).toEqual({ ...emptyControl(), selfSelect: true });
    await again.close();
  });
});
