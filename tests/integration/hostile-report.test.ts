import { addCard, castVote } from '@warsztat/shared';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Cleanup } from '../helpers/cleanup.js';
import { duringAttack, expectFriendEditsSurvive, hostileRoom } from '../helpers/hostile.js';
import { waitFor } from '../helpers/poll.js';
import { openBoard } from '../helpers/provider.js';
import { api } from '../helpers/server.js';

/**
 * Issue #14, "report content": one U+FFFE in a card made the DOCX invalid XML (Word refuses the
 * file), and the report counted every key of a card's `votes` map, so one writer could invent 50
 * voters and put its own card first. Now the DOCX gets only XML 1.0 characters, the Markdown no
 * control characters, and only the workshop's participants' votes count, each within the budget.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

const POISON = 'Karta\uFFFE z\u0000 zatrutym\u0007 tekstem\u001B[2J';

describe('a hostile participant writing into the report', () => {
  it('keeps the DOCX valid XML and the Markdown free of control characters; counts only real votes', async () => {
    const room = await hostileRoom(cleanup);
    const { slowestMs } = await duringAttack(room.server.url, async () => {
      const attacker = await openBoard(cleanup, room.server.port, room.docName, room.attacker);
      const friend = await openBoard(cleanup, room.server.port, room.docName, room.friend);
      addCard(attacker.doc, { sectionId: 'recommendations', text: POISON });
      const fake = addCard(attacker.doc, { sectionId: 'recommendations', text: 'Karta z wymyślonymi głosami' });
      // Fifty voters who are not in the workshop, written straight into the CRDT.
      const card = attacker.doc.getMap('cards').get(fake) as Y.Map<unknown>;
      const votes = new Y.Map<number>();
      card.set('votes', votes);
      for (let i = 0; i < 50; i++) votes.set(`fake-${i}`, 99);
      const honest = addCard(friend.doc, { sectionId: 'recommendations', text: 'Uczciwa karta' });
      await waitFor(() => attacker.doc.getMap('cards').has(honest));
      castVote(friend.doc, honest, room.friendId, 1, 5);
      castVote(friend.doc, honest, room.friendId, 1, 5);
      await waitFor(async () => (await markdown(room)).includes('Uczciwa karta _(2 głosy)_'), 10_000, 'votes reported');
    });
    expect(slowestMs).toBeLessThan(1_000);

    const md = await markdown(room);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is that none are left.
    expect(md).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/);
    expect(md).toContain('Karta z zatrutym');
    // The invented voters count for nothing: the honest card ranks first.
    expect(md).not.toMatch(/wymyślonymi głosami _\(/);
    expect(md.indexOf('Uczciwa karta')).toBeLessThan(md.indexOf('Karta z wymyślonymi głosami'));

    const docx = await fetch(`${room.server.url}/api/workshops/${room.workshopId}/report?format=docx`, {
      headers: { authorization: `Bearer ${room.facilitatorToken}` },
    });
    expect(docx.status).toBe(200);
    const files = unzipSync(new Uint8Array(await docx.arrayBuffer()));
    const xml = Buffer.from(files['word/document.xml'] ?? new Uint8Array()).toString('utf8');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 allows none of these.
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(xml).toContain('Karta z zatrutym');
    await expectFriendEditsSurvive(cleanup, room, 'po zatrutym raporcie');
  }, 120_000);
});

async function markdown(room: { server: { url: string }; workshopId: string; facilitatorToken: string }) {
  const answer = await api(room.server.url, 'GET', `/api/workshops/${room.workshopId}/report?format=md`, {
    token: room.facilitatorToken,
  });
  expect(answer.status).toBe(200);
  return answer.text;
}
