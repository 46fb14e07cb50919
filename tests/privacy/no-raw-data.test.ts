// End to end on in-memory PGlite with a scripted model: personal data asked through /api/ask, /api/search, the chat socket and feedback never reaches the logs or the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatTurn, LlmClient } from '../../src/answer/llm.js';
import { PLACEHOLDERS } from '../../src/privacy/redact.js';
import { chatSocket, type ChatSocket } from '../helpers/chat-socket.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const RAW = {
  email: 'fatima.benali@voorbeeld.be',
  phone: '0485 11 22 33',
  internationalPhone: '+32 (0)9 123 45 67',
  nationalNumber: '90.02.14-123.45',
  iban: 'BE68 5390 0754 7034',
  address: 'Kerkstraat 12',
  addressWithPostcode: 'Meir 1, 2000 Antwerpen',
};
const PERSONAL = Object.values(RAW).join(', ');
const QUESTION = `Mijn klant (${PERSONAL}) heeft een diploma uit Marokko. Welke acties gaan over de erkenning van buitenlandse diploma’s?`;
// While set, the scripted model fails with an error that quotes personal data from its input, as a model server might.
let modelFails = false;

/** The forms a value may take in a log line or a row: as typed, without separators, and URL-encoded. */
function forms(value: string): string[] {
  return [value, value.replace(/[\s./()-]/g, ''), encodeURIComponent(value), value.replace(/ /g, '+')];
}

/** A model that quotes the personal data back in a cited answer, and records what it was shown. */
function scriptedModel(seen: string[]): LlmClient {
  const reply = (messages: ChatTurn[]) => {
    const prompt = messages.map((message) => message.content).join('\n');
    seen.push(prompt);
    if (modelFails) throw new Error(`model kon "${RAW.email}" en "${RAW.nationalNumber}" niet verwerken (${RAW.iban})`);
    const allowed = /Toegestane actienummers: ([\d, ]+)\./.exec(prompt)?.[1]?.split(',').map((n) => Number(n.trim())) ?? [];
    const action = allowed.includes(19) ? 19 : (allowed[0] ?? 19);
    return `Voor je klant (${RAW.email}, ${RAW.phone}, ${RAW.iban}, ${RAW.address}) is de erkenning van buitenlandse diploma’s belangrijk (Actie ${action}).`;
  };
  return {
    model: 'gescript',
    status: async () => ({ available: true, model: 'gescript' }),
    async *stream(messages) {
      yield reply(messages);
    },
    complete: async (messages) => reply(messages),
  };
}

let t: TestApp;
const logLines: string[] = [];
const modelSaw: string[] = [];

beforeAll(async () => {
  t = await buildTestApp({
    llm: scriptedModel(modelSaw),
    config: { ANSWER_MODE: 'auto' },
    logger: { level: 'info', stream: { write: (line: string) => void logLines.push(line) } },
  });

  const ask = await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION, mode: 'llm' } });
  expect(ask.statusCode).toBe(200);
  const { conversationId, turnId } = ask.json();

  modelFails = true;
  const failing = await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } });
  expect(failing.statusCode).toBe(200);
  modelFails = false;

  const search = await t.app.inject({ url: `/api/search?q=${encodeURIComponent(QUESTION.slice(0, 450))}&k=3` });
  expect(search.statusCode).toBe(200);
  await t.app.inject({ url: `/bestaat-niet/${encodeURIComponent(RAW.email)}/${RAW.phone.replace(/ /g, '')}` });

  let chat: ChatSocket | undefined;
  await t.app.injectWS('/api/chat', {}, { onInit: (ws) => (chat = chatSocket(ws)) });
  chat?.send({ type: 'ask', question: QUESTION, mode: 'llm' });
  expect((await chat?.next('done', 'error'))?.type).toBe('done');
  modelFails = true;
  chat?.send({ type: 'ask', question: QUESTION, mode: 'llm' });
  expect((await chat?.next('done', 'error'))?.type).toBe('error');
  modelFails = false;
  chat?.socket.close();
  await chat?.closed;

  const feedback = await t.app.inject({
    method: 'POST',
    url: '/api/feedback',
    payload: { conversationId, turnId, helpful: false, comment: `Bel me terug op ${RAW.phone} of mail ${RAW.email}.`, question: QUESTION, answer: `Stort op ${RAW.iban}.` },
  });
  expect(feedback.statusCode).toBe(201);
});

afterAll(async () => {
  await t?.close();
});

describe('no raw personal data at rest', () => {
  it('let the model see the raw question (it runs locally)', () => {
    expect(modelSaw.some((prompt) => prompt.includes(RAW.email) && prompt.includes(RAW.nationalNumber))).toBe(true);
  });

  it('keeps it out of the log output, including error logs and URLs', () => {
    const log = logLines.join('');
    // The capture works and the requests were logged, so the absence below means something.
    expect(log).toContain('/api/search?q=[weggelaten]&k=[weggelaten]');
    expect(log).toContain('/api/ask');
    expect(log).toContain('model failed, answering extractively');
    expect(log).toContain('chat answer failed');
    expect(log).toContain(PLACEHOLDERS.email);
    for (const [kind, value] of Object.entries(RAW)) {
      for (const form of forms(value)) expect(log.includes(form), `${kind} as "${form}" in the log`).toBe(false);
    }
    expect(log).not.toContain('Welke acties gaan over de erkenning');
  });

  it('keeps it out of the turns and the feedback, which hold placeholders instead', async () => {
    const turns = (await t.runtime.db.pool.query<{ row: string }>('select t::text as row from turns t')).rows.map((r) => r.row).join('\n');
    const feedback = (await t.runtime.db.pool.query<{ row: string }>('select f::text as row from feedback f')).rows.map((r) => r.row).join('\n');
    expect(turns).toContain(PLACEHOLDERS.email);
    expect(turns).toContain(PLACEHOLDERS.nationalNumber);
    expect(feedback).toContain(PLACEHOLDERS.phone);
    expect(feedback).toContain(PLACEHOLDERS.iban);
    // The model's answer quoted the data back; the stored answer does not.
    const answers = (await t.runtime.db.pool.query<{ answer: string }>('select answer from turns')).rows.map((r) => r.answer);
    expect(answers.some((answer) => answer.includes(PLACEHOLDERS.iban) && answer.includes('(Actie'))).toBe(true);
    for (const [kind, value] of Object.entries(RAW)) {
      for (const form of forms(value)) {
        expect(turns.includes(form), `${kind} as "${form}" in turns`).toBe(false);
        expect(feedback.includes(form), `${kind} as "${form}" in feedback`).toBe(false);
      }
    }
  });
});
