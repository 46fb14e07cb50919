// The page in Chromium against the real server: browsing and filtering actions, the action panel, phone layout, keyboard, errors, CSP, contrast.
import { describe, expect, it } from 'vitest';
import { type ActionDetail, contrastFailures, getJson, openPage, skipE2e, TEST_MS, useBrowserSession } from './support.js';

describe.skipIf(skipE2e)('de pagina', { timeout: TEST_MS }, () => {
  const session = useBrowserSession();

  async function open(path = '/', options: Parameters<typeof openPage>[2] = {}) {
    return session.open(path, options);
  }

  it('is served at / with a strict Content-Security-Policy and Dutch labels', async () => {
    const response = await fetch(`${session.server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    // Nothing inline: no script bodies, no handlers, no style attributes.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/\sstyle=/i);

    const { page, errors } = await open();
    await expect.poll(() => page.title()).toContain('Actiewijzer');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await page.getByRole('tab', { name: 'Chat' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByRole('tab', { name: 'Acties' }).isVisible()).toBe(true);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByLabel('Je vraag').isVisible()).toBe(true);
    // Reserved for later: present in the tab bar, not shown yet.
    expect(await page.locator('#tab-positieve-actie').count()).toBe(1);
    expect(await page.locator('#tab-sectorconvenant').count()).toBe(1);
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
  });

  it('lists all 60 actions by section and filters them by a word, an actor and a theme', async () => {
    const { page, errors } = await open();
    await page.getByRole('tab', { name: 'Acties' }).click();
    await page.locator('#action-count', { hasText: 'Alle 60 acties.' }).waitFor();
    expect(await page.locator('.action-card').count()).toBe(60);
    const sections = await page.locator('.action-group h3').allTextContents();
    expect(sections[0]).toBe('3.1 Focus op evenredige arbeidsdeelname');
    expect(sections).toContain('3.5 Antidiscriminatiebeleid');
    expect(await page.locator('#section-index button').count()).toBe(sections.length);

    await page.getByLabel('Filter op woord').fill('diploma');
    await page.locator('#action-count', { hasText: /van de 60 acties/ }).waitFor();
    const cards = page.locator('.action-card');
    const shown = await cards.count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(60);
    for (const text of await cards.allTextContents()) expect(text.toLowerCase()).toContain('diploma');
    expect(await page.locator('.action-card mark').first().textContent()).toMatch(/diploma/i);
    expect(await cards.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Actie 19')]));

    // Accents and case do not matter.
    await page.getByLabel('Filter op woord').fill('GEINTEGREERDE');
    await expect.poll(() => page.locator('.action-card mark').first().textContent()).toMatch(/^geïntegreerde$/i);

    await page.getByLabel('Filter op woord').fill('zzzgeenwoord');
    await page.locator('#action-count', { hasText: 'Geen acties gevonden' }).waitFor();
    expect(await page.locator('.action-card').count()).toBe(0);

    await page.getByLabel('Filter op woord').fill('');
    await page.getByLabel('Actor').selectOption({ label: 'VDAB' });
    const byActor = await getJson<{ actions: { number: number }[] }>(`${session.server.url}/api/actions?actor=vdab`);
    await page.locator('#action-count', { hasText: `${byActor.actions.length} van de 60 acties.` }).waitFor();
    await page.getByLabel('Thema').selectOption({ label: 'Nederlands leren (NT2)' });
    const both = await getJson<{ actions: { number: number }[] }>(`${session.server.url}/api/actions?actor=vdab&theme=taal`);
    expect(both.actions.length).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('.action-card .card-title').allTextContents())
      .toEqual(both.actions.map((action) => `Actie ${action.number}`));
    expect(errors).toEqual([]);
  });

  it('opens an action beside the list with its text, findings, notes and neighbours; Escape closes it', async () => {
    const detail = await getJson<ActionDetail>(`${session.server.url}/api/actions/19`);
    const { page, errors } = await open('/#acties');
    await page.locator('#action-count', { hasText: 'Alle 60 acties.' }).waitFor();
    const link = page.locator('.action-card a[data-action="19"]');
    await link.click();
    const panel = page.getByRole('complementary', { name: 'Actie 19' });
    await panel.waitFor();
    await panel.getByText(detail.text.slice(0, 60)).waitFor();
    expect(await panel.locator('.action-where').textContent()).toBe('3.3.2 Kansen op de arbeidsmarkt › Focus op competenties');
    expect(await panel.getByRole('heading', { name: 'Bevindingen vooraf' }).isVisible()).toBe(true);
    expect(await panel.locator('.context-text').first().textContent()).toContain('Het belang van competenties');
    const notes = panel.locator('.notes li');
    expect(await notes.count()).toBe(detail.notes.length);
    const url = detail.notes.flatMap((note) => note.urls)[0];
    expect(url).toBeTruthy();
    expect(await panel.locator(`.notes a[href="${url}"]`).count()).toBe(1);
    expect(await panel.locator('.related a').allTextContents()).toEqual(detail.related.map((n) => `Actie ${n}`));
    // The list stays usable beside the panel.
    expect(await page.locator('.action-card').count()).toBe(60);

    await panel.getByRole('link', { name: `Actie ${detail.next} →` }).click();
    await page.getByRole('complementary', { name: `Actie ${detail.next}` }).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('#action-panel').waitFor({ state: 'hidden' });
    // Focus returns to the link that opened the panel.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('19');
    expect(errors).toEqual([]);
  });

  it('opens an action from a link in the address (#actie-N)', async () => {
    const { page, errors } = await open('/#actie-4');
    const panel = page.getByRole('complementary', { name: 'Actie 4' });
    await panel.waitFor();
    // Action 4 has a list; it is rendered as one.
    await panel.locator('.action-text li').first().waitFor();
    expect(await panel.locator('.action-text li').count()).toBeGreaterThan(1);
    await panel.getByRole('button', { name: 'Actie sluiten' }).click();
    await page.locator('#action-panel').waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
  });

  it('fits a phone screen (375 × 740) without horizontal scrolling', async () => {
    const { page, errors } = await open('/', { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth);
    await page.getByLabel('Je vraag').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(375);
    expect(await page.getByLabel('Je vraag').isVisible()).toBe(true);

    await page.getByRole('tab', { name: 'Acties' }).click();
    await page.locator('#action-count', { hasText: 'Alle 60 acties.' }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(375);

    await page.locator('.action-card a[data-action="19"]').click();
    const panel = page.getByRole('complementary', { name: 'Actie 19' });
    await panel.locator('.notes').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(375);
    const box = await panel.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(375);
    // On a phone the panel covers the page; the page beneath is inert until it closes.
    expect(await page.locator('main').evaluate((main) => (main as HTMLElement).inert)).toBe(true);
    await page.keyboard.press('Escape');
    await page.locator('#action-panel').waitFor({ state: 'hidden' });
    expect(await page.locator('main').evaluate((main) => (main as HTMLElement).inert)).toBe(false);

    await page.screenshot({ path: 'test-results/phone-actions.png' });
    expect(errors).toEqual([]);
  });

  it('is usable with the keyboard: Tab reaches the question box with visible focus, arrows switch tabs, Shift+Enter adds a line', async () => {
    const { page } = await open();
    await page.getByLabel('Je vraag').waitFor();
    let reached = false;
    const order: string[] = [];
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { id: el?.id ?? '', text: (el?.textContent ?? '').trim().slice(0, 30), outline: el ? getComputedStyle(el).outlineStyle : 'none' };
      });
      order.push(focused.id || focused.text);
      expect(focused.outline, `zichtbare focus op ${focused.id || focused.text}`).not.toBe('none');
      reached = focused.id === 'question';
    }
    expect(reached, `tabvolgorde: ${order.join(' → ')}`).toBe(true);
    // The skip link comes first and the tab bar before the chat.
    expect(order[0]).toBe('Direct naar de vraag');
    expect(order.indexOf('tab-chat')).toBeLessThan(order.indexOf('question'));

    await page.keyboard.type('Eerste regel');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('tweede regel');
    expect(await page.getByLabel('Je vraag').inputValue()).toBe('Eerste regel\ntweede regel');
    expect(await page.locator('.turn').count()).toBe(0);

    await page.locator('#tab-chat').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Acties' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-acties');
    expect(await page.locator('#panel-acties').isVisible()).toBe(true);
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('#panel-chat').isVisible()).toBe(true);
  });

  it('shows a Dutch message, not a broken page, when the server fails or cannot be reached', async () => {
    const { page } = await open();
    await page.route('**/api/actions/7', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'DATABASE_UNAVAILABLE', message: 'De databank is tijdelijk niet bereikbaar. Probeer het zo dadelijk opnieuw.' } }),
      }),
    );
    await page.route('**/api/actions/8', (route) => route.abort('connectionrefused'));
    await page.evaluate(() => (location.hash = '#actie-7'));
    const panel = page.getByRole('complementary', { name: 'Actie 7' });
    await panel.getByRole('alert').filter({ hasText: 'De databank is tijdelijk niet bereikbaar' }).waitFor();
    await page.evaluate(() => (location.hash = '#actie-8'));
    await page.getByRole('complementary', { name: 'Actie 8' }).getByRole('alert').filter({ hasText: 'Geen verbinding met de server' }).waitFor();

    // A retry after the failure works once the server answers again.
    await page.unroute('**/api/actions/8');
    await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await page.getByRole('complementary', { name: 'Actie 8' }).locator('.action-text').waitFor();
  });

  it('meets WCAG AA contrast for the text on the chat, the list and the panel', async () => {
    const { page } = await open('/#acties');
    await page.locator('#action-count', { hasText: 'Alle 60 acties.' }).waitFor();
    await page.getByLabel('Filter op woord').fill('diploma');
    await page.locator('.action-card mark').first().waitFor();
    await page.locator('.action-card a[data-action="19"]').click();
    await page.locator('#action-panel .notes').waitFor();
    expect(await contrastFailures(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Chat' }).click();
    expect(await contrastFailures(page)).toEqual([]);
  });
});
