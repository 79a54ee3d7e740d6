import { generateKeyBetween } from 'fractional-indexing';
import { uuidv4 } from 'lib0/random';
import * as Y from 'yjs';

/**
 * Board schema (DESIGN §1), one Y.Doc per group:
 *   doc.getMap('cards'): cardId → Y.Map { sectionId, text: Y.Text, rank, color, authorId, createdAt, votes: Y.Map }
 *   doc.getXmlFragment('summary'): the rapporteur's rich text.
 * Cards sort by sectionId, rank, id — there is no order array, so concurrent moves merge.
 * Every reader here is defensive: a card written by another client with missing or odd keys is
 * skipped or defaulted, never fatal.
 */
export const CARDS_KEY = 'cards';
export const SUMMARY_KEY = 'summary';

export const CARD_COLORS = ['yellow', 'blue', 'green', 'pink', 'white'] as const;
export type CardColor = (typeof CARD_COLORS)[number];

export const MAX_CARD_TEXT = 2_000;
/** Same bound as `MAX_VOTES_PER_CARD` in votes.ts (kept here to avoid an import cycle). */
const MAX_VOTES_PER_CARD_READ = 99;

export interface Card {
  id: string;
  sectionId: string;
  text: string;
  rank: string;
  color: CardColor;
  authorId: string | null;
  createdAt: number;
  /** Total dots on the card (each participant's count clamped by the reader). */
  votes: number;
  /** Dots per participant id; who voted is visible to the UI only as the viewer's own count. */
  votesBy: Record<string, number>;
}

export function cardsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(CARDS_KEY);
}

function readCard(id: string, value: unknown): Card | null {
  if (!(value instanceof Y.Map)) return null;
  const sectionId = value.get('sectionId');
  if (typeof sectionId !== 'string') return null;
  const text = value.get('text');
  const rank = value.get('rank');
  const color = value.get('color');
  const authorId = value.get('authorId');
  const createdAt = value.get('createdAt');
  const votes = value.get('votes');
  let voteCount = 0;
  const votesBy: Record<string, number> = {};
  if (votes instanceof Y.Map) {
    for (const [who, v] of votes.entries()) {
      if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) continue;
      const n = Math.min(Math.floor(v), MAX_VOTES_PER_CARD_READ);
      votesBy[who] = n;
      voteCount += n;
    }
  }
  return {
    id,
    sectionId,
    text: text instanceof Y.Text ? text.toString() : typeof text === 'string' ? text : '',
    rank: typeof rank === 'string' ? rank : '',
    color: CARD_COLORS.includes(color as CardColor) ? (color as CardColor) : 'yellow',
    authorId: typeof authorId === 'string' ? authorId : null,
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
    votes: voteCount,
    votesBy,
  };
}

