// The model path against a scripted Ollama server: good answers, bad citations repaired or replaced, failures handled.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOllamaClient } from '../../src/answer/llm.js';
import { startFakeOllama, type ChatRequestBody, type FakeOllama } from '../helpers/fake-ollama.js';
import { collectGarbage } from '../helpers/gc.js';
import { buildAppOn, buildTestApp, type TestApp } from '../helpers/test-app.js';

const MODEL = 'qwen2.5:3b';
let ollama: FakeOllama;
let t: TestApp;
const counters = { repaired: 0, fellBack: [] as string[], refused: [] as string[] };

function client(host: string, overrides: Partial<Parameters<typeof createOllamaClient>[0]> = {}) {
  return createOllamaClient({ host, model: MODEL, timeoutMs: 5_000, connectTimeoutMs: 1_000, numCtx: 8192, numPredict: 400, ...overrides });
}

/** The allowed numbers the service put in the prompt, so scripted answers can cite a given action. */
function allowedIn(body: ChatRequestBody): number[] {
  const prompt = body.messages.map((message) => message.content).join('\n');
  const line = /Toegestane actienummers: ([\d, ]+)\./.exec(prompt) ?? /ALLEEN deze actienummers gebruiken: ([\d, ]+)\./.exec(prompt);
  return (line?.[1] ?? '').split(',').map((n) => Number(n.trim())).filter(Boolean);
}

beforeAll(async () => {
  ollama = await startFakeOllama({ models: [MODEL] });
  // Count what the service reports, as the metrics plugin does.
  const metrics = {
    refused: (reason: string) => counters.refused.push(reason),
    repaired: () => (counters.repaired += 1),
    fellBack: (reason: string) => counters.fellBack.push(reason),
    answered: () => undefined,
  };
  t = await buildTestApp({ llm: client(ollama.url), metrics });
});
afterAll(async () => {
  await t?.close();
  await ollama?.close();
});
afterEach(() => {
  ollama.setDefaultChat(() => ({ kind: 'answer', content: 'Geen script.' }));
});

async function ask(question: string, mode?: 'auto' | 'llm' | 'extractive') {
  const response = await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question, ...(mode ? { mode } : {}) } });
  return { status: response.statusCode, body: response.json() };
}

