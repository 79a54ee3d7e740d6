import {
  addCard,
  addPlenaryItem,
  type CreateWorkshopAnswer,
  listCards,
  listPlenaryItems,
  type ReportDraft,
  summaryFragment,
} from '@warsztat/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Cleanup } from '../helpers/cleanup.js';
import { connectControl, participantCommand } from '../helpers/control.js';
import { type Board, openBoard, roundTrip } from '../helpers/provider.js';
import { docxParagraphs, docxPart, downloadReport, pdfText } from '../helpers/reportFiles.js';
import { EXTRA_CARDS, seed000, summaryText, writeSummary } from '../helpers/seedWorkshop.js';
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
 * The report against a real server, on a workshop run like seed 000 through the public API:
 * the fixture's agenda, twenty participants of mixed organisation types (two agreed to be named),
 * five DI groups with rapporteurs, boards written by stock y-websocket providers (a card in every
 * section, a summary each), consolidated recommendations in the plenary doc with the room's votes.
 * Every format is downloaded the way the console does it, with the bearer token, and read back
 * with the tools a reader would use: unzip + the OOXML for DOCX, pdftotext for PDF, the import
 * endpoint for JSON.
 */
const cleanup = new Cleanup();
let t: TestServer;
let w: CreateWorkshopAnswer;
let annaToken = '';
const secrets: string[] = [];
const boards: Board[] = [];
const cardTexts: string[] = [];
const groupNames: string[] = [];
const NAMED = [0, 5];
const PLENARY = [
  'Regionalny program mieszkań wspomaganych',
  'Centra zdrowia psychicznego współpracujące z KIS i CIS',
  'Zlecać usługi opiekuńcze spółdzielniom socjalnym',
];

function download(format: string, token: string | null = w.facilitatorToken, id = w.id) {
  return downloadReport(t.url, id, format, token);
}

async function markdown(id = w.id, token = w.facilitatorToken): Promise<string> {
  const { status, bytes } = await download('md', token, id);
  expect(status).toBe(200);
  return bytes.toString('utf8');
}

beforeAll(async () => {
  t = await startTestServer(cleanup);
  const f = seed000.workshop;
  w = await createWorkshop(t.url, {
    title: f.title,
    template: 'di-5',
    date: f.date,
    venue: f.venue,
    organiser: f.organiser,
    timeZone: 'Europe/Warsaw',
    // The clause's settings travel with the export and the copy (issue #19).
    dataController: 'Marszałek Województwa Podlaskiego',
    privacyContact: 'iod@rops.example.pl',
    retentionDays: 730,
  });
  secrets.push(w.facilitatorToken, w.projectorToken, w.joinCode);
  await runCommand(t.url, w.id, w.facilitatorToken, {
    type: 'agenda',
    action: 'set',
    days: [
      {
        date: f.date,
        startsAt: '10:00',
        items: seed000.agenda.map(({ kind, title, minutes, speakers }) => ({ kind, title, minutes, speakers })),
      },
    ],
  });
  const joined = [];
  for (const [i, p] of seed000.participants.entries()) {
    const answer = await joinWorkshop(t.url, w.joinCode, p.name, {
      organisation: p.organisation,
      orgType: p.orgType,
      attendance: p.attendance,
      ...(NAMED.includes(i) ? { nameInReport: true } : {}),
    });
    secrets.push(answer.token);
    joined.push(answer);
  }
  annaToken = joined[0]?.token ?? '';
  await runCommand(t.url, w.id, w.facilitatorToken, { type: 'assign', mode: 'auto' });
  let state = await getWorkshop(t.url, w.id, w.facilitatorToken);
  secrets.push(state.coFacilitatorLink?.split('/').pop() ?? '');
  for (const g of state.groups) {
    const first = g.memberIds[0];
    if (first)
      await runCommand(t.url, w.id, w.facilitatorToken, { type: 'rapporteur', groupId: g.id, participantId: first });
  }
  state = await runCommand(t.url, w.id, w.facilitatorToken, { type: 'phase', to: 'breakout', minutes: 60 });

  for (const [i, g] of state.groups.entries()) {
    groupNames.push(g.name);
    const board = await openBoard(cleanup, t.port, g.docName, w.facilitatorToken);
    for (const card of seed000.cards.filter((c) => c.group === i)) {
      addCard(board.doc, { sectionId: card.section, text: card.text });
      cardTexts.push(card.text);
    }
    for (const [section, text] of Object.entries(EXTRA_CARDS)) {
      if (seed000.cards.some((c) => c.group === i && c.section === section)) continue;
      addCard(board.doc, { sectionId: section, text: `${text} (${i + 1})` });
      cardTexts.push(`${text} (${i + 1})`);
    }
    writeSummary(board.doc, summaryText(i));
    boards.push(board);
  }
  // Typed text stays text in every format.
  addCard((boards[0] as Board).doc, { sectionId: 'gaps', text: '<script>alert(1)</script>' });

  const plenary = await openBoard(cleanup, t.port, state.plenary.docName, w.facilitatorToken);
  const groupIds = state.groups.map((g) => g.id);
  const itemIds = PLENARY.map((text, i) => addPlenaryItem(plenary.doc, { text, sourceGroupId: groupIds[i] ?? null }));
  for (const board of [...boards, plenary]) await roundTrip(board);

  // Two participants vote for the first consolidated recommendation over their control sockets.
  await runCommand(t.url, w.id, w.facilitatorToken, { type: 'phase', to: 'plenary' });
  await runCommand(t.url, w.id, w.facilitatorToken, { type: 'plenary', action: 'settings', votingOpen: true });
  for (const p of joined.slice(0, 2)) {
    const control = await connectControl(cleanup, t.url, p.token);
    const answer = await participantCommand(control.socket, { type: 'vote', itemId: itemIds[0], delta: 1 });
    expect(answer.ok).toBe(true);
  }
});

