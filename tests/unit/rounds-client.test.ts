import { SECTION_PRESETS, SectionsCommand, type WorkshopState } from '@warsztat/shared';
import { describe, expect, it } from 'vitest';
import { strayLabel } from '../../client/src/features/board/strayLabel.js';
import {
  boardInRound,
  earlierBoardsOf,
  knownSectionsOf,
  projectorRound,
} from '../../client/src/features/rounds/roundState.js';
import { draftOf, emptySection, toCommandSections } from '../../client/src/features/rounds/sectionDraft.js';

/**
 * Issue #17, the console's side: what the sections editor sends is what the server's schema
 * accepts, presets keep both languages until edited, and every screen finds a round's board.
 */
describe('the sections draft', () => {
  it('sends a preset with both languages, an edited label as one text, and passes the schema', () => {
    const draft = draftOf(SECTION_PRESETS['problem-tree'].sections, 'pl');
    expect(draft.map((s) => s.label)).toEqual(['Przyczyny', 'Problem', 'Skutki']);
    const edited = draft.map((s, i) => (i === 1 ? { ...s, label: 'Problem główny', prompt: '  Co boli?  ' } : s));
    const sent = toCommandSections([...edited, { ...emptySection(edited), label: 'Pomysły' }], 'pl');
    expect(sent).toEqual([
      { id: 'causes', label: { pl: 'Przyczyny', en: 'Causes' } },
      { id: 'problem', label: 'Problem główny', prompt: 'Co boli?' },
      { id: 'effects', label: { pl: 'Skutki', en: 'Effects' } },
      { id: 'section-4', label: 'Pomysły' },
    ]);
    expect(SectionsCommand.safeParse({ type: 'sections', groupId: null, sections: sent }).success).toBe(true);
  });

  it('never gives a new section an id the draft already has', () => {
    const draft = draftOf(
      [
        { id: 'section-2', label: { pl: 'A', en: 'A' } },
        { id: 'section-3', label: { pl: 'B', en: 'B' } },
      ],
      'en',
    );
    expect(emptySection(draft).id).toBe('section-4');
  });
});

describe('a round’s board', () => {
  const sections = SECTION_PRESETS.di.sections;
  const workshop = {
    currentRoundId: 'r2',
    rounds: [
      { id: 'r1', title: 'Diagnoza', startedAt: 1 },
      { id: 'r2', title: 'Rekomendacje', startedAt: 2 },
    ],
    projector: { roundId: 'r1' },
    sections,
  } as unknown as WorkshopState;
  const group = {
    id: 'g1',
    docName: 'w.g1.r2',
    sections,
    boards: [
      { roundId: 'r1', docName: 'w.g1', sections: SECTION_PRESETS['problem-tree'].sections },
      { roundId: 'r2', docName: 'w.g1.r2', sections },
    ],
  } as unknown as WorkshopState['groups'][number];

  it('finds each round’s board with the sections it had, the current one by default', () => {
    expect(boardInRound(workshop, group, null)?.docName).toBe('w.g1.r2');
    expect(boardInRound(workshop, group, 'r1')?.sections.map((s) => s.id)).toEqual(['causes', 'problem', 'effects']);
    expect(boardInRound(workshop, group, 'r9')).toBeNull();
    expect(earlierBoardsOf(workshop, group).map((b) => [b.docName, b.round?.n])).toEqual([['w.g1', 1]]);
    expect(projectorRound(workshop)?.title).toBe('Diagnoza');
  });
});

describe('cards of a section no longer listed', () => {
  const t = ((key: string, options?: { name?: string }) =>
    key === 'board.otherSectionOf' ? `Inne: ${options?.name}` : 'Inne') as unknown as Parameters<typeof strayLabel>[4];

  it('are headed by the former label when known, by the id when several are unknown, else "Inne"', () => {
    const former = knownSectionsOf({ sections: SECTION_PRESETS.di.sections, groups: [] } as unknown as WorkshopState);
    expect(strayLabel('needs', former, 2, 'pl', t)).toBe('Inne: Potrzeby');
    expect(strayLabel('causes', former, 1, 'en', t)).toBe('Inne: Causes');
    expect(strayLabel('x-1', former, 2, 'pl', t)).toBe('Inne: x-1');
    expect(strayLabel('x-1', former, 1, 'pl', t)).toBe('Inne');
  });
});
