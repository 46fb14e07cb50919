// The chat in Chromium against the real server without a model: streamed cited answers, citations, export, copy, feedback, reconnects.
import fs from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type ActionDetail, getJson, openPage, skipE2e, TEST_MS, useBrowserSession } from './support.js';

const QUESTION = "Welke acties gaan over de erkenning van buitenlandse diploma's?";

interface Frame {
  type: string;
  [key: string]: unknown;
}

/** Records the chat socket's frames both ways, parsed. */
function recordFrames(page: Page): { received: Frame[]; sent: Frame[] } {
  const frames = { received: [] as Frame[], sent: [] as Frame[] };
  page.on('websocket', (socket) => {
    if (!socket.url().endsWith('/api/chat')) return;
    socket.on('framereceived', (frame) => frames.received.push(JSON.parse(String(frame.payload)) as Frame));
    socket.on('framesent', (frame) => frames.sent.push(JSON.parse(String(frame.payload)) as Frame));
  });
  return frames;
}

/** Types a question, sends it with Enter and waits until its answer is complete. */
async function ask(page: Page, question: string) {
  const before = await page.locator('.turn').count();
  const box = page.getByLabel('Je vraag');
  await box.click();
  await box.fill(question);
  await box.press('Enter');
  const turn = page.locator('.turn').nth(before);
  await turn.locator('.question', { hasText: question }).waitFor();
  const copy = turn.getByRole('button', { name: 'Kopiëren' });
  const failure = turn.locator('.turn-error');
  await copy.or(failure).first().waitFor({ timeout: 60_000 });
  // A failed answer fails the test with the message the page shows, instead of a timeout.
  if (await failure.count()) throw new Error(`Het antwoord mislukte: ${await failure.first().textContent()}`);
  return turn;
}

