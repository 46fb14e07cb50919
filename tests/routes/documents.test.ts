// /api/documents through app.inject on the real corpus: upload PDFs built in the test, search and cite them, replace, delete, refuse bad files.
import { randomBytes } from 'node:crypto';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getActionDetail } from '../../src/actions/action-service.js';
import { isVerbatim } from '../../src/answer/citations.js';
import { getDocumentPassages } from '../../src/repositories/passages-repository.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const UPLOAD_MAX_BYTES = 64 * 1024;
const ADVICE_ID = 'advies-vluchtelingen-en-werk';
const ADVICE_TITLE = 'Advies vluchtelingen en werk';
const LABEL = (n: number) => `${ADVICE_TITLE} (2016), aanbeveling ${n}`;
const HEADER = 'SERV – Commissie Diversiteit – Advies vluchtelingen en werk';
const LEFT = 56;
const SIZE = 11;
const LEADING = 14;

let t: TestApp;
let actionListId: string;

beforeAll(async () => {
  t = await buildTestApp({ config: { UPLOAD_MAX_BYTES } });
  actionListId = t.runtime.corpus.actionListId() as string;
});
afterAll(async () => t?.close());

// ---------------------------------------------------------------------------------------------------------------
// Test documents

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

function writeLines(page: PDFPage, fonts: Fonts, top: number, lines: string[]): number {
  let y = top;
  for (const line of lines) {
    if (line !== '') {
      const bold = /^(?:\d+ \p{Lu}|Aanbeveling \d+$)/u.test(line);
      page.drawText(line, { x: LEFT, y, size: SIZE, font: bold ? fonts.bold : fonts.regular });
    }
    y -= LEADING;
  }
  return y;
}

function furniture(page: PDFPage, fonts: Fonts, pageNumber: number): void {
  if (pageNumber > 1) page.drawText(HEADER, { x: LEFT, y: 800, size: 9, font: fonts.regular });
  page.drawText(String(pageNumber), { x: 290, y: 30, size: 9, font: fonts.regular });
}

/**
 * An advice on three pages: a running header and page numbers, a footnote with its superscript marker,
 * words hyphenated across lines, and numbered recommendations that share words with the action list
 * (Actie 19 is about a partial or conditional recognition of foreign diplomas). `changed` rewrites
 * recommendation 3 and adds a fourth.
 */
async function advicePdf(options: { changed?: boolean } = {}): Promise<Buffer> {
  const document = await PDFDocument.create();
  const fonts = { regular: await document.embedFont(StandardFonts.Helvetica), bold: await document.embedFont(StandardFonts.HelveticaBold) };

  const first = document.addPage([595, 842]);
  first.drawText(ADVICE_TITLE, { x: LEFT, y: 780, size: 18, font: fonts.bold });
  writeLines(first, fonts, 750, [
    'Brussel, 4 juli 2016',
    '',
    '1 Inleiding',
    '',
    'De Commissie Diversiteit volgt de arbeidsmarktpositie van vluchtelingen op de voet. Dit advies',
    'bundelt aanbevelingen voor een snellere toeleiding naar werk en voor het bemiddelings-',
    'en activeringsbeleid.',
  ]);
  furniture(first, fonts, 1);

  const second = document.addPage([595, 842]);
  furniture(second, fonts, 2);
  let y = writeLines(second, fonts, 760, ['2 Aanbevelingen', '']);
  const before = 'Vluchtelingen hebben vaak een diploma';
  second.drawText(before, { x: LEFT, y, size: SIZE, font: fonts.regular });
  const markerX = LEFT + fonts.regular.widthOfTextAtSize(before, SIZE);
  second.drawText('1', { x: markerX, y: y + 4, size: 7, font: fonts.regular });
  second.drawText(' dat in Vlaanderen niet erkend is. Zonder erkenning blijft hun', {
    x: markerX + fonts.regular.widthOfTextAtSize('1', 7),
    y,
    size: SIZE,
    font: fonts.regular,
  });
  y -= LEADING;
  writeLines(second, fonts, y, [
    'arbeidsmarkt-',
    'participatie laag, ook bij wie hooggeschoold is.',
    '',
    'Aanbeveling 1',
    'Start de opleiding Nederlands voor vluchtelingen zo snel mogelijk na de erkenning.',
    '',
    'Aanbeveling 2',
    'Erken buitenlandse diploma’s van vluchtelingen sneller via een gedeeltelijke of voorwaardelijke',
    'erkenning, zodat zij al kunnen starten in een job.',
  ]);
  second.drawLine({ start: { x: LEFT, y: 100 }, end: { x: 200, y: 100 }, thickness: 0.5, color: rgb(0, 0, 0) });
  second.drawText('1 NARIC Vlaanderen (2015). Jaarverslag erkenningen.', { x: LEFT, y: 86, size: 8, font: fonts.regular });

  const third = document.addPage([595, 842]);
  furniture(third, fonts, 3);
  writeLines(third, fonts, 760, [
    'Aanbeveling 3',
    options.changed ? 'Betrek werkgevers en sectorfondsen bij mentorprojecten voor vluchtelingen.' : 'Betrek werkgevers bij de trajecten voor vluchtelingen.',
    ...(options.changed ? ['', 'Aanbeveling 4', 'Evalueer de snellere diplomaprocedure voor vluchtelingen na twee jaar.'] : []),
    '',
    '3 Slot',
    '',
    'De commissie blijft het beleid voor vluchtelingen opvolgen.',
  ]);
  return Buffer.from(await document.save());
}