describe('with a model', () => {
  it('streams the model answer, sends the context size and answer cap, and returns checked citations', async () => {
    ollama.setDefaultChat((body) => ({ kind: 'answer', content: `Een gedeeltelijke erkenning van diploma’s laat toe sneller te starten (Actie ${allowedIn(body).includes(19) ? 19 : allowedIn(body)[0]}).` }));
    const { status, body } = await ask('erkenning buitenlandse diploma’s');
    expect(status).toBe(200);
    expect(body.mode).toBe('llm');
    expect(body.refused).toBe(false);
    expect(body.answer).toContain('(Actie 19)');
    expect(body.citations[0]).toMatchObject({ action: 19, section: '3.3.2' });
    const chat = ollama.requests.filter((request) => request.path === '/api/chat').at(-1)?.body as ChatRequestBody;
    expect(chat.model).toBe(MODEL);
    expect(chat.options).toMatchObject({ num_ctx: 8192, num_predict: 400 });
    expect(chat.messages[0]?.content).toMatch(/Gebruik alleen informatie uit de fragmenten/);
  });

  it('tells the model whom each action addresses, and adds it to a "who" answer', async () => {
    ollama.setDefaultChat(() => ({ kind: 'answer', content: 'Volgens de indeling richt die actie zich tot de Vlaamse overheid en de sectoren (Actie 19).' }));
    const { body } = await ask('wie moet zorgen voor de erkenning van buitenlandse diploma’s?');
    expect(body.mode).toBe('llm');
    const chat = ollama.requests.filter((request) => request.path === '/api/chat').at(-1)?.body as ChatRequestBody;
    const prompt = chat.messages.map((message) => message.content).join('\n');
    expect(prompt).toMatch(/\[Actie 19\] \([^)\n]*richt zich tot: Vlaamse overheid, Sectoren en werkgevers\)/);
    expect(body.answer).toContain('Tot wie deze acties zich richten');
    expect(body.answer).toContain('- Actie 19: Vlaamse overheid, Sectoren en werkgevers');
  });

  it('answers a question about one actor from its tags without asking the model', async () => {
    const chats = () => ollama.requests.filter((request) => request.path === '/api/chat').length;
    const before = chats();
    const { status, body } = await ask('welke acties zijn er voor lokale besturen?', 'llm');
    expect(status).toBe(200);
    expect(chats()).toBe(before);
    expect(body.mode).toBe('extractive');
    expect(body.answer).toContain('(mede) tot Lokale besturen');
    expect(body.citations.map((citation: { action: number }) => citation.action)).toEqual([34]);
  });

  it('gives the whole text of an action asked for word for word without asking the model, which would paraphrase it', async () => {
    const chats = () => ollama.requests.filter((request) => request.path === '/api/chat').length;
    const before = chats();
    const { status, body } = await ask('geef de volledige tekst van actie 15', 'llm');
    expect(status).toBe(200);
    expect(chats()).toBe(before);
    expect(body.answer).toMatch(/^Actie 15 \(3\.3\.1 [^)]+\), volledige tekst: “Duaal leren, waarin leren op de schoolbank/);
    expect(body.citations.map((citation: { action: number }) => citation.action)).toEqual([15]);
  });

  it('answers thanks after an answer without asking the model to rewrite it as a follow-up', async () => {
    const chats = () => ollama.requests.filter((request) => request.path === '/api/chat').length;
    ollama.setDefaultChat(() => ({ kind: 'answer', content: 'EVC-beleid is belangrijk (Actie 18).' }));
    const first = await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'Wat zegt de lijst over EVC?', mode: 'llm' } });
    const before = chats();
    const response = await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'bedankt', mode: 'llm', conversationId: first.json().conversationId } });
    expect(response.statusCode).toBe(200);
    expect(response.json().refused).toBe(true);
    expect(response.json().answer).toMatch(/^Graag gedaan\. Ik beantwoord vragen over de actielijst/);
    expect(chats()).toBe(before);
  });

  it('asks the model about "wat houdt de tweede in?" and "en de tweede?" with the action spelled out, without a rewrite', async () => {
    ollama.setDefaultChat((body) => {
      const allowed = allowedIn(body);
      return { kind: 'answer', content: allowed.includes(20) ? 'Erkenning van diploma’s (Actie 19) en competentiegericht werven (Actie 20).' : `Zie (Actie ${allowed[0]}).` };
    });
    const first = await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'erkenning buitenlandse diploma’s en competenties', mode: 'llm' } });
    expect(first.json().citations.map((citation: { action: number }) => citation.action)).toEqual([19, 20]);
    const before = ollama.requests.length;
    await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'wat houdt de tweede in?', mode: 'llm', conversationId: first.json().conversationId } });
    // The question names one action and nothing else once spelled out: it stands alone, so the model is not asked to
    // rewrite it, and the answer's prompt has the action's number.
    const chats = ollama.requests.slice(before).filter((request) => request.path === '/api/chat');
    const contents = chats.map((request) => (request.body as ChatRequestBody).messages.map((message) => message.content).join('\n'));
    expect(contents.some((content) => content.includes('Herschrijf de laatste vraag'))).toBe(false);
    const prompt = contents[0] as string;
    expect(prompt).toContain('Fragmenten uit de documenten');
    expect(prompt).toContain('wat houdt actie 20 in?');
    expect(prompt).not.toContain('de tweede');
    // "en …" opens a follow-up, which was rewritten with the turns before and answered from the previous actions too.
    const next = ollama.requests.length;
    const second = await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'en de tweede?', mode: 'llm', conversationId: first.json().conversationId } });
    const asked = ollama.requests.slice(next).map((request) => (request.body as ChatRequestBody).messages.map((message) => message.content).join('\n'));
    expect(asked.some((content) => content.includes('Herschrijf de laatste vraag'))).toBe(false);
    expect(asked[0]).toContain('en actie 20?');
    expect(second.json().citations.map((citation: { action: number }) => citation.action)).toEqual([20]);
  });

  it('gives the model other actions than the conversation has cited when a follow-up asks for others', async () => {
    ollama.setDefaultChat((body) => {
      const prompt = body.messages.map((message) => message.content).join('\n');
      if (prompt.includes('Herschrijf de laatste vraag')) return { kind: 'answer', content: 'Welke andere acties gaan over EVC?' };
      const allowed = allowedIn(body);
      return { kind: 'answer', content: allowed.includes(18) ? 'EVC-beleid is belangrijk (Actie 18).' : `Zie ook (Actie ${allowed[0]}).` };
    });
    const first = await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'Wat zegt de lijst over EVC?', mode: 'llm' } });
    expect(first.json().citations.map((citation: { action: number }) => citation.action)).toEqual([18]);
    const before = ollama.requests.length;
    const others = await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'welke andere acties gaan daarover?', mode: 'llm', conversationId: first.json().conversationId } });
    const answerRequests = ollama.requests
      .slice(before)
      .filter((request) => request.path === '/api/chat')
      .map((request) => request.body as ChatRequestBody)
      .filter((body) => !body.messages.some((message) => message.content.includes('Herschrijf de laatste vraag')));
    expect(answerRequests.length).toBeGreaterThan(0);
    // Actie 18 was allowed again, and the model cited it again.
    for (const body of answerRequests) expect(allowedIn(body)).not.toContain(18);
    const cited = others.json().citations.map((citation: { action: number }) => citation.action);
    expect(cited.length).toBeGreaterThan(0);
    expect(cited).not.toContain(18);
  });

  it('repairs an answer that cites an action it was not given, once', async () => {
    const before = counters.repaired;
    let calls = 0;
    ollama.setDefaultChat((body) => {
      calls += 1;
      return calls === 1
        ? { kind: 'answer', content: 'Dat staat in de lijst (Actie 58).' }
        : { kind: 'answer', content: `Zo staat het in de lijst (Actie ${allowedIn(body)[0]}).` };
    });
    const { body } = await ask('erkenning buitenlandse diploma’s');
    expect(body.mode).toBe('llm');
    expect(body.answer).not.toContain('Actie 58');
    expect(counters.repaired).toBe(before + 1);
    expect(body.citations.every((c: { action: number }) => c.action !== 58)).toBe(true);
  });

  it.each([
    ['a number that was not retrieved', 'Dat staat in de lijst (Actie 58).'],
    ['a number that does not exist', 'Dat staat in de lijst (Actie 61).'],
    ['no citation at all', 'Diploma’s erkennen is belangrijk.'],
    ['malformed output', '{"answer": "(Actie'],
  ])('never passes on %s: repair fails too, so the extractive answer replaces it', async (_label, content) => {
    const fallbacks = counters.fellBack.length;
    ollama.setDefaultChat(() => ({ kind: 'answer', content }));
    const { body } = await ask('erkenning buitenlandse diploma’s');
    expect(body.mode).toBe('extractive');
    expect(body.fallback).toBe('citation-check');
    expect(body.answer).toContain('(Actie 19)');
    expect(body.answer).not.toContain('Actie 58');
    expect(body.answer).not.toContain('Actie 61');
    expect(counters.fellBack.length).toBe(fallbacks + 1);
  });

  it('falls back to the extractive answer on a 500 in auto mode, and reports it in llm mode', async () => {
    ollama.setDefaultChat(() => ({ kind: 'http-error', status: 500, body: '{"error":"kapot"}' }));
    const auto = await ask('erkenning buitenlandse diploma’s');
    expect(auto.status).toBe(200);
    expect(auto.body.mode).toBe('extractive');
    expect(auto.body.answer).toMatch(/zonder taalmodel/);
    const llm = await ask('erkenning buitenlandse diploma’s', 'llm');
    expect(llm.status).toBe(502);
    expect(llm.body.error.code).toBe('MODEL_FAILED');
  });

  it('handles a stream that dies mid-way and a dropped connection', async () => {
    ollama.setDefaultChat(() => ({ kind: 'error-mid-stream', contentBefore: 'Een gedeeltelijke erkenning ', error: 'model runner crashed' }));
    expect((await ask('erkenning buitenlandse diploma’s')).body.mode).toBe('extractive');
    ollama.setDefaultChat(() => ({ kind: 'drop', contentBefore: 'Een ' }));
    const dropped = await ask('erkenning buitenlandse diploma’s');
    expect(dropped.status).toBe(200);
    expect(dropped.body.mode).toBe('extractive');
  });

  it('times out a slow stream and answers extractively in auto mode, however often garbage is collected meanwhile', async () => {
    const slow = await buildAppOn(t.runtime, { llm: client(ollama.url, { timeoutMs: 300 }) });
    // A collection took the time limit away when it was AbortSignal.timeout inside AbortSignal.any: the slow answer then
    // ran to its end (2.2 s) and came back as 200 instead of 504. A busy server collects garbage all the time.
    const collecting = setInterval(collectGarbage, 50);
    try {
      ollama.setDefaultChat(() => ({ kind: 'answer', content: 'een twee drie vier vijf zes zeven acht negen tien (Actie 19)', tokenDelayMs: 200 }));
      const response = await slow.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'erkenning buitenlandse diploma’s' } });
      expect(response.json().mode).toBe('extractive');
      expect(response.json().fallback).toBe('MODEL_TIMEOUT');
      const strict = await slow.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'erkenning buitenlandse diploma’s', mode: 'llm' } });
      expect(strict.statusCode).toBe(504);
      expect(strict.json().error.code).toBe('MODEL_TIMEOUT');
    } finally {
      clearInterval(collecting);
      await slow.close();
    }
  });
});