afterAll(() => cleanup.run());

describe('report of a workshop run like seed 000', () => {
  it('reads like the seed in Markdown: narrative, split into five groups, every card, consolidated order', async () => {
    const md = await markdown();
    expect(md).toContain(
      `W dniu 24 listopada 2022 r. odbyło się spotkanie „${seed000.workshop.title}” (Białystok), zorganizowane przez: ${seed000.workshop.organiser}.`,
    );
    expect(md).toContain(
      'Następnie, o godz. 10:10, przedstawiono prezentację pt. „Statystyka w ekonomii społecznej” (Pracownik ROPS).',
    );
    expect(md).toContain('Uczestnicy zostali podzieleni na 5 grup: seniorzy, dzieci i młodzież');
    expect(md).toContain('W spotkaniu wzięło udział 20 osób.');
    for (const name of groupNames) expect(md).toContain(`\n### ${name}\n`);
    for (const text of cardTexts) expect(md).toContain(text);
    for (const i of [0, 1, 2, 3, 4]) expect(md).toContain(summaryText(i));
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // Consolidated order, the votes, and the group each came from.
    expect(md).toContain(`1. ${PLENARY[0]} _(2 głosy)_ — ${groupNames[0]}`);
    expect(md).toContain(`2. ${PLENARY[1]} — ${groupNames[1]}`);
    expect(md).toContain(`3. ${PLENARY[2]} — ${groupNames[2]}`);
    expect(md).toContain('Na sesji plenarnej uczestnicy uzgodnili 3 rekomendacje i ustalili ich kolejność.');
  });

  it('names only the participants who agreed at join, and shows the facilitator who agreed', async () => {
    const md = await markdown();
    seed000.participants.forEach((p, i) => {
      if (NAMED.includes(i)) expect(md).toContain(`${p.name} (${p.organisation})`);
      else expect(md).not.toContain(p.name);
    });
    const state = await getWorkshop(t.url, w.id, w.facilitatorToken);
    expect(state.participants.filter((p) => p.nameInReport).map((p) => p.name)).toEqual(
      NAMED.map((i) => seed000.participants[i]?.name),
    );
    const projector = await getWorkshop(t.url, w.id, w.projectorToken);
    expect(projector.participants.some((p) => 'nameInReport' in p)).toBe(false);
    expect(state.timeZone).toBe('Europe/Warsaw');
  });

  it('builds a DOCX whose document.xml has Word headings, the group names, the cards and tables', async () => {
    const { status, headers, bytes } = await download('docx');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const paragraphs = docxParagraphs(bytes);
    const withStyle = (style: string) => paragraphs.filter((p) => p.style === style).map((p) => p.text);
    expect(withStyle('Title')).toEqual([seed000.workshop.title]);
    expect(withStyle('Heading1')).toEqual([
      'Przebieg spotkania',
      'Program',
      'Uczestnicy',
      'Praca w grupach',
      'Rekomendacje',
      'Zakończenie',
    ]);
    expect(withStyle('Heading2')).toEqual(groupNames);
    expect(withStyle('Heading3').slice(0, 5)).toEqual([
      'Potrzeby',
      'Zasoby i obecne usługi',
      'Luki i bariery',
      'Rekomendacje',
      'Podsumowanie sprawozdawcy',
    ]);
    const all = paragraphs.map((p) => p.text);
    for (const text of cardTexts) expect(all.some((p) => p.startsWith(text))).toBe(true);
    expect(all).toContain('<script>alert(1)</script>');
    expect(all.some((p) => p.startsWith('Uczestnicy zostali podzieleni na 5 grup: seniorzy'))).toBe(true);
    // Tables: programme, participants by organisation type, consolidated recommendations.
    expect(docxPart(bytes, 'word/document.xml').match(/<w:tbl>/g)?.length).toBe(3);
    expect(all).toContain('Stowarzyszenie lub fundacja');
    expect(all).toContain(PLENARY[0]);
    // The styles the headings name exist, so Word shows them as headings (and in the outline).
    const styles = docxPart(bytes, 'word/styles.xml');
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3']) expect(styles).toContain(`w:styleId="${id}"`);
  });

  it('builds a PDF whose text (pdftotext) has the Polish headings, group names, cards and narrative', async () => {
    const { status, headers, bytes } = await download('pdf');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/pdf');
    // Line breaks fall where the page wraps: pdfText compares with whitespace collapsed.
    const text = pdfText(cleanup, bytes);
    for (const heading of [
      'Przebieg spotkania',
      'Program',
      'Uczestnicy',
      'Praca w grupach',
      'Rekomendacje',
      'Zakończenie',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('W dniu 24 listopada 2022 r. odbyło się spotkanie');
    expect(text).toContain('Uczestnicy zostali podzieleni na 5 grup: seniorzy');
    for (const name of groupNames) expect(text).toContain(name);
    for (const card of cardTexts) expect(text).toContain(card);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toMatch(/ąę|[ąćęłńóśźż]/);
    expect(text).toContain('Serdecznie dziękujemy wszystkim uczestnikom');
  });

  it('refuses without a token (401), with a bad one (401), other roles (403), unknown workshops (404), bad formats (400)', async () => {
    const code = async (answer: Promise<{ status: number; bytes: Buffer }>) => {
      const { status, bytes } = await answer;
      return [status, (JSON.parse(bytes.toString('utf8')) as { error: { code: string } }).error.code];
    };
    expect(await code(download('md', null))).toEqual([401, 'unauthorized']);
    expect(await code(download('md', 'not-a-token'))).toEqual([401, 'unauthorized']);
    expect(await code(download('md', w.projectorToken))).toEqual([403, 'forbidden']);
    expect(await code(download('md', annaToken))).toEqual([403, 'forbidden']);
    const other = await createWorkshop(t.url, { title: 'Inny warsztat' });
    expect(await code(download('md', other.facilitatorToken))).toEqual([403, 'forbidden']);
    expect(await code(download('md', w.facilitatorToken, 'no-such-workshop'))).toEqual([404, 'not_found']);
    expect(await code(download('html'))).toEqual([400, 'bad_request']);
    expect(await code(download('md&format=pdf'))).toEqual([400, 'bad_request']);
    expect(await code(download('html', null))).toEqual([401, 'unauthorized']);
    const noFormat = await api(t.url, 'GET', `/api/workshops/${w.id}/report`, { token: w.facilitatorToken });
    expect(noFormat.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
  });
});

describe('consent to be named', () => {
  it('can be withdrawn and given again by the participant at any time, also after the workshop closed', async () => {
    const small = await createWorkshop(t.url, { title: 'Zgody', date: '2022-11-24' });
    const ewa = await joinWorkshop(t.url, small.joinCode, 'Ewa Zgodna', { organisation: 'OPS', nameInReport: true });
    await joinWorkshop(t.url, small.joinCode, 'Jan Bezzgody');
    const md = () => markdown(small.id, small.facilitatorToken);
    expect(await md()).toContain('Ewa Zgodna (OPS)');
    expect(await md()).not.toContain('Jan Bezzgody');

    const control = await connectControl(cleanup, t.url, ewa.token);
    expect((await participantCommand(control.socket, { type: 'nameInReport', consent: false })).ok).toBe(true);
    expect(await md()).not.toContain('Ewa Zgodna');
    expect(await md()).toContain('Raport nie podaje nazwisk uczestników: nikt nie wyraził na to zgody.');
    // Her own state says so; other participants never see anyone's choice.
    const own = await control.waitForState((s) =>
      s.participants.some((p) => p.id === ewa.participantId && p.nameInReport === false),
    );
    expect(own.participants.filter((p) => p.id !== ewa.participantId).some((p) => 'nameInReport' in p)).toBe(false);

    await runCommand(t.url, small.id, small.facilitatorToken, { type: 'phase', to: 'closed' });
    expect((await participantCommand(control.socket, { type: 'nameInReport', consent: true })).ok).toBe(true);
    expect(await md()).toContain('Ewa Zgodna (OPS)');
    expect((await participantCommand(control.socket, { type: 'nameInReport', consent: 'yes' })).ok).toBe(false);
  });
});

describe('time zone of a workshop', () => {
  it('defaults to Europe/Warsaw, stores the canonical spelling and refuses what is no IANA zone', async () => {
    const plain = await createWorkshop(t.url, { title: 'Bez strefy' });
    expect((await getWorkshop(t.url, plain.id, plain.facilitatorToken)).timeZone).toBe('Europe/Warsaw');
    const lower = await createWorkshop(t.url, { title: 'Lisbon', timeZone: 'europe/lisbon' });
    expect((await getWorkshop(t.url, lower.id, lower.facilitatorToken)).timeZone).toBe('Europe/Lisbon');
    for (const timeZone of ['Mars/Olympus', '+01:00', 'x'.repeat(100)]) {
      const answer = await api<{ error: { code: string; message: string } }>(t.url, 'POST', '/api/workshops', {
        body: { title: 'Zła strefa', timeZone },
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toContain('timeZone');
    }
  });
});

describe('narrative editing', () => {
  it('serves the generated draft per part, keeps an edit across a restart, uses it, and restores the generated text', async () => {
    const draft = await api<ReportDraft>(t.url, 'GET', `/api/workshops/${w.id}/report/draft`, {
      token: w.facilitatorToken,
    });
    expect(draft.status).toBe(200);
    const parts = draft.body.parts;
    // The opening, one paragraph per agenda item (no breaks in this agenda), the split, the closing.
    expect(parts.map((p) => p.part.replace(/^item:.*/, 'item'))).toEqual([
      'intro',
      ...seed000.agenda.map(() => 'item'),
      'groups',
      'closing',
    ]);
    expect(parts.every((p) => !p.edited && p.text === p.generated)).toBe(true);
    const intro = parts[0];
    expect(intro?.generated).toMatch(/^W dniu 24 listopada 2022 r\./);

    const edited = 'Spotkanie otworzyła Pani Dyrektor ROPS, witając przybyłych gości.\n\nDrugi akapit.';
    const put = await api<ReportDraft>(t.url, 'PUT', `/api/workshops/${w.id}/report/narrative`, {
      token: w.facilitatorToken,
      body: { part: 'intro', text: edited },
    });
    expect(put.status).toBe(200);
    expect(put.body.parts[0]).toMatchObject({ part: 'intro', edited: true, text: edited });
    const item = parts[2]?.part ?? '';
    await api(t.url, 'PUT', `/api/workshops/${w.id}/report/narrative`, {
      token: w.facilitatorToken,
      body: { part: item, text: 'Pani Małgorzata Janczuk przedstawiła prezentację.' },
    });

    t = await t.restart();
    const md = await markdown();
    expect(md).toContain('Spotkanie otworzyła Pani Dyrektor ROPS, witając przybyłych gości.\n\nDrugi akapit.');
    expect(md).not.toContain('W dniu 24 listopada 2022 r. odbyło się');
    expect(md).toContain('Pani Małgorzata Janczuk przedstawiła prezentację.');

    const restored = await api<ReportDraft>(t.url, 'PUT', `/api/workshops/${w.id}/report/narrative`, {
      token: w.facilitatorToken,
      body: { part: 'intro', text: null },
    });
    expect(restored.body.parts[0]).toMatchObject({ edited: false, text: intro?.generated });
    expect(await markdown()).toContain('W dniu 24 listopada 2022 r. odbyło się');
  });

  it('refuses unknown parts, oversized text and other roles, and changes nothing', async () => {
    const put = (body: unknown, token = w.facilitatorToken) =>
      api<{ error: { code: string } }>(t.url, 'PUT', `/api/workshops/${w.id}/report/narrative`, { token, body });
    expect((await put({ part: 'item:no-such-item', text: 'x' })).status).toBe(404);
    expect((await put({ part: 'bogus', text: 'x' })).status).toBe(400);
    expect((await put({ part: 'intro', text: 'x'.repeat(5_001) })).status).toBe(400);
    expect((await put({ part: 'intro', text: 'x', extra: 1 })).status).toBe(400);
    expect((await put({ part: 'intro', text: 'x' }, w.projectorToken)).status).toBe(403);
    expect((await put({ part: 'intro', text: 'x' }, annaToken)).status).toBe(403);
    const draft = await api<ReportDraft>(t.url, 'GET', `/api/workshops/${w.id}/report/draft`, {
      token: w.facilitatorToken,
    });
    expect(draft.body.parts[0]?.edited).toBe(false);
  });
});

describe('JSON export and import', () => {
  interface BackupJson {
    format: string;
    exportedAt: string;
    workshop: Record<string, unknown> & { id: string; control: Record<string, unknown>; createdAt: number };
    boards: { groupId: string; update: string }[];
    plenary?: string;
    report: Record<string, unknown> & { generatedAt: string };
  }

  async function exportJson(id: string, token: string): Promise<BackupJson> {
    const { status, bytes } = await download('json', token, id);
    expect(status).toBe(200);
    return JSON.parse(bytes.toString('utf8')) as BackupJson;
  }

  /** A board's content as data: cards (id, section, text, rank, votes) and the summary's XML. */
  function boardContent(update: string) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(update, 'base64'));
    return { cards: listCards(doc), summary: summaryFragment(doc).toString(), plenary: listPlenaryItems(doc) };
  }

  /**
   * What must be equal after export → import → export: everything but the workshop's id, its
   * creation and last-activity times, the export time and the report's "generated at" line; the boards compared by
   * content. The runtime state the import resets (timer, spotlight, recall, help requests) is
   * compared to its reset value by the caller.
   */
  function comparable(b: BackupJson) {
    const { id: _id, createdAt: _createdAt, timer: _timer, spotlightGroupId: _s, ...workshop } = b.workshop;
    // The last activity is the import's own time, like `createdAt`.
    const { helpRequests: _h, recallEndsAt: _r, lastActivityAt: _l, ...control } = b.workshop.control;
    const { generatedAt: _g, ...report } = b.report;
    return {
      workshop: { ...workshop, control },
      boards: b.boards.map((x) => ({ groupId: x.groupId, ...boardContent(x.update) })),
      plenary: b.plenary === undefined ? null : boardContent(b.plenary).plenary,
      report,
    };
  }

  it('holds no token or join code, and re-creates the boards in a fresh Y.Doc', async () => {
    const backup = await exportJson(w.id, w.facilitatorToken);
    const text = JSON.stringify(backup);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(backup.format).toBe('warsztat-backup');
    expect(backup.boards).toHaveLength(5);
    const restored = backup.boards.map((b) => boardContent(b.update));
    expect(restored.flatMap((r) => r.cards.map((c) => c.text))).toEqual(expect.arrayContaining(cardTexts));
    expect(boardContent(backup.plenary ?? '').plenary.map((i) => i.text)).toEqual(PLENARY);
  });

  it('imports into a new workshop (new id, tokens and join code) whose export equals the original', async () => {
    const before = await exportJson(w.id, w.facilitatorToken);
    const imported = await api<CreateWorkshopAnswer>(t.url, 'POST', '/api/workshops/import', { body: before });
    expect(imported.status).toBe(201);
    const copy = imported.body;
    expect(copy.id).not.toBe(w.id);
    expect(copy.joinCode).not.toBe(w.joinCode);
    expect(copy.facilitatorToken).not.toBe(w.facilitatorToken);
    expect(copy.links.facilitator).toBe(`${t.url}/f/${copy.facilitatorToken}`);
    // The old console cannot reach the copy, and the copy's link works.
    expect((await download('md', w.facilitatorToken, copy.id)).status).toBe(403);
    const state = await getWorkshop(t.url, copy.id, copy.facilitatorToken);
    expect(state.timer).toEqual({ endsAt: null, pausedRemainingMs: null });
    expect(state.helpRequests).toEqual([]);

    const after = await exportJson(copy.id, copy.facilitatorToken);
    expect(after.workshop.id).toBe(copy.id);
    expect(after.workshop.control.privacy).toEqual({
      dataController: 'Marszałek Województwa Podlaskiego',
      privacyContact: 'iod@rops.example.pl',
      retentionDays: 730,
    });
    expect(state.privacy.retentionDays).toBe(730);
    expect(comparable(after)).toEqual(comparable(before));
    // The same report, word for word, but for the time it was generated.
    const withoutTime = (md: string) => md.replace(/_Raport wygenerowano: [^_]+_/, '');
    expect(withoutTime(await markdown(copy.id, copy.facilitatorToken))).toBe(withoutTime(await markdown()));

    // New participants join the copy with its own code; nobody can act as an imported participant.
    expect((await joinWorkshop(t.url, copy.joinCode, 'Nowa Osoba')).participantId).toBeTruthy();
    expect((await download('md', annaToken, copy.id)).status).toBe(403);
  });

  it('refuses what is not an export, a broken board, a board of no group, and a file over the import limit', async () => {
    const before = await exportJson(w.id, w.facilitatorToken);
    const post = (body: unknown) =>
      api<{ error: { code: string; message: string } }>(t.url, 'POST', '/api/workshops/import', { body });
    const notBackup = await post({ format: 'something-else', version: 1 });
    expect(notBackup.status).toBe(400);
    expect(notBackup.body.error.code).toBe('bad_request');
    const broken = await post({
      ...before,
      boards: [
        { groupId: before.boards[0]?.groupId, update: Buffer.from('not a Yjs update at all').toString('base64') },
      ],
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toContain('boards.0.update');
    const strangeGroup = await post({ ...before, boards: [{ groupId: 'nope', update: before.boards[0]?.update }] });
    expect(strangeGroup.status).toBe(400);
    const huge = await post({ ...before, padding: 'x'.repeat(21 * 1_048_576) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('too_large');
    // Other routes keep the small limit.
    const big = await api(t.url, 'POST', '/api/workshops', { body: { title: 'x', venue: 'y'.repeat(20_000) } });
    expect(big.status).toBe(413);
  });
});