async function emptyPdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.addPage([595, 842]);
  return Buffer.from(await document.save());
}

interface Part {
  name: string;
  value?: string;
  file?: { name: string; data: Buffer; type?: string };
}

function multipart(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----actiewijzer${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = part.file ? `form-data; name="${part.name}"; filename="${part.file.name}"` : `form-data; name="${part.name}"`;
    const type = part.file ? `\r\nContent-Type: ${part.file.type ?? 'application/octet-stream'}` : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`));
    chunks.push(part.file ? part.file.data : Buffer.from(part.value ?? ''));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = (name: string, data: Buffer, fields: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/documents',
    ...multipart([...Object.entries(fields).map(([field, value]) => ({ name: field, value })), { name: 'file', file: { name, data } }]),
  });

interface DocumentSummary {
  id: string;
  title: string;
  kind: string;
  publisher: string | null;
  date: string | null;
  origin: string;
  version: number;
  passages: number;
}

async function documents(): Promise<DocumentSummary[]> {
  const response = await t.app.inject({ method: 'GET', url: '/api/documents' });
  expect(response.statusCode).toBe(200);
  return response.json<{ documents: DocumentSummary[] }>().documents;
}

/** What must not change when an upload is refused. */
async function snapshot(): Promise<{ documents: DocumentSummary[]; passages: number; embeddings: number }> {
  const { rows } = await t.runtime.db.pool.query<{ passages: number; embeddings: number }>(
    'select (select count(*) from passages)::int as passages, (select count(*) from embeddings)::int as embeddings',
  );
  return { documents: await documents(), passages: rows[0]?.passages ?? -1, embeddings: rows[0]?.embeddings ?? -1 };
}

interface SearchResult {
  id: string;
  document: string;
  kind: string;
  action: number | null;
  number: number | null;
  label: string | null;
  text: string;
}

async function search(q: string, k = 10): Promise<SearchResult[]> {
  const response = await t.app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}&k=${k}` });
  expect(response.statusCode).toBe(200);
  return response.json<{ results: SearchResult[] }>().results;
}

interface Citation {
  action: number | null;
  section: string | null;
  quote: string;
  document: string;
  version?: number;
  number?: number | null;
  label?: string | null;
}

// ---------------------------------------------------------------------------------------------------------------

describe('GET /api/documents', () => {
  it('lists the corpus documents, the action list first', async () => {
    const list = await documents();
    expect(list[0]).toMatchObject({ id: actionListId, kind: 'action-list', origin: 'corpus', version: 1 });
    expect(list[0]?.passages).toBeGreaterThan(60);
    expect(list.every((document) => document.origin === 'corpus')).toBe(true);
  });
});