describe('without the model', () => {
  it('names "ollama pull <model>" when the model is missing, and answers extractively in auto mode', async () => {
    const missing = await buildAppOn(t.runtime, { llm: createOllamaClient({ host: ollama.url, model: 'llama3.1:8b', timeoutMs: 2_000, connectTimeoutMs: 1_000, numCtx: 8192, numPredict: 400 }) });
    try {
      const auto = await missing.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'erkenning buitenlandse diploma’s' } });
      expect(auto.json().mode).toBe('extractive');
      const llm = await missing.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'erkenning buitenlandse diploma’s', mode: 'llm' } });
      expect(llm.statusCode).toBe(503);
      expect(llm.json().error).toMatchObject({ code: 'MODEL_NOT_AVAILABLE' });
      expect(llm.json().error.message).toContain('ollama pull llama3.1:8b');
      const status = await missing.app.inject({ method: 'GET', url: '/api/status' });
      expect(status.json().llm).toMatchObject({ available: false, reason: 'model-missing' });
    } finally {
      await missing.close();
    }
  });

  it('answers extractively when nothing listens on the Ollama port (the bench measures how fast)', async () => {
    const down = await buildAppOn(t.runtime, { llm: client('http://127.0.0.1:9') });
    try {
      const response = await down.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'erkenning buitenlandse diploma’s' } });
      expect(response.json().mode).toBe('extractive');
      const strict = await down.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'erkenning buitenlandse diploma’s', mode: 'llm' } });
      expect(strict.statusCode).toBe(503);
      expect(strict.json().error.message).toMatch(/Ollama is niet bereikbaar/);
    } finally {
      await down.close();
    }
  });
});
