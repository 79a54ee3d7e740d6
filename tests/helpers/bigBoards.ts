import { cardsMap } from '@warsztat/shared';
import * as Y from 'yjs';

/**
 * Large but legal content for the CPU-fairness checks of issue #14: a board of many short cards
 * (the costliest shape to decode and to report, per byte), built directly rather than through
 * `addCard`, whose rank look-up scans every card and would make building it quadratic.
 */
export function cardHeavyBoard(
  bytes: number,
  sections: readonly string[] = ['needs', 'barriers', 'ideas'],
): Uint8Array {
  const doc = new Y.Doc();
  const cards = cardsMap(doc);
  let made = 0;
  const addBatch = (count: number) =>
    doc.transact(() => {
      for (let end = made + count; made < end; made++) {
        const card = new Y.Map<unknown>();
        const text = new Y.Text();
        text.insert(0, `Karta ${made}: potrzebne wsparcie asystenta osobistego w gminie`);
        card.set('sectionId', sections[made % sections.length]);
        card.set('text', text);
        card.set('rank', `a${made.toString(36).padStart(6, '0')}`);
        card.set('color', 'yellow');
        card.set('authorId', null);
        card.set('createdAt', 1_760_000_000_000 + made);
        card.set('votes', new Y.Map<number>());
        cards.set(`card-${made}`, card);
      }
    });
  // Measure one batch, then add the rest in one go (encoding a growing doc each step is quadratic).
  addBatch(1_000);
  const perCard = Y.encodeStateAsUpdate(doc).byteLength / made;
  addBatch(Math.max(0, Math.floor(bytes / perCard) - made));
  return Y.encodeStateAsUpdate(doc);
}

/** A JSON backup (protocol/report.ts `Backup`) of about `bytes`, its boards full of short cards. */
export function bigBackup(exported: { boards: unknown[]; workshop: { groups: Array<{ id: string }> } }, bytes: number) {
  const groups = exported.workshop.groups;
  // Base64 grows a board by 4/3; spread the bytes over the groups like a real, busy workshop.
  const perBoard = Math.floor((bytes * 3) / 4 / groups.length);
  const board = Buffer.from(cardHeavyBoard(perBoard)).toString('base64');
  return { ...exported, boards: groups.map((g) => ({ groupId: g.id, update: board })) };
}
