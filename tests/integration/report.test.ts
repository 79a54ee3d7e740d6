import { addCard, castVote, listCards, summaryFragment } from '@warsztat/shared';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Cleanup } from '../helpers/cleanup.js';
import { type Board, openBoard, roundTrip, textsOf } from '../helpers/provider.js';
import {
  api,
  createWorkshop,
  getWorkshop,
  joinWorkshop,
  runCommand,
  startTestServer,
  type TestServer,
} from '../helpers/server.js';

/**
 * `GET /api/workshops/:id/report` against a real server: boards written by stock y-websocket
 * providers (a participant on her own board, the facilitator on another), then every format
 * downloaded the way the console does it, with the bearer token.
 */
const cleanup = new Cleanup();
let t: TestServer;
let workshopId = '';
let facilitatorToken = '';
let projectorToken = '';
let coFacilitatorToken = '';
let annaToken = '';
const secrets: string[] = [];
const boards: Board[] = [];

async function download(
  format: string,
  token: string | null = facilitatorToken,
  id = workshopId,
): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(`${t.url}/api/workshops/${id}/report?format=${format}`, {
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

beforeAll(async () => {
  t = await startTestServer(cleanup);
  const w = await createWorkshop(t.url, {
    title: 'Plan DI — powiat łomżyński',
    template: 'di-5',
    date: '2022-11-24',
    venue: 'Białystok',
    organiser: 'ROPS w Białymstoku',
  });
  workshopId = w.id;
  facilitatorToken = w.facilitatorToken;
  projectorToken = w.projectorToken;
  const anna = await joinWorkshop(t.url, w.joinCode, 'Anna Kowalska', { orgType: 'ops', attendance: 'onsite' });
  const bartek = await joinWorkshop(t.url, w.joinCode, 'Bartek Nowak', { orgType: 'ngo', attendance: 'online' });
  await joinWorkshop(t.url, w.joinCode, 'Celina Wiśniewska', { orgType: 'ops', attendance: 'onsite' });
  annaToken = anna.token;
  secrets.push(w.facilitatorToken, w.projectorToken, anna.token, bartek.token, w.joinCode);
  await runCommand(t.url, w.id, w.facilitatorToken, { type: 'assign', mode: 'auto' });
  let state = await getWorkshop(t.url, w.id, w.facilitatorToken);
  coFacilitatorToken = state.coFacilitatorLink?.split('/').pop() ?? '';
  secrets.push(coFacilitatorToken);
  const annasGroup = state.groups.find((g) => g.memberIds.includes(anna.participantId));
  const lastGroup = state.groups.at(-1);
  if (!annasGroup || !lastGroup || annasGroup === lastGroup) throw new Error('unexpected assignment');
  await runCommand(t.url, w.id, w.facilitatorToken, {
    type: 'rapporteur',
    groupId: annasGroup.id,
    participantId: anna.participantId,
  });
  state = await runCommand(t.url, w.id, w.facilitatorToken, { type: 'phase', to: 'breakout', minutes: 30 });

  const annas = await openBoard(cleanup, t.port, annasGroup.docName, anna.token);
  addCard(annas.doc, { sectionId: 'needs', text: 'Asystencja osobista w każdej gminie' });
  addCard(annas.doc, { sectionId: 'gaps', text: '<script>alert(1)</script>' });
  const training = addCard(annas.doc, { sectionId: 'recommendations', text: 'Mieszkania treningowe' });
  castVote(annas.doc, training, anna.participantId, 1, 5);
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  summaryFragment(annas.doc).insert(0, [paragraph]);
  text.insert(0, 'Grupa wskazała potrzebę usług środowiskowych.');

  const facilitators = await openBoard(cleanup, t.port, lastGroup.docName, w.facilitatorToken);
  const centres = addCard(facilitators.doc, { sectionId: 'recommendations', text: 'Centra usług społecznych' });
  for (const voter of ['v1', 'v2', 'v3']) castVote(facilitators.doc, centres, voter, 1, 5);
  addCard(facilitators.doc, { sectionId: 'recommendations', text: 'Klauzule społeczne w zamówieniach' });

  // Everything each provider sent has been handled by the server once its round trip answers.
  await roundTrip(annas);
  await roundTrip(facilitators);
  boards.push(annas, facilitators);
});

afterAll(() => cleanup.run());

describe('workshop report', () => {
  it('serves Markdown with the header, the cards, counts without names and ranked recommendations', async () => {
    const { status, headers, bytes } = await download('md');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(headers.get('content-disposition')).toBe(
      'attachment; filename="warsztat-2022-11-24-plan-di-powiat-lomzynski.md"',
    );
    expect(headers.get('cache-control')).toBe('no-store');
    const md = bytes.toString('utf8');
    expect(md).toContain('# Plan DI — powiat łomżyński');
    expect(md).toContain('- **Miejsce:** Białystok');
    expect(md).toContain('- Asystencja osobista w każdej gminie');
    expect(md).toContain('- &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).not.toContain('<script>');
    expect(md).toContain('Sprawozdawca: Anna Kowalska');
    expect(md).toContain('Grupa wskazała potrzebę usług środowiskowych.');
    expect(md).toContain('- Ośrodek pomocy społecznej: 2');
    expect(md).toContain('- Stowarzyszenie lub fundacja: 1');
    expect(md).toContain('- Online: 1');
    // Only the rapporteur is named.
    expect(md).not.toContain('Bartek');
    expect(md).not.toContain('Celina');
    const ranked = md.slice(md.indexOf('## Rekomendacje według liczby głosów'));
    expect(ranked).toMatch(/1\. Centra usług społecznych _\(3 głosy\)_ — /);
    expect(ranked).toMatch(/2\. Mieszkania treningowe _\(1 głos\)_ — /);
    expect(ranked).toMatch(/3\. Klauzule społeczne w zamówieniach — /);
  });

  it('lets a co-facilitator download it too', async () => {
    expect((await download('md', coFacilitatorToken)).status).toBe(200);
  });

  it('exports JSON whose boards re-create the same cards and summary in a fresh Y.Doc, and holds no token', async () => {
    const { status, headers, bytes } = await download('json');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = bytes.toString('utf8');
    for (const secret of secrets) expect(text).not.toContain(secret);
    const backup = JSON.parse(text) as {
      format: string;
      workshop: { id: string; groups: { id: string }[]; joinCode?: string };
      boards: { groupId: string; update: string }[];
      report: { recommendations: { text: string }[] };
    };
    expect(backup.format).toBe('warsztat-backup');
    expect(backup.workshop.id).toBe(workshopId);
    expect(backup.workshop.joinCode).toBeUndefined();
    expect(backup.boards.map((b) => b.groupId)).toEqual(backup.workshop.groups.map((g) => g.id));
    expect(backup.report.recommendations.map((r) => r.text)).toEqual([
      'Centra usług społecznych',
      'Mieszkania treningowe',
      'Klauzule społeczne w zamówieniach',
    ]);
    const restored = backup.boards.map((b) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Buffer.from(b.update, 'base64'));
      return doc;
    });
    const restoredTexts = restored.map((doc) => listCards(doc).map((c) => `${c.sectionId}:${c.text}`));
    for (const board of boards) expect(restoredTexts).toContainEqual(textsOf(board));
    const summaries = restored.map((doc) => summaryFragment(doc).toString());
    expect(summaries.join('')).toContain('Grupa wskazała potrzebę usług środowiskowych.');
  });

  it('builds a DOCX (a zip with word/document.xml)', async () => {
    const { status, headers, bytes } = await download('docx');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(headers.get('content-disposition')).toContain('.docx"');
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    // Zip entry names are stored uncompressed in the central directory.
    expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
  });

  it('builds a PDF whose text layer has the Polish card text', async () => {
    const { status, headers, bytes } = await download('pdf');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/pdf');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const parser = new PDFParse({ data: new Uint8Array(bytes) });
    try {
      const { text } = await parser.getText();
      expect(text).toContain('Asystencja osobista w każdej gminie');
      expect(text).toContain('Rekomendacje według liczby głosów');
      expect(text).toContain('<script>alert(1)</script>');
    } finally {
      await parser.destroy();
    }
  });

  it('refuses without a token (401), with a bad one (401), other roles (403), unknown workshops (404), bad formats (400)', async () => {
    const code = async (answer: Promise<{ status: number; bytes: Buffer }>) => {
      const { status, bytes } = await answer;
      return [status, (JSON.parse(bytes.toString('utf8')) as { error: { code: string } }).error.code];
    };
    expect(await code(download('md', null))).toEqual([401, 'unauthorized']);
    expect(await code(download('md', 'not-a-token'))).toEqual([401, 'unauthorized']);
    expect(await code(download('md', projectorToken))).toEqual([403, 'forbidden']);
    expect(await code(download('md', annaToken))).toEqual([403, 'forbidden']);
    const other = await createWorkshop(t.url, { title: 'Inny warsztat' });
    expect(await code(download('md', other.facilitatorToken))).toEqual([403, 'forbidden']);
    expect(await code(download('md', facilitatorToken, 'no-such-workshop'))).toEqual([404, 'not_found']);
    expect(await code(download('html'))).toEqual([400, 'bad_request']);
    expect(await code(download('md&format=pdf'))).toEqual([400, 'bad_request']);
    // A refusal is checked before the format: a bad format reveals nothing to a stranger.
    expect(await code(download('html', null))).toEqual([401, 'unauthorized']);
    const noFormat = await api(t.url, 'GET', `/api/workshops/${workshopId}/report`, { token: facilitatorToken });
    expect(noFormat.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
  });
});
