// In Chromium against the real server with API_KEYS: api-key.js asks once, keeps the key for the session, opens the chat socket; /docs works under its CSP.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { skipE2e, TEST_MS, useBrowserSession } from './support.js';

const KEY = 'kantoor-sleutel-7c1e9a';

interface ApiKeyModule {
  apiFetch(url: string, init?: RequestInit): Promise<Response>;
  chatProtocols(): string[];
}
type WithModule = Window & { apiKey: ApiKeyModule; statusCall: Promise<number> };

/** Imports the page's module as the page would; a string, because vitest rewrites import() inside test functions. */
async function loadModule(page: Page): Promise<void> {
  await page.evaluate("import('/api-key.js').then((module) => { window.apiKey = module; })");
}

describe.skipIf(skipE2e)('toegangssleutel in de browser', { timeout: TEST_MS }, () => {
  const session = useBrowserSession({ API_KEYS: KEY });

  it('asks for the key on a 401, asks again when it is wrong, and then retries with the right one', async () => {
    // The open /api/auth document gives the module a same-origin page without the chat page's own calls.
    const opened = await session.open('/api/auth');
    const { page } = opened;
    await loadModule(page);
    await page.evaluate(() => {
      const state = window as unknown as WithModule;
      state.statusCall = state.apiKey.apiFetch('/api/status').then((response) => response.status);
    });
    const dialog = page.getByRole('dialog', { name: 'Toegangssleutel' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Deze Actiewijzer vraagt een toegangssleutel');
    await dialog.getByLabel('Toegangssleutel').fill('verkeerde-sleutel');
    await dialog.getByLabel('Toegangssleutel').press('Enter');
    await page.getByText('De vorige sleutel werd niet aanvaard').waitFor();
    await dialog.getByLabel('Toegangssleutel').fill(KEY);
    await dialog.getByRole('button', { name: 'Doorgaan' }).click();
    expect(await page.evaluate(() => (window as unknown as WithModule).statusCall)).toBe(200);
    expect(await page.evaluate(() => sessionStorage.getItem('actiewijzer.toegangssleutel'))).toBe(KEY);

    // Kept for the session: the next call asks nothing.
    const again = await page.evaluate(() => (window as unknown as WithModule).apiKey.apiFetch('/api/status').then((response) => response.status));
    expect(again).toBe(200);
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('opens the chat socket with chatProtocols() and gets an answer', async () => {
    const opened = await session.open('/api/auth');
    const { page } = opened;
    await loadModule(page);
    const result = await page.evaluate(async (key) => {
      sessionStorage.setItem('actiewijzer.toegangssleutel', key);
      const module = (window as unknown as WithModule).apiKey;
      const ws = new WebSocket(`ws://${location.host}/api/chat`, module.chatProtocols());
      await new Promise((resolve, reject) => {
        ws.onopen = resolve;
        ws.onerror = reject;
      });
      const types: string[] = [];
      const done = new Promise<void>((resolve) => {
        ws.onmessage = (event) => {
          const message = JSON.parse(String(event.data)) as { type: string };
          types.push(message.type);
          if (message.type === 'done' || message.type === 'error') resolve();
        };
      });
      ws.send(JSON.stringify({ type: 'ask', question: 'Welke acties gaan over de erkenning van buitenlandse diploma’s?' }));
      await done;
      ws.close();
      return { protocol: ws.protocol, types };
    }, KEY);
    expect(result.protocol).toBe('actiewijzer');
    expect(result.types.at(-1)).toBe('done');
  });

  it('cancelling the dialog returns the 401 as it came', async () => {
    const opened = await session.open('/api/auth');
    const { page } = opened;
    await loadModule(page);
    await page.evaluate(() => {
      const state = window as unknown as WithModule;
      state.statusCall = state.apiKey.apiFetch('/api/status').then((response) => response.status);
    });
    await page.getByRole('dialog').getByRole('button', { name: 'Annuleren' }).click();
    expect(await page.evaluate(() => (window as unknown as WithModule).statusCall)).toBe(401);
  });

  it('shows the API docs under their content-security policy without violations', async () => {
    const opened = await session.open('/docs');
    const { page, errors } = opened;
    await page.getByText('Actiewijzer API').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
  });
});