describe('an uploaded advice', () => {
  let conversationId = '';

  it('is imported from a PDF and listed as an upload', async () => {
    const response = await upload('advies vluchtelingen.pdf', await advicePdf());
    expect(response.statusCode).toBe(201);
    const { document } = response.json<{ document: { id: string; title: string; kind: string; passages: number; version: number } }>();
    // Three recommendations, the introduction, the findings before them, the closing text and the footnote.
    expect(document).toMatchObject({ id: ADVICE_ID, title: ADVICE_TITLE, kind: 'advice', version: 1 });
    expect(document.passages).toBeGreaterThanOrEqual(5);

    const listed = (await documents()).find((entry) => entry.id === ADVICE_ID);
    expect(listed).toMatchObject({ origin: 'upload', date: '2016-07-04', version: 1, passages: document.passages });
  });

  it('is stored without page furniture, with joined hyphenation and its footnote', async () => {
    const passages = await getDocumentPassages(t.runtime.db.pool, ADVICE_ID);
    const text = passages.map((passage) => passage.text).join('\n');
    expect(text).not.toContain(HEADER);
    expect(text).toContain('Zonder erkenning blijft hun arbeidsmarktparticipatie laag');
    expect(text).toContain('het bemiddelings- en activeringsbeleid');
    expect(passages.find((passage) => passage.kind === 'note')?.text).toBe('NARIC Vlaanderen (2015). Jaarverslag erkenningen.');
    expect(passages.filter((passage) => passage.kind === 'action').map((passage) => [passage.number, passage.label])).toEqual([
      [1, LABEL(1)],
      [2, LABEL(2)],
      [3, LABEL(3)],
    ]);
    // Items of another document never pose as actions of the list.
    expect(passages.every((passage) => passage.action === null && passage.actions.length === 0)).toBe(true);
  });

  it('is found by search, with its own numbering and label', async () => {
    const results = await search('voorwaardelijke erkenning diploma’s vluchtelingen');
    const hit = results.find((result) => result.document === ADVICE_ID && result.kind === 'action');
    expect(hit).toMatchObject({ number: 2, label: LABEL(2), action: null });
    expect(hit?.text).toContain('gedeeltelijke of voorwaardelijke erkenning');
    // The action list's own diploma action is found next to it, as an action of the list.
    expect(results.find((result) => result.action === 19)).toMatchObject({ document: actionListId, number: null });
  });

  it('is cited by its label next to action numbers, without mixing up the documents', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/ask',
      payload: { question: 'Wat zegt het advies over vluchtelingen over een voorwaardelijke erkenning van buitenlandse diploma’s?', mode: 'extractive' },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ answer: string; citations: Citation[]; refused: boolean; conversationId: string }>();
    conversationId = body.conversationId;
    expect(body.refused).toBe(false);
    expect(body.answer).toContain(`[${LABEL(2)}]`);
    expect(body.answer).toMatch(/\(Actie \d+\)/);

    const adviceCitations = body.citations.filter((citation) => citation.action === null);
    const actionCitations = body.citations.filter((citation) => citation.action !== null);
    expect(adviceCitations).toContainEqual(
      expect.objectContaining({ document: ADVICE_ID, number: 2, label: LABEL(2), version: 1 }),
    );
    expect(actionCitations.length).toBeGreaterThan(0);
    for (const citation of actionCitations) {
      expect(citation).toMatchObject({ document: actionListId, version: 1, label: null, number: null });
      expect(citation.action).toBeGreaterThanOrEqual(1);
      expect(citation.action).toBeLessThanOrEqual(60);
    }

    // Every quoted sentence comes from the document its tag names.
    const advicePassages = await getDocumentPassages(t.runtime.db.pool, ADVICE_ID);
    const lines = body.answer.split('\n').filter((line) => line.startsWith('- “'));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      const match = /^- “(.+)” (.+)$/.exec(line);
      expect(match, line).not.toBeNull();
      const [, sentence, tag] = match as RegExpExecArray;
      const label = /^\[(.+)\]$/.exec(tag as string)?.[1];
      if (label) {
        expect(label.startsWith(ADVICE_TITLE) || label.startsWith('Juridisch kader'), line).toBe(true);
        if (label.startsWith(ADVICE_TITLE)) {
          const source = advicePassages.filter((passage) => passage.label === label || label === `${ADVICE_TITLE} (2016)`);
          expect(source.some((passage) => isVerbatim(sentence as string, passage.text)), line).toBe(true);
        }
        continue;
      }
      const action = Number(/Actie (\d+)\)$/.exec(tag as string)?.[1]);
      const detail = await getActionDetail(t.runtime.db.pool, actionListId, action);
      expect(detail, line).not.toBeNull();
      const texts = [detail!.text, ...detail!.context.map((block) => block.text), ...detail!.notes.map((note) => note.text)];
      expect(texts.some((text) => isVerbatim(sentence as string, text)), line).toBe(true);
    }
  });

  it('is replaced in one go by a changed upload with the same id (version 2)', async () => {
    const before = await getDocumentPassages(t.runtime.db.pool, ADVICE_ID);
    const response = await upload('advies-v2.pdf', await advicePdf({ changed: true }), { id: ADVICE_ID });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ document: { id: ADVICE_ID, version: 2 } });

    const after = await getDocumentPassages(t.runtime.db.pool, ADVICE_ID);
    expect(after.filter((passage) => passage.kind === 'action').map((passage) => passage.number)).toEqual([1, 2, 3, 4]);
    expect(after.map((passage) => passage.text).join('\n')).not.toContain('Betrek werkgevers bij de trajecten voor vluchtelingen.');
    expect(after.length).toBe(before.length + 1);
    expect((await documents()).filter((entry) => entry.id === ADVICE_ID)).toEqual([
      expect.objectContaining({ version: 2, passages: after.length }),
    ]);

    const results = await search('snellere diplomaprocedure evalueren');
    expect(results.find((result) => result.document === ADVICE_ID && result.number === 4)).toMatchObject({ label: LABEL(4) });
  });

  it('re-uploading the identical file keeps the version', async () => {
    const response = await upload('advies-v2.pdf', await advicePdf({ changed: true }), { id: ADVICE_ID });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ document: { id: ADVICE_ID, version: 2 } });
  });

  it('leaves earlier conversations readable, with the version they cited', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/conversations/${conversationId}` });
    expect(response.statusCode).toBe(200);
    const citations = response.json<{ turns: { citations: Citation[] }[] }>().turns[0]?.citations ?? [];
    expect(citations).toContainEqual(expect.objectContaining({ document: ADVICE_ID, label: LABEL(2), version: 1 }));
  });

  it('is deleted with its passages, and old conversations still read back', async () => {
    const baseline = (await documents()).filter((entry) => entry.id !== ADVICE_ID);
    const response = await t.app.inject({ method: 'DELETE', url: `/api/documents/${ADVICE_ID}` });
    expect(response.statusCode).toBe(204);
    expect(await documents()).toEqual(baseline);
    expect(await getDocumentPassages(t.runtime.db.pool, ADVICE_ID)).toEqual([]);
    expect((await search('voorwaardelijke erkenning diploma’s vluchtelingen')).some((result) => result.document === ADVICE_ID)).toBe(false);

    const again = await t.app.inject({ method: 'DELETE', url: `/api/documents/${ADVICE_ID}` });
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ error: { code: 'DOCUMENT_NOT_FOUND' } });

    const conversation = await t.app.inject({ method: 'GET', url: `/api/conversations/${conversationId}` });
    expect(conversation.statusCode).toBe(200);
  });
});

describe('documents from corpus/', () => {
  it('cannot be deleted through the API', async () => {
    const before = await snapshot();
    const response = await t.app.inject({ method: 'DELETE', url: `/api/documents/${actionListId}` });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: { code: 'DOCUMENT_READ_ONLY', message: expect.stringContaining('corpusmap') } });
    expect(await snapshot()).toEqual(before);
  });

  it('keep their id: an upload cannot take it', async () => {
    const before = await snapshot();
    const response = await upload('advies.pdf', await advicePdf(), { id: 'positieve-actie-kader' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: { code: 'DOCUMENT_ID_TAKEN', message: expect.stringContaining('positieve-actie-kader') } });
    expect(await snapshot()).toEqual(before);
  });
});

describe('refused uploads change nothing', () => {
  const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(2000)]);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2000)]);

  const cases: { name: string; status: number; code: string; send: () => Promise<Awaited<ReturnType<typeof upload>>> }[] = [
    { name: 'a corrupt PDF', status: 422, code: 'UNPROCESSABLE_DOCUMENT', send: async () => upload('kapot.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(3000)])) },
    { name: 'random bytes named .pdf', status: 422, code: 'UNPROCESSABLE_DOCUMENT', send: async () => upload('advies.pdf', randomBytes(3000)) },
    { name: 'a PDF without text', status: 422, code: 'UNPROCESSABLE_DOCUMENT', send: async () => upload('scan.pdf', await emptyPdf()) },
    { name: 'an empty text file', status: 422, code: 'UNPROCESSABLE_DOCUMENT', send: async () => upload('leeg.txt', Buffer.from('  \n\n ')) },
    { name: 'a .docx', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', send: async () => upload('advies.docx', docx) },
    { name: 'an image named .txt', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', send: async () => upload('advies.txt', png) },
    { name: 'an image', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', send: async () => upload('scan.png', png) },
    {
      name: 'an oversized file',
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      send: async () => upload('groot.txt', Buffer.from(`Groot advies\n\n${'De commissie vraagt meer aandacht voor werk. '.repeat(2000)}`)),
    },
    {
      name: 'a form without the file field',
      status: 400,
      code: 'BAD_REQUEST',
      send: async () => t.app.inject({ method: 'POST', url: '/api/documents', ...multipart([{ name: 'title', value: 'Advies zonder bestand' }]) }),
    },
    { name: 'an invalid date', status: 400, code: 'BAD_REQUEST', send: async () => upload('advies.pdf', await advicePdf(), { date: 'gisteren' }) },
    {
      name: 'a JSON body',
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      send: async () => t.app.inject({ method: 'POST', url: '/api/documents', payload: { file: 'advies.pdf' } }),
    },
  ];

  it.each(cases)('$name → $status', async ({ status, code, send }) => {
    const before = await snapshot();
    const response = await send();
    expect(response.statusCode).toBe(status);
    const body = response.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe(code);
    // Dutch for people, not a library's English.
    expect(body.error.message).toMatch(/\b(het|de|een|is|niet|bestand|geen|te)\b/);
    expect(await snapshot()).toEqual(before);
  });

  it('accepts the same kind of file under the limit', async () => {
    // Guards the case above: the same advice fits when it is under UPLOAD_MAX_BYTES.
    const response = await upload('klein.txt', Buffer.from(`Klein advies over werk\n\n${'De commissie vraagt meer aandacht voor werk. '.repeat(20)}`));
    expect(response.statusCode).toBe(201);
    const { document } = response.json<{ document: { id: string } }>();
    expect((await t.app.inject({ method: 'DELETE', url: `/api/documents/${document.id}` })).statusCode).toBe(204);
  });
});

describe('Markdown uploads in corpus format', () => {
  it('are taken as they are', async () => {
    const markdown = [
      '---',
      'id: nota-mentoring',
      'title: Nota mentoring op de werkvloer',
      'short: Nota mentoring',
      'date: 2021',
      'kind: advice',
      'itemLabel: Punt',
      '---',
      '',
      '# Punten',
      '',
      '#### Punt 1',
      'Koppel elke nieuwe werknemer met een migratie-achtergrond aan een mentor op de werkvloer.',
      '',
    ].join('\n');
    const response = await upload('nota.md', Buffer.from(markdown));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ document: { id: 'nota-mentoring', kind: 'advice' } });
    const results = await search('mentor op de werkvloer nieuwe werknemer');
    expect(results.find((result) => result.document === 'nota-mentoring')).toMatchObject({ number: 1, label: 'Nota mentoring (2021), punt 1' });
    expect((await t.app.inject({ method: 'DELETE', url: '/api/documents/nota-mentoring' })).statusCode).toBe(204);
  });

  it('refuse a second action list', async () => {
    const before = await snapshot();
    const markdown = ['---', 'id: tweede-lijst', 'title: Actielijst bis', 'kind: action-list', '---', '', '#### Actie 1', 'Doe iets.', ''].join('\n');
    const response = await upload('lijst.md', Buffer.from(markdown));
    expect(response.statusCode).toBe(422);
    expect(await snapshot()).toEqual(before);
  });
});

describe('footnotes that name an uploaded advice', () => {
  it('link to it from GET /api/actions/:n', async () => {
    const text = [
      'Laaggeschoolde vrouwen met een migratie-achtergrond',
      '',
      'Brussel, 23 mei 2019',
      '',
      'Aanbeveling 1',
      'Zorg voor kinderopvang tijdens de opleiding.',
      '',
    ].join('\n');
    const response = await upload('advies-vrouwen.txt', Buffer.from(text));
    expect(response.statusCode).toBe(201);
    const { document } = response.json<{ document: { id: string; title: string } }>();
    expect(document.title).toBe('Laaggeschoolde vrouwen met een migratie-achtergrond');

    const action = await t.app.inject({ method: 'GET', url: '/api/actions/14' });
    expect(action.statusCode).toBe(200);
    const notes = action.json<{ notes: { number: number; documents: { id: string; title: string }[] }[] }>().notes;
    expect(notes.find((note) => note.number === 31)?.documents).toEqual([{ id: document.id, title: document.title }]);

    const other = await t.app.inject({ method: 'GET', url: '/api/actions/13' });
    expect(other.json<{ notes: { documents: unknown[] }[] }>().notes.every((note) => note.documents.length === 0)).toBe(true);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/documents/${document.id}` })).statusCode).toBe(204);
  });
});