function compareCards(a: Card, b: Card): number {
  if (a.sectionId !== b.sectionId) return a.sectionId < b.sectionId ? -1 : 1;
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** All readable cards in board order. */
export function listCards(doc: Y.Doc): Card[] {
  const out: Card[] = [];
  cardsMap(doc).forEach((value, id) => {
    const card = readCard(id, value);
    if (card) out.push(card);
  });
  return out.sort(compareCards);
}

/** Cards grouped by section id, each list in rank order. */
export function cardsBySection(doc: Y.Doc): Map<string, Card[]> {
  const bySection = new Map<string, Card[]>();
  for (const card of listCards(doc)) {
    const list = bySection.get(card.sectionId);
    if (list) list.push(card);
    else bySection.set(card.sectionId, [card]);
  }
  return bySection;
}

export function getCard(doc: Y.Doc, id: string): Card | null {
  return readCard(id, cardsMap(doc).get(id));
}

/** A rank strictly between two neighbours; tolerates invalid ranks written by foreign clients. */
function rankBetween(before: string | null, after: string | null): string {
  try {
    return generateKeyBetween(before, after);
  } catch {
    try {
      return generateKeyBetween(before, null);
    } catch {
      return generateKeyBetween(null, null);
    }
  }
}

/** The highest valid rank in a section, in one pass (no sort: adding to a 5,000-card board stays cheap). */
function lastRank(doc: Y.Doc, sectionId: string): string | null {
  let last: string | null = null;
  cardsMap(doc).forEach((value) => {
    if (!(value instanceof Y.Map) || value.get('sectionId') !== sectionId) return;
    const rank = value.get('rank');
    if (typeof rank === 'string' && rank !== '' && (last === null || rank > last)) last = rank;
  });
  return last;
}

function newCardId(): string {
  return uuidv4();
}

export interface NewCard {
  sectionId: string;
  text?: string;
  color?: CardColor;
  authorId?: string | null;
  now?: number;
}

/** Appends a card at the end of its section; returns its id. */
export function addCard(doc: Y.Doc, card: NewCard): string {
  const id = newCardId();
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    const text = new Y.Text();
    text.insert(0, (card.text ?? '').slice(0, MAX_CARD_TEXT));
    map.set('sectionId', card.sectionId);
    map.set('text', text);
    map.set('rank', rankBetween(lastRank(doc, card.sectionId), null));
    map.set('color', card.color ?? 'yellow');
    map.set('authorId', card.authorId ?? null);
    map.set('createdAt', card.now ?? Date.now());
    map.set('votes', new Y.Map<number>());
    cardsMap(doc).set(id, map);
  });
  return id;
}

/**
 * Replaces a card's text with the smallest edit (common prefix and suffix kept), so two people
 * typing in different parts of the same card both keep their words.
 */
export function setCardText(doc: Y.Doc, id: string, next: string): void {
  const map = cardsMap(doc).get(id);
  if (map instanceof Y.Map) setTextMinimally(map, next.slice(0, MAX_CARD_TEXT));
}

/**
 * Sets the `text` (a Y.Text) of an item map to `value` with the smallest edit: only what lies
 * between the common prefix and suffix is deleted and inserted. Cards and plenary items share it.
 */
export function setTextMinimally(map: Y.Map<unknown>, value: string): void {
  const doc = map.doc;
  const apply = () => {
    let text = map.get('text');
    if (!(text instanceof Y.Text)) {
      text = new Y.Text();
      map.set('text', text);
    }
    const ytext = text as Y.Text;
    const current = ytext.toString();
    if (current === value) return;
    let start = 0;
    const maxStart = Math.min(current.length, value.length);
    while (start < maxStart && current[start] === value[start]) start++;
    let endCur = current.length;
    let endNext = value.length;
    while (endCur > start && endNext > start && current[endCur - 1] === value[endNext - 1]) {
      endCur--;
      endNext--;
    }
    if (endCur > start) ytext.delete(start, endCur - start);
    if (endNext > start) ytext.insert(start, value.slice(start, endNext));
  };
  if (doc) doc.transact(apply);
  else apply();
}

export function setCardColor(doc: Y.Doc, id: string, color: CardColor): void {
  const map = cardsMap(doc).get(id);
  if (map instanceof Y.Map) map.set('color', color);
}

export function deleteCard(doc: Y.Doc, id: string): void {
  cardsMap(doc).delete(id);
}

/**
 * Moves a card into `sectionId` right before `beforeId` (or to the end when null). Only the
 * card's own `sectionId` and `rank` change, so a concurrent move of the same card resolves to
 * one of the two and never duplicates it.
 */
export function moveCard(doc: Y.Doc, id: string, sectionId: string, beforeId: string | null = null): void {
  const map = cardsMap(doc).get(id);
  if (!(map instanceof Y.Map)) return;
  const siblings = listCards(doc).filter((c) => c.sectionId === sectionId && c.id !== id);
  const index = beforeId === null ? siblings.length : siblings.findIndex((c) => c.id === beforeId);
  const at = index < 0 ? siblings.length : index;
  const prev = siblings[at - 1]?.rank || null;
  const next = siblings[at]?.rank || null;
  doc.transact(() => {
    map.set('sectionId', sectionId);
    map.set('rank', rankBetween(prev, next));
  });
}
