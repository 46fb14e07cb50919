// The "Positieve actie toetsen" tab in Chromium against the real server: the form by keyboard and clicks, the checklist, action links, copy and Markdown export.
import fs from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contrastFailures, openPage, skipE2e, TEST_MS, useBrowserSession } from './support.js';

const MEASURE = 'Een wervingscampagne gericht op technici met een migratie-achtergrond.';

interface CheckResponse {
  outcome: string;
  conditions: { id: string; status: string; explanation: string; references: string[]; actions: number[] }[];
  nextSteps: string[];
  citations: { action: number; quote: string }[];
  disclaimer: string;
}

/** Chooses an answer by the question's visible wording: Tab into the group, then arrows and Space, as a keyboard user does. */
async function answerByKeyboard(page: Page, question: RegExp, answer: 'Ja' | 'Nee' | 'Weet niet') {
  const group = page.getByRole('group', { name: question });
  await group.getByRole('radio', { name: 'Ja', exact: true }).focus();
  await page.keyboard.press('Space');
  const steps = { Ja: 0, Nee: 1, 'Weet niet': 2 }[answer];
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowRight');
  expect(await group.getByRole('radio', { name: answer, exact: true }).isChecked()).toBe(true);
}

describe.skipIf(skipE2e)('positieve actie toetsen', { timeout: TEST_MS }, () => {
  const session = useBrowserSession();

  async function open(path = '/', options: Parameters<typeof openPage>[2] = {}) {
    return session.open(path, { viewport: { width: 1280, height: 900 }, ...options });
  }

  it('is a visible tab, reached with the arrow keys, with a labelled form', async () => {
    const { page, errors } = await open();
    await page.locator('#tab-chat').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const tab = page.getByRole('tab', { name: 'Positieve actie toetsen' });
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-positieve-actie');
    expect(await page.locator('#panel-positieve-actie').isVisible()).toBe(true);
    expect(page.url()).toMatch(/#positieve-actie$/);
    // Tab leaves the tab bar for the form's first field.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pa-sector');
    expect(await page.getByLabel('De maatregel').isVisible()).toBe(true);
    // Six questions; the approved plan only for the private sector.
    expect(await page.locator('#pa-form fieldset:visible').count()).toBe(6);
    await page.getByLabel('Sector', { exact: true }).selectOption('private');
    expect(await page.locator('#pa-form fieldset:visible').count()).toBe(7);
    expect(await page.getByRole('group', { name: /goedgekeurd/ }).isVisible()).toBe(true);
    await page.getByLabel('Sector', { exact: true }).selectOption('flemish_public');
    expect(await page.getByRole('group', { name: /goedgekeurd/ }).isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('says what is missing and puts the focus there', async () => {
    const { page, errors } = await open('/#positieve-actie');
    await page.getByRole('button', { name: 'Toetsen' }).click();
    const problem = page.locator('#pa-form-error');
    await problem.waitFor();
    expect(await problem.getAttribute('role')).toBe('alert');
    expect(await problem.textContent()).toBe('Vul nog in: de sector, de maatregel, vraag 1, vraag 2, vraag 3, vraag 4, vraag 5, vraag 6.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pa-sector');
    expect(await page.getByLabel('Sector', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(errors).toEqual([]);
  });

  it('checks a measure filled in by keyboard, shows the outcome and each condition with its reference, and opens a cited action', async () => {
    const { page, errors } = await open('/#positieve-actie');
    await page.getByLabel('Sector', { exact: true }).focus();
    await page.getByLabel('Sector', { exact: true }).selectOption('private');
    await page.keyboard.press('Tab');
    await page.keyboard.type(MEASURE);
    await answerByKeyboard(page, /ondervertegenwoordigd of benadeeld/, 'Ja');
    await answerByKeyboard(page, /uitdrukkelijk op papier/, 'Ja');
    await answerByKeyboard(page, /tijdelijk/, 'Nee');
    await answerByKeyboard(page, /dezelfde functie- en beroepsvereisten/, 'Ja');
    await answerByKeyboard(page, /alleen voorrang/, 'Ja');
    await answerByKeyboard(page, /uitsluitend voor de doelgroep/, 'Nee');
    await answerByKeyboard(page, /goedgekeurd/, 'Weet niet');
    await page.keyboard.press('Enter');

    const result = page.locator('#pa-result .tool-result');
    await result.waitFor();
    // The page shows what the API says for the same answers.
    const api = (await (
      await fetch(`${session.server.url}/api/positive-action/check`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          sector: 'private',
          measure: MEASURE,
          answers: { manifestInequality: 'yes', objective: 'yes', temporary: 'no', sameRequirements: 'yes', preferenceAtEqualCompetence: 'yes', exclusiveReservation: 'no', approvedPlan: 'unknown' },
        }),
      })
    ).json()) as CheckResponse;
    expect(api.outcome).toBe('not_allowed_as_described');
    expect(await result.getByRole('heading', { level: 3 }).textContent()).toBe('Resultaat: Zo beschreven niet toegelaten');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pa-result-title');
    expect(await result.locator('.condition').count()).toBe(api.conditions.length);

    const temporary = result.locator('[data-condition="temporary"]');
    expect(await temporary.locator('.status-text').textContent()).toBe('Niet voldaan');
    expect(await temporary.locator('.status-icon').textContent()).toBe('✗');
    expect(await temporary.locator('.condition-refs').textContent()).toContain('Antiracismewet art. 10 §2');
    expect(await temporary.locator('.condition-explanation').textContent()).toBe(api.conditions.find((c) => c.id === 'temporary')!.explanation);
    expect(await result.locator('[data-condition="manifest_inequality"] .status-text').textContent()).toBe('Voldaan');
    expect(await result.locator('[data-condition="approved_plan"] .status-text').textContent()).toBe('Nog onduidelijk');
    expect(await result.locator('.next-steps li').count()).toBe(api.nextSteps.length);
    expect(await result.locator('.disclaimer').textContent()).toBe(api.disclaimer);
    expect(await result.locator('.citations li').first().textContent()).toContain(api.citations[0]!.quote.slice(0, 60));

    await temporary.getByRole('link', { name: 'Actie 44' }).click();
    const panel = page.getByRole('complementary', { name: 'Actie 44' });
    await panel.locator('.action-text').waitFor();
    expect(await panel.locator('.action-text').textContent()).toContain('Positieve acties zijn tijdelijke en proportionele');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });

    expect(await contrastFailures(page)).toEqual([]);
    await fs.mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/positive-action.png', fullPage: true });
    expect(errors).toEqual([]);
  });

  it('copies the result and exports it as a Markdown file', async () => {
    const { page, context, errors } = await open('/#positieve-actie');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.url });
    await page.getByLabel('Sector', { exact: true }).selectOption('flemish_public');
    await page.getByLabel('De maatregel').fill(MEASURE);
    for (const group of await page.locator('#pa-form fieldset:visible').all()) await group.getByText('Ja', { exact: true }).click();
    // Question 6 is the one where "yes" is the problem.
    await page.getByRole('group', { name: /uitsluitend voor de doelgroep/ }).getByText('Nee', { exact: true }).click();
    await page.getByRole('button', { name: 'Toetsen' }).click();
    const result = page.locator('#pa-result .tool-result');
    await result.waitFor();
    expect(await result.getByRole('heading', { level: 3 }).textContent()).toBe('Resultaat: Past binnen het kader, zoals beschreven');
    expect(await result.locator('[data-condition="approved_plan"]').count()).toBe(0);

    await result.getByRole('button', { name: 'Kopiëren' }).click();
    await result.getByRole('button', { name: 'Gekopieerd' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('# Toets positieve actie');

    const [download] = await Promise.all([page.waitForEvent('download'), result.getByRole('button', { name: 'Exporteren als Markdown' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^positieve-actie-toets-\d{4}-\d{2}-\d{2}\.md$/);
    const markdown = await fs.readFile(await download.path(), 'utf8');
    expect(markdown).toBe(copied);
    expect(markdown).toContain('- Sector: Vlaamse overheid');
    expect(markdown).toContain(`- Maatregel: ${MEASURE}`);
    expect(markdown).toContain('**Resultaat: Past binnen het kader, zoals beschreven**');
    expect(markdown).toMatch(/- ✓ \*\*Kennelijke ongelijkheid\*\*: voldaan\./);
    expect(markdown).toContain('Decreet 10 juli 2008');
    expect(markdown).toContain('- Actie 44: “Positieve acties zijn tijdelijke en proportionele');
    expect(markdown).toContain('geen juridisch advies');
    expect(errors).toEqual([]);
  });

  it('fits a phone screen without horizontal scrolling', async () => {
    const { page, errors } = await open('/#positieve-actie', { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await page.getByLabel('Sector', { exact: true }).selectOption('other');
    await page.getByLabel('De maatregel').fill(MEASURE);
    for (const group of await page.locator('#pa-form fieldset:visible').all()) await group.getByText('Weet niet', { exact: true }).click();
    await page.getByRole('button', { name: 'Toetsen' }).click();
    await page.locator('#pa-result .tool-result').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(errors).toEqual([]);
  });
});
