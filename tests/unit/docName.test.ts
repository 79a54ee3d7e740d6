import { docNameFor, PLENARY_DOC_SUFFIX, parseDocName, plenaryDocNameFor } from '@warsztat/shared';
import { describe, expect, it } from 'vitest';

/** Doc names are built by the control plane and read back by the sync plane: one module does both. */
describe('doc names', () => {
  it('reads back a group board name as the workshop and the group it was built from', () => {
    expect(parseDocName(docNameFor('w1AbC_-x', 'g9ZyX-_q'))).toEqual({
      workshopId: 'w1AbC_-x',
      kind: 'group',
      groupId: 'g9ZyX-_q',
      roundId: null,
    });
  });

  it('keeps the first round on the two-part name and puts a later round third (issue #17)', () => {
    expect(docNameFor('w1', 'g1', null)).toBe('w1.g1');
    expect(docNameFor('w1', 'g1', 'r2')).toBe('w1.g1.r2');
    expect(parseDocName('w1.g1.r2')).toEqual({ workshopId: 'w1', kind: 'group', groupId: 'g1', roundId: 'r2' });
  });

  it('reads back the plenary name as the plenary of its workshop', () => {
    expect(plenaryDocNameFor('w1')).toBe(`w1.${PLENARY_DOC_SUFFIX}`);
    expect(parseDocName(plenaryDocNameFor('w1'))).toEqual({ workshopId: 'w1', kind: 'plenary' });
  });

  it.each([
    '',
    'w1',
    'w1.',
    '.g1',
    'w1.g1.x.y',
    'w1.g1.',
    'w1.plenary.r2',
    'w1..g1',
    '..',
  ])('refuses %j, which no builder makes', (name) => {
    expect(parseDocName(name)).toBeNull();
  });
});
