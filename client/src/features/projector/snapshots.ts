import {
  type Card,
  cardsBySection,
  listPlenaryItems,
  type PlenaryItem,
  readSummaryForDisplay,
  type SummaryBlock,
} from '@warsztat/shared';
import type * as Y from 'yjs';

/**
 * Readers for `useDocSnapshot`: module-level (stable identity), each turning a doc into the plain
 * value one projector screen draws.
 */
export interface BoardSnapshot {
  bySection: Map<string, Card[]>;
  summary: SummaryBlock[];
  /** A legacy summary too deep to read as blocks: shown as flat text with a note (issue #14). */
  summaryTooDeep: boolean;
}

export function readBoard(doc: Y.Doc): BoardSnapshot {
  const { blocks, tooDeep } = readSummaryForDisplay(doc);
  return { bySection: cardsBySection(doc), summary: blocks, summaryTooDeep: tooDeep };
}

export function readCounts(doc: Y.Doc): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [sectionId, cards] of cardsBySection(doc)) counts[sectionId] = cards.length;
  return counts;
}

export function readPlenaryItems(doc: Y.Doc): PlenaryItem[] {
  return listPlenaryItems(doc);
}
