import { addCard, castVote, clearVotes, getCard, votesOn, votesUsed } from '@warsztat/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('dot voting', () => {
  it('counts votes per participant and refuses a vote past the budget', () => {
    const doc = new Y.Doc();
    const a = addCard(doc, { sectionId: 'needs', text: 'Transport' });
    const b = addCard(doc, { sectionId: 'needs', text: 'Asystencja' });
    expect(castVote(doc, a, 'p1', 1, 3)).toBe('ok');
    expect(castVote(doc, a, 'p1', 1, 3)).toBe('ok');
    expect(castVote(doc, b, 'p1', 1, 3)).toBe('ok');
    expect(castVote(doc, b, 'p1', 1, 3)).toBe('over-budget');
    expect(votesUsed(doc, 'p1')).toBe(3);
    expect(votesOn(doc, a, 'p1')).toBe(2);
    expect(getCard(doc, a)?.votes).toBe(2);
    expect(getCard(doc, a)?.votesBy).toEqual({ p1: 2 });
  });

  it('takes a vote back and never goes below zero', () => {
    const doc = new Y.Doc();
    const a = addCard(doc, { sectionId: 'needs' });
    castVote(doc, a, 'p1', 1, 5);
    expect(castVote(doc, a, 'p1', -1, 5)).toBe('ok');
    expect(castVote(doc, a, 'p1', -1, 5)).toBe('none-left');
    expect(getCard(doc, a)?.votes).toBe(0);
  });

  it('merges concurrent votes of two participants on the same card', () => {
    const one = new Y.Doc();
    const two = new Y.Doc();
    const card = addCard(one, { sectionId: 'gaps', text: 'Brak mieszkań' });
    sync(one, two);
    castVote(one, card, 'anna', 1, 5);
    castVote(two, card, 'piotr', 1, 5);
    castVote(two, card, 'piotr', 1, 5);
    sync(one, two);
    expect(getCard(one, card)?.votes).toBe(3);
    expect(getCard(two, card)?.votesBy).toEqual({ anna: 1, piotr: 2 });
  });

  it('ignores garbage written by a foreign client and clamps absurd counts', () => {
    const doc = new Y.Doc();
    const card = addCard(doc, { sectionId: 'needs' });
    const votes = (doc.getMap('cards').get(card) as Y.Map<unknown>).get('votes') as Y.Map<unknown>;
    votes.set('x', 'lots');
    votes.set('y', -3);
    votes.set('z', 1e9);
    expect(getCard(doc, card)?.votes).toBe(99);
    expect(castVote(doc, 'missing', 'p', 1, 5)).toBe('no-card');
  });

  it('clears every vote on the board', () => {
    const doc = new Y.Doc();
    const a = addCard(doc, { sectionId: 'needs' });
    castVote(doc, a, 'p1', 1, 5);
    clearVotes(doc);
    expect(votesUsed(doc, 'p1')).toBe(0);
  });
});
