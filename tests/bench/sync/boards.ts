import { addCard, CARD_COLORS, DI_SECTIONS } from '@warsztat/shared';
import * as Y from 'yjs';

const PHRASES = [
  'Brak mieszkań treningowych dla osób opuszczających instytucje',
  'Asystencja osobista dostępna także w weekendy',
  'Centrum usług społecznych koordynuje wsparcie w gminie',
  'Za mało specjalistów psychiatrii dzieci i młodzieży w powiecie',
  'Wolontariat sąsiedzki dla seniorów mieszkających samotnie',
  'Transport door-to-door dla osób z niepełnosprawnościami',
];

/**
 * A board as a facilitator's group would fill it, built with the shared board schema (cards spread
 * over the DI sections, Polish text, authors, colours): the same Yjs content for every server.
 * Returned as updates of at most `perUpdate` cards, so each stays under every server's message cap.
 */
export function boardUpdates(cards: number, seed: number, perUpdate = 500): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = 1_000 + seed;
  const updates: Uint8Array[] = [];
  let batch: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => batch.push(u));
  for (let i = 0; i < cards; i += perUpdate) {
    doc.transact(() => {
      for (let j = i; j < Math.min(cards, i + perUpdate); j++) {
        const section = DI_SECTIONS[j % DI_SECTIONS.length];
        addCard(doc, {
          sectionId: section?.id ?? 'needs',
          text: `${PHRASES[j % PHRASES.length]} (${seed}/${j})`,
          color: CARD_COLORS[j % CARD_COLORS.length] ?? 'yellow',
          authorId: `participant-${j % 20}`,
          now: 1_732_000_000_000 + j * 1000,
        });
      }
    });
    updates.push(Y.mergeUpdates(batch));
    batch = [];
  }
  doc.destroy();
  return updates;
}
