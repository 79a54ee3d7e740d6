import { DEFAULT_TIME_ZONE, emptyPlenary } from '@warsztat/shared';
import { describe, expect, it } from 'vitest';
import { CONTROL_VERSION, emptyControl, parseControl, storedControl } from '../../server/src/domain/control.js';

/** The control JSON is parsed once, on load; every caller after that reads complete values. */
describe('control record', () => {
  it('reads a row from before the column existed (null) as the empty control state', () => {
    expect(parseControl(null)).toEqual(emptyControl());
  });

  it('fills the fields a version-1 row lacks and keeps the ones it has', () => {
    // What issue #5's code wrote: no boards, projector, plenary, time zone, narrative or consents.
    const v1 = {
      agendaDays: [{ date: '2022-11-24' }],
      currentAgendaItemId: 'a1',
      selfSelect: true,
      broadcasts: [{ id: 'b1', text: 'Przerwa', groupId: null, at: 5 }],
      helpRequests: [],
      recallEndsAt: 123,
    };
    expect(parseControl(v1)).toEqual({ ...emptyControl(), ...v1 });
    expect(parseControl(v1).timeZone).toBe(DEFAULT_TIME_ZONE);
    expect(parseControl(v1).plenary).toEqual(emptyPlenary());
  });

  it('reads links from before rotation (issue #14) as never rotated, and keeps rotated ones', () => {
    const unrotated = { projector: { epoch: 0, hash: null }, coFacilitator: { epoch: 0, hash: null } };
    expect(parseControl({ v: 2, selfSelect: true }).staffLinks).toEqual(unrotated);
    expect(parseControl({ v: 2, staffLinks: 'zepsute' }).staffLinks).toEqual(unrotated);
    expect(parseControl({ v: 2, staffLinks: { projector: { epoch: -1 } } }).staffLinks).toEqual(unrotated);
    const rotated = { projector: { epoch: 3, hash: 'h3' }, coFacilitator: { epoch: 0, hash: 'h0' } };
    expect(parseControl({ v: 2, staffLinks: rotated, fullBoards: ['g1'] })).toMatchObject({
      staffLinks: rotated,
      fullBoards: ['g1'],
    });
  });

  it('reads back exactly what it stores, with the version beside it', () => {
    const control = {
      ...emptyControl('Europe/London'),
      narrative: { intro: 'Wstęp' },
      namesInReport: ['p1'],
      projector: {
        view: 'overview' as const,
        order: ['g2', 'g1'],
        frozen: true,
        safeArea: emptyControl().projector.safeArea,
        page: 2,
        roundId: 'r2',
      },
    };
    const stored = JSON.parse(JSON.stringify(storedControl(control))) as unknown;
    expect(stored).toMatchObject({ v: CONTROL_VERSION });
    expect(parseControl(stored)).toEqual(control);
  });

  it('reads a damaged field as its default instead of refusing the whole workshop', () => {
    const parsed = parseControl({ selfSelect: 'yes', broadcasts: 'none', timeZone: '', namesInReport: [1, 2] });
    expect(parsed.selfSelect).toBe(false);
    expect(parsed.broadcasts).toEqual([]);
    expect(parsed.timeZone).toBe(DEFAULT_TIME_ZONE);
    expect(parsed.namesInReport).toEqual([]);
  });

  it('reads a version-2 row without projectorNames as names off, and keeps the choice once stored', () => {
    // Issue #16: rows from before the switch load with the room screen naming nobody.
    const { projectorNames: _absent, ...before } = emptyControl();
    expect(parseControl({ v: 2, ...before }).projectorNames).toBe(false);
    const stored = JSON.parse(JSON.stringify(storedControl({ ...emptyControl(), projectorNames: true }))) as unknown;
    expect(parseControl(stored).projectorNames).toBe(true);
    expect(parseControl({ projectorNames: 'yes' }).projectorNames).toBe(false);
  });

  it('reads a version-2 row as one round holding its boards, started if anything was ever stored (issue #17)', () => {
    const { rounds: _r, currentRoundId: _c, gallery: _g, callUrls: _u, ...v2 } = emptyControl();
    const used = parseControl({ v: 2, ...v2, lastActivityAt: 1_700_000_000_000 });
    expect(used.rounds).toEqual([
      {
        id: 'r1',
        title: '',
        startedAt: 1_700_000_000_000,
        sections: null,
        groupSections: {},
        members: null,
        agendaItemId: null,
      },
    ]);
    expect(used.currentRoundId).toBe('r1');
    expect(used.gallery).toMatchObject({ open: false, votingOpen: false, votes: {} });
    expect(used.callUrls).toEqual({});
    // Never used: the first `round` command names this round instead of adding one.
    expect(parseControl({ v: 2, ...v2 }).rounds[0]?.startedAt).toBeNull();
    // A file exported without `v` (read as version 1) keeps its rounds; a current id that names none
    // falls back to the last round.
    const rounds = [
      { ...emptyControl().rounds[0], startedAt: 5 },
      { id: 'r2', title: 'Druga', startedAt: 9, sections: null, groupSections: {}, members: null, agendaItemId: null },
    ];
    const exported = parseControl({ ...v2, rounds, currentRoundId: 'r7' });
    expect(exported.rounds).toEqual(rounds);
    expect(exported.currentRoundId).toBe('r2');
  });

  it('gives every new workshop its own lists, so one workshop never changes another', () => {
    const a = emptyControl();
    a.namesInReport.push('p1');
    expect(emptyControl().namesInReport).toEqual([]);
  });
});