describe.skipIf(skipE2e)('de chat', { timeout: TEST_MS }, () => {
  const session = useBrowserSession();

  async function open(options: Parameters<typeof openPage>[2] = {}) {
    return session.open('/', { viewport: { width: 1280, height: 860 }, ...options });
  }

  it('says clearly that answers come without a language model', async () => {
    const { page, errors } = await open();
    const banner = page.locator('#model-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Antwoorden zonder taalmodel');
    expect(await page.locator('#mode-badge').textContent()).toContain('zonder taalmodel');
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
  });

  it('streams a cited answer with "Actie N" links; a citation opens the action beside the chat', async () => {
    const { page, errors } = await open();
    const frames = recordFrames(page);
    await page.locator('body[data-chat="live"]').waitFor();
    const turn = await ask(page, QUESTION);

    const types = frames.received.map((frame) => frame.type);
    expect(types[0]).toBe('start');
    expect(types.at(-1)).toBe('done');
    expect(types.filter((type) => type === 'delta').length).toBeGreaterThan(0);
    const done = frames.received.at(-1) as Frame & { answer: string; citations: { action: number }[]; mode: string };
    expect(done.mode).toBe('extractive');
    expect(done.citations.length).toBeGreaterThan(0);

    // The streamed text is replaced by the checked answer; its actions are links.
    expect(await page.locator('#messages').getAttribute('aria-busy')).toBe('false');
    expect(await page.locator('#messages').getAttribute('aria-live')).toBe('polite');
    expect(await turn.locator('.answer-meta').textContent()).toContain('zonder taalmodel');
    const cited = done.citations[0]!.action;
    const links = turn.locator(`a.action-link[data-action="${cited}"]`);
    expect(await links.count()).toBeGreaterThan(0);
    expect(await turn.locator('.citations a.action-link').first().textContent()).toMatch(/^Actie \d+$/);

    await turn.locator('.citations a.action-link').first().click();
    const detail = await getJson<ActionDetail>(`${session.server.url}/api/actions/${cited}`);
    const panel = page.getByRole('complementary', { name: `Actie ${cited}` });
    await panel.getByText(detail.text.slice(0, 50)).waitFor();
    // The conversation stays beside the panel.
    expect(await turn.isVisible()).toBe(true);
    await fs.mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/chat.png' });
    // The README's picture is refreshed on request only, so a test run leaves the checkout as it found it.
    if (process.env.UPDATE_SCREENSHOT) await fs.copyFile('test-results/chat.png', 'tests/e2e/screenshot-chat.png');

    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.closest('.citations') !== null)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('exports the conversation as Markdown with questions, answers and the cited actions', async () => {
    const { page, errors } = await open();
    const frames = recordFrames(page);
    await page.locator('body[data-chat="live"]').waitFor();
    await ask(page, QUESTION);
    await ask(page, 'Wat vraagt de commissie van lokale besturen als werkgever?');
    const answers = frames.received.filter((frame) => frame.type === 'done') as (Frame & { answer: string; citations: { action: number }[] })[];
    expect(answers).toHaveLength(2);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporteren (Markdown)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^actiewijzer-gesprek-\d{4}-\d{2}-\d{2}-\d{4}\.md$/);
    const markdown = await fs.readFile(await download.path(), 'utf8');
    expect(markdown).toContain('# Gesprek met Actiewijzer');
    expect(markdown).toContain(QUESTION);
    expect(markdown).toContain('Wat vraagt de commissie van lokale besturen als werkgever?');
    for (const answer of answers) {
      expect(markdown).toContain(answer.answer.trim().split('\n')[0]);
      const cited = answer.citations[0]!.action;
      const detail = await getJson<ActionDetail>(`${session.server.url}/api/actions/${cited}`);
      expect(markdown).toContain(`#### Actie ${cited}`);
      expect(markdown).toContain(`> ${detail.text.split('\n')[0]!.slice(0, 80)}`);
    }
    expect(errors).toEqual([]);
  });

  it('copies an answer with its citations', async () => {
    const { page, context, errors } = await open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.url });
    await page.locator('body[data-chat="live"]').waitFor();
    const turn = await ask(page, QUESTION);
    await turn.getByRole('button', { name: 'Kopiëren' }).click();
    await turn.getByRole('button', { name: 'Gekopieerd' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Bronnen:');
    expect(copied).toMatch(/- Actie \d+/);
    expect(errors).toEqual([]);
  });

  it('lists a point of the legal framework among the sources by its label, in the answer, the copy and the export', async () => {
    // The page kept only citations with an action number: the point an HR question was answered from was in no list.
    const { page, context, errors } = await open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.url });
    await page.locator('body[data-chat="live"]').waitFor();
    const turn = await ask(page, 'mag ik bij een sollicitatie naar de nationaliteit vragen');
    const label = turn.locator('.citations .citation-label');
    expect(await label.count()).toBe(1);
    expect(await label.textContent()).toMatch(/^Juridisch kader \(\d{4}\), punt 1$/);
    const item = turn.locator('.citations li').filter({ has: page.locator('.citation-label') });
    expect(await item.textContent()).toContain('raakt aan de criteria van de Antiracismewet');
    // Its chapter, named as one: a bare "· 1" after "punt 1" read as a slip.
    expect(await item.locator('.citation-section').textContent()).toBe(' · hoofdstuk 1');
    await turn.getByRole('button', { name: 'Kopiëren' }).click();
    await turn.getByRole('button', { name: 'Gekopieerd' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^- Juridisch kader \(\d{4}\), punt 1 \(hoofdstuk 1\): “Een maatregel/m);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporteren (Markdown)' }).click()]);
    const markdown = await fs.readFile(await download.path(), 'utf8');
    expect(markdown).toMatch(/^- Juridisch kader \(\d{4}\), punt 1 \(hoofdstuk 1\): “Een maatregel/m);
    expect(markdown).not.toContain('Actie null');
    expect(errors).toEqual([]);
  });

  it('stores feedback with a comment and lists it in /api/feedback', async () => {
    const { page, errors } = await open();
    const frames = recordFrames(page);
    await page.locator('body[data-chat="live"]').waitFor();
    const turn = await ask(page, QUESTION);
    const start = frames.received.find((frame) => frame.type === 'start') as Frame & { conversationId: string };
    const done = frames.received.find((frame) => frame.type === 'done') as Frame & { turnId: number | string };

    await turn.getByRole('button', { name: 'Nee, niet nuttig' }).click();
    const comment = `Actie 20 ontbreekt (e2e ${Date.now()})`;
    await turn.getByLabel('Wat ontbrak of klopte niet? (optioneel)').fill(comment);
    await turn.getByRole('button', { name: 'Feedback versturen' }).click();
    await turn.getByText('Bedankt voor je feedback.').waitFor();

    const { feedback } = await getJson<{ feedback: { helpful: boolean; comment: string | null; conversationId: string | null; turnId: number | null; question: string | null; answer: string | null }[] }>(
      `${session.server.url}/api/feedback`,
    );
    const stored = feedback.find((item) => item.comment === comment);
    expect(stored).toMatchObject({ helpful: false, conversationId: start.conversationId, turnId: Number(done.turnId), question: QUESTION });
    expect(stored?.answer).toBeTruthy();
    expect(errors).toEqual([]);
  });

  it('starts a new conversation on request', async () => {
    const { page, errors } = await open();
    const frames = recordFrames(page);
    await page.locator('body[data-chat="live"]').waitFor();
    await ask(page, QUESTION);
    await ask(page, 'En wat met taal?');
    // The follow-up continues the same conversation.
    const asks = () => frames.sent.filter((frame) => frame.type === 'ask');
    expect(asks()[1]?.conversationId).toBeTruthy();

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Nieuw gesprek' }).click();
    await expect.poll(() => page.locator('.turn').count()).toBe(0);
    expect(await page.locator('#welcome').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('question');
    await ask(page, QUESTION);
    expect(asks()[2]?.conversationId).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('reconnects by itself after the connection drops, and tells the user meanwhile', async () => {
    const { page, errors } = await open();
    let connections = 0;
    let bannerSeen = false;
    await page.routeWebSocket(/\/api\/chat$/, (socket) => {
      connections += 1;
      socket.connectToServer();
      // The first connection is dropped shortly after it opens, as when the server restarts; the server stays away
      // until the test has seen the banner, so a slow machine cannot reconnect before the test looks.
      if (connections === 1 || !bannerSeen) setTimeout(() => void socket.close({ code: 1012, reason: 'herstart' }), 500);
    });
    await page.reload();
    await page.locator('#connection-banner', { hasText: 'Geen live verbinding' }).waitFor();
    bannerSeen = true;
    await page.locator('#connection-banner').waitFor({ state: 'hidden', timeout: 30_000 });
    expect(connections).toBeGreaterThanOrEqual(2);
    const turn = await ask(page, QUESTION);
    expect(await turn.locator('.citations a.action-link').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('stops an answer on request and takes the next question once the server has ended the first', async () => {
    const { page, errors } = await open();
    // The server's messages for the first question are held back until the page has asked to stop it, so the stop
    // button is still there however slow the machine; they arrive after the stop, as from a server that was late.
    let first = true;
    let stopped = false;
    const held: (string | Buffer)[] = [];
    let late = 0;
    await page.routeWebSocket(/\/api\/chat$/, (socket) => {
      const server = socket.connectToServer();
      const release = () => {
        for (const message of held.splice(0)) {
          late += 1;
          socket.send(message);
        }
      };
      socket.onMessage((message) => {
        server.send(message);
        if (JSON.parse(String(message)).type === 'cancel') {
          stopped = true;
          setTimeout(release, 300);
        }
      });
      server.onMessage((message) => {
        if (!first && held.length === 0) return socket.send(message);
        if (['done', 'cancelled', 'error'].includes(JSON.parse(String(message)).type)) first = false;
        held.push(message);
        if (stopped) setTimeout(release, 300);
      });
    });
    await page.reload();
    await page.locator('body[data-chat="live"]').waitFor();
    const box = page.getByLabel('Je vraag');
    await box.fill(QUESTION);
    await box.press('Enter');
    await page.getByRole('button', { name: 'Stoppen' }).click();
    const stoppedTurn = page.locator('.turn').first();
    await stoppedTurn.getByText('Je hebt dit antwoord gestopt.').waitFor();
    const turn = await ask(page, 'Wat vraagt de commissie van lokale besturen als werkgever?');
    expect(await turn.locator('.citations a.action-link').count()).toBeGreaterThan(0);
    // The held-back answer to the stopped question reached the page after the stop, and does not reappear.
    expect(late).toBeGreaterThan(0);
    expect(await stoppedTurn.getByRole('button', { name: 'Kopiëren' }).count()).toBe(0);
    expect(await stoppedTurn.getByText('Je hebt dit antwoord gestopt.').isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('still answers over HTTP when no live connection can be made', async () => {
    const { page, context } = await open();
    // A proxy that refuses WebSockets: the constructor fails every time.
    await context.addInitScript(() => {
      window.WebSocket = class {
        constructor() {
          throw new Error('WebSocket geblokkeerd');
        }
      } as unknown as typeof WebSocket;
    });
    await page.reload();
    await page.locator('#connection-banner', { hasText: 'Geen live verbinding' }).waitFor();
    const turn = await ask(page, QUESTION);
    expect(await turn.locator('.citations a.action-link').count()).toBeGreaterThan(0);
    expect(await turn.locator('.answer-meta').textContent()).toContain('zonder taalmodel');
  });

  it('shows a Dutch error in the conversation when the answer fails, and can retry', async () => {
    const { page, context } = await open();
    await context.addInitScript(() => {
      window.WebSocket = class {
        constructor() {
          throw new Error('WebSocket geblokkeerd');
        }
      } as unknown as typeof WebSocket;
    });
    await page.reload();
    let fail = true;
    await page.route('**/api/ask', (route) => (fail ? route.abort('connectionrefused') : route.fallback()));
    const box = page.getByLabel('Je vraag');
    await box.fill(QUESTION);
    await box.press('Enter');
    const turn = page.locator('.turn').first();
    await turn.getByRole('alert').filter({ hasText: 'Geen verbinding met de server' }).waitFor();
    fail = false;
    await turn.getByRole('button', { name: 'Opnieuw proberen' }).click();
    const retried = page.locator('.turn').first();
    await retried.getByRole('button', { name: 'Kopiëren' }).or(retried.locator('.turn-error')).first().waitFor({ timeout: 60_000 });
    expect(await retried.locator('.turn-error').count(), (await retried.locator('.turn-error').allTextContents()).join(' ')).toBe(0);
    expect(await page.locator('.turn').count()).toBe(1);
  });
});
