// The "Sectorconvenant voorbereiden" tab in Chromium against the real server: themes, the outline with Acties 45 and 56, and the Markdown export.
import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { contrastFailures, getJson, openPage, skipE2e, TEST_MS, useBrowserSession } from './support.js';

describe.skipIf(skipE2e)('sectorconvenant voorbereiden', { timeout: TEST_MS }, () => {
  const session = useBrowserSession();

  async function open(path = '/#sectorconvenant', options: Parameters<typeof openPage>[2] = {}) {
    return session.open(path, { viewport: { width: 1280, height: 900 }, ...options });
  }

  it('offers every theme by its Dutch name and asks for the sector name first', async () => {
    const tags = await getJson<{ themes: Record<string, string> }>(`${session.server.url}/api/tags`);
    const { page, errors } = await open('/');
    await page.getByRole('tab', { name: 'Sectorconvenant voorbereiden' }).click();
    const themes = page.getByRole('group', { name: 'Thema’s' }).getByRole('checkbox');
    await themes.first().waitFor();
    expect(await themes.count()).toBe(Object.keys(tags.themes).length);
    expect(await page.getByRole('checkbox', { name: 'Nederlands leren (NT2)' }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Overzicht maken' }).click();
    expect(await page.locator('#cv-form-error').textContent()).toBe('Vul de naam van de sector in.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cv-sector');
    expect(errors).toEqual([]);
  });

  it('shows the outline for the chosen themes with Acties 45 and 56, opens an action and exports the Markdown', async () => {
    const { page, errors } = await open();
    await page.getByLabel('Naam van de sector').fill('Bouw');
    const nt2 = page.getByRole('checkbox', { name: 'Nederlands leren (NT2)' });
    await nt2.focus();
    await page.keyboard.press('Space');
    expect(await nt2.isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: 'Mentoring' }).click();
    await page.getByRole('button', { name: 'Overzicht maken' }).click();

    const result = page.locator('#cv-result .tool-result');
    await result.waitFor();
    expect(await result.getByRole('heading', { level: 3 }).textContent()).toBe('Sectorconvenant Bouw: relevante acties');
    const headings = await result.getByRole('heading', { level: 4 }).allTextContents();
    expect(headings).toEqual(['Nederlands leren (NT2)', 'Positieve acties', 'Discriminatie aanpakken', 'Mentoring', 'Positieve acties die de sector kan overwegen']);
    for (const number of [45, 56, 25, 50]) expect(await result.locator(`.action-card a[data-action="${number}"]`).count()).toBe(1);
    expect(await result.locator('.outline-types li').first().textContent()).toBe('gerichte wervingscampagnes');

    await result.locator('.action-card a[data-action="56"]').click();
    const panel = page.getByRole('complementary', { name: 'Actie 56' });
    await panel.locator('.action-text').waitFor();
    expect(await panel.locator('.action-text').textContent()).toContain('gedragscode non-discriminatie');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });

    const [download] = await Promise.all([page.waitForEvent('download'), result.getByRole('button', { name: 'Exporteren als Markdown' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^sectorconvenant-bouw-\d{4}-\d{2}-\d{2}\.md$/);
    const markdown = await fs.readFile(await download.path(), 'utf8');
    const fromApi = await (
      await fetch(`${session.server.url}/api/covenant/outline`, {
        method: 'POST',
        headers: { accept: 'text/markdown', 'content-type': 'application/json' },
        body: JSON.stringify({ sector: 'Bouw', themes: ['taal', 'mentoring'] }),
      })
    ).text();
    expect(markdown).toBe(fromApi);
    expect(markdown.split('\n')[0]).toBe('# Sectorconvenant Bouw: relevante acties');
    expect(markdown).toContain('## Nederlands leren (NT2)');
    expect(markdown).toContain('- **Actie 45** — ');
    expect(markdown).toContain('- **Actie 56** — ');
    expect(markdown).toContain('Bron: SERV Commissie Diversiteit, Actielijst personen met een migratie-achtergrond');

    expect(await contrastFailures(page)).toEqual([]);
    await fs.mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/covenant.png', fullPage: true });
    expect(errors).toEqual([]);
  });

  it('lists every theme when none is chosen, and fits a phone screen', async () => {
    const { page, errors } = await open('/#sectorconvenant', { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await page.getByLabel('Naam van de sector').fill('Metaal en technologie');
    await page.getByRole('button', { name: 'Overzicht maken' }).click();
    const result = page.locator('#cv-result .tool-result');
    await result.waitFor();
    const sectorActions = await getJson<{ actions: { number: number }[] }>(`${session.server.url}/api/actions?actor=sectoren-werkgevers`);
    const expected = new Set([...sectorActions.actions.map((a) => a.number), 45, 56]);
    expect(await result.locator('.action-card').count()).toBe(expected.size);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(errors).toEqual([]);
  });
});
