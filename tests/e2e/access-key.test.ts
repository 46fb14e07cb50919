// The page against a server that requires an access key (API_KEYS): api-key.js asks for it, then chat and list work.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { skipE2e, TEST_MS, useBrowserSession } from './support.js';

const KEY = 'e2e-sleutel-7f3a9c';

/** A key from an earlier session that the server no longer accepts, in the page's storage before it loads. */
const rememberRefusedKey = (context: BrowserContext) =>
  context.addInitScript(() => sessionStorage.setItem('actiewijzer.toegangssleutel', 'een-oude-sleutel'));

/** Answers the dialog that asks again after the remembered key was refused, with the right key, and waits for it to close. */
async function enterKeyAfterRefusal(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Toegangssleutel' });
  await dialog.getByText('De vorige sleutel werd niet aanvaard').waitFor();
  await dialog.getByLabel('Toegangssleutel').fill(KEY);
  await dialog.getByRole('button', { name: 'Doorgaan' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

describe.skipIf(skipE2e)('de pagina met toegangssleutel', { timeout: TEST_MS }, () => {
  const session = useBrowserSession({ API_KEYS: KEY });

  it('asks for the key, asks again after a wrong one, and then answers with citations over the socket', async () => {
    const opened = await session.open('/');
    const { page, errors } = opened;
    const dialog = page.getByRole('dialog', { name: 'Toegangssleutel' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('api-key-input');

    await dialog.getByLabel('Toegangssleutel').fill('fout');
    await dialog.getByLabel('Toegangssleutel').press('Enter');
    await dialog.getByText('De vorige sleutel werd niet aanvaard').waitFor();

    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    await dialog.getByLabel('Toegangssleutel').fill(KEY);
    await dialog.getByRole('button', { name: 'Doorgaan' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.locator('#mode-badge').waitFor();
    await page.locator('body[data-chat="live"]').waitFor();

    const box = page.getByLabel('Je vraag');
    await box.fill("Welke acties gaan over de erkenning van buitenlandse diploma's?");
    await box.press('Enter');
    const turn = page.locator('.turn').first();
    await turn.getByRole('button', { name: 'Kopiëren' }).or(turn.locator('.turn-error')).first().waitFor({ timeout: 60_000 });
    expect(await turn.locator('.turn-error').allTextContents()).toEqual([]);
    expect(await turn.locator('.citations a.action-link').count()).toBeGreaterThan(0);
    expect(sockets.some((url) => url.endsWith('/api/chat'))).toBe(true);

    await page.getByRole('tab', { name: 'Acties' }).click();
    await page.locator('#action-count', { hasText: 'Alle 60 acties.' }).waitFor();
    // Only the refused key made the browser log failed requests (401) and a refused socket.
    expect(errors.filter((error) => !error.includes('401') && !error.includes('/api/chat'))).toEqual([]);
  });

  it('asks again when a remembered key is no longer valid', async () => {
    const opened = await session.open('about:blank');
    const { page, context } = opened;
    await rememberRefusedKey(context);
    // What the page holds at the moment the dialog closes: the key was stored only by the close event, a task later, and
    // this test read no key after the dialog had gone (once in a clean-clone CI run).
    await context.addInitScript(() => {
      new MutationObserver((records) => {
        for (const record of records) {
          if (record.target instanceof HTMLDialogElement && !record.target.open) {
            (window as unknown as { keyAtClose: string | null }).keyAtClose = sessionStorage.getItem('actiewijzer.toegangssleutel');
          }
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['open'] });
    });
    await page.goto(`${session.server.url}/`);
    await enterKeyAfterRefusal(page);
    expect(await page.evaluate(() => (window as unknown as { keyAtClose: string | null }).keyAtClose)).toBe(KEY);
    expect(await page.evaluate(() => sessionStorage.getItem('actiewijzer.toegangssleutel'))).toBe(KEY);
    await page.locator('body[data-chat="live"]').waitFor();
    await page.locator('#mode-badge', { hasText: 'zonder taalmodel' }).waitFor();
  });

  it('keeps a key entered meanwhile when the refusal of the chat socket arrives late', async () => {
    const { page, context } = await session.open('about:blank');
    await rememberRefusedKey(context);
    let connections = 0;
    let refuseFirst: (() => void) | undefined;
    await page.routeWebSocket(/\/api\/chat$/, (socket) => {
      connections += 1;
      // The socket opened with the old key is held, and refused (4401) only after the new key was entered.
      if (connections === 1) refuseFirst = () => void socket.close({ code: 4401, reason: 'sleutel geweigerd' });
      else socket.connectToServer();
    });
    await page.goto(`${session.server.url}/`);
    await enterKeyAfterRefusal(page);
    await expect.poll(() => refuseFirst !== undefined).toBe(true);
    refuseFirst?.();
    await expect.poll(() => connections).toBe(2);
    await page.locator('body[data-chat="live"]').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.getItem('actiewijzer.toegangssleutel'))).toBe(KEY);
  });

  it('says in Dutch that nothing works without a key when the person cancels', async () => {
    const opened = await session.open('/');
    const { page } = opened;
    await page.getByRole('dialog', { name: 'Toegangssleutel' }).getByRole('button', { name: 'Annuleren' }).click();
    await page.locator('#error-banner', { hasText: 'Zonder geldige toegangssleutel' }).waitFor();
  });
});
