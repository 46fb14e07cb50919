// The "Sectorconvenant voorbereiden" tab: sector name and themes in, the outline of relevant actions out, exported as Markdown.
import { apiFetch } from './api-key.js';
import { dateStamp, downloadText, slug } from './download.js';

const SOURCE_LINE = 'Bron: SERV Commissie Diversiteit, Actielijst personen met een migratie-achtergrond';

/**
 * @param {{
 *   el: (tag: string, props?: object, ...children: unknown[]) => HTMLElement,
 *   api: (path: string, options?: RequestInit) => Promise<any>,
 *   actionLink: (number: number, label: string) => HTMLElement,
 *   renderRichText: (container: HTMLElement, text: string, options?: object) => void,
 *   announce: (message: string) => void,
 *   messageOf: (error: unknown) => string,
 *   loadTags: () => Promise<{themes: Record<string, string>}>,
 * }} ui
 */
export function initCovenant(ui) {
  const { el } = ui;
  const form = /** @type {HTMLFormElement} */ (document.getElementById('cv-form'));
  const sector = /** @type {HTMLInputElement} */ (document.getElementById('cv-sector'));
  const themeBox = /** @type {HTMLElement} */ (document.getElementById('cv-themes'));
  const formError = /** @type {HTMLElement} */ (document.getElementById('cv-form-error'));
  const submit = /** @type {HTMLButtonElement} */ (document.getElementById('cv-submit'));
  const result = /** @type {HTMLElement} */ (document.getElementById('cv-result'));

  const panel = /** @type {HTMLElement} */ (document.getElementById('panel-sectorconvenant'));
  let themesLoaded = false;
  const loadThemes = () => {
    if (themesLoaded || panel.hidden) return;
    themesLoaded = true;
    void ui.loadTags().then((tags) => {
      const entries = Object.entries(tags.themes ?? {});
      if (!entries.length) {
        themeBox.replaceChildren(el('p', { class: 'hint' }, 'De thema’s konden niet geladen worden; het overzicht toont dan alle thema’s.'));
        return;
      }
      themeBox.replaceChildren(
        ...entries.map(([id, name]) =>
          el('label', { class: 'checkbox' }, el('input', { type: 'checkbox', name: 'themes', value: id, id: `cv-theme-${id}` }), ` ${name}`),
        ),
      );
    });
  };
  // Loaded when the tab is first shown, so a page that still waits for its access key asks nothing yet.
  new MutationObserver(loadThemes).observe(panel, { attributes: true, attributeFilter: ['hidden'] });
  loadThemes();

  sector.addEventListener('input', () => {
    sector.removeAttribute('aria-invalid');
    formError.hidden = true;
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = sector.value.trim();
    if (!name) {
      sector.setAttribute('aria-invalid', 'true');
      formError.textContent = 'Vul de naam van de sector in.';
      formError.hidden = false;
      sector.focus();
      return;
    }
    formError.hidden = true;
    const themes = [...form.querySelectorAll('input[name="themes"]:checked')].map((input) => /** @type {HTMLInputElement} */ (input).value);
    const request = { sector: name, ...(themes.length ? { themes } : {}) };
    submit.disabled = true;
    result.replaceChildren(el('p', { class: 'loading', role: 'status' }, 'Het overzicht wordt gemaakt…'));
    try {
      renderOutline(request, await ui.api('/api/covenant/outline', { method: 'POST', body: JSON.stringify(request) }));
    } catch (error) {
      result.replaceChildren(el('p', { class: 'turn-error', role: 'alert' }, ui.messageOf(error)));
    } finally {
      submit.disabled = false;
    }
  });

  function renderOutline(request, outline) {
    const title = el('h3', { id: 'cv-result-title', tabindex: '-1' }, `Sectorconvenant ${outline.sector}: relevante acties`);
    const count = outline.groups.reduce((sum, group) => sum + group.actions.length, 0);
    const groups = outline.groups.map((group) =>
      el(
        'section',
        { class: 'outline-group' },
        el('h4', {}, group.theme),
        el(
          'ul',
          { class: 'action-cards' },
          group.actions.map((action) => {
            const text = el('div', { class: 'action-card-text' });
            ui.renderRichText(text, action.text, { actions: true });
            return el('li', { class: 'action-card', 'data-action-number': action.number }, ui.actionLink(action.number, `Actie ${action.number}`), text);
          }),
        ),
      ),
    );
    const types = outline.positiveActionTypes.length
      ? el(
          'section',
          { class: 'outline-group outline-types' },
          el('h4', {}, 'Positieve acties die de sector kan overwegen'),
          el('ul', {}, outline.positiveActionTypes.map((type) => el('li', {}, type))),
          el('p', { class: 'hint' }, 'Voorbeelden uit het Juridisch kader positieve actie (oriëntatie). Toets een concrete maatregel in het tabblad “Positieve actie toetsen” en laat hem beoordelen door Unia.'),
        )
      : null;
    const exportButton = el('button', { type: 'button', class: 'secondary' }, 'Exporteren als Markdown');
    const exportStatus = el('p', { class: 'export-status', role: 'status' });
    exportButton.addEventListener('click', () => void exportMarkdown(request, exportButton, exportStatus));
    result.replaceChildren(
      el(
        'section',
        { class: 'tool-result', 'aria-labelledby': 'cv-result-title' },
        title,
        el('p', { class: 'outcome-text' }, `${count} acties in ${outline.groups.length} thema’s.`),
        ...groups,
        types,
        el('p', { class: 'hint' }, SOURCE_LINE),
        el('div', { class: 'tool-buttons' }, exportButton),
        exportStatus,
      ),
    );
    title.focus();
    ui.announce(`Overzicht gemaakt: ${count} acties.`);
  }

  /** The server writes the Markdown (Accept: text/markdown), so the export and the API say the same. */
  async function exportMarkdown(request, button, status) {
    button.disabled = true;
    status.textContent = '';
    status.classList.remove('error');
    try {
      const response = await apiFetch('/api/covenant/outline', {
        method: 'POST',
        headers: { accept: 'text/markdown', 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      if (!response.ok) {
        const body = await response.json().catch(() => null);
        throw new Error(typeof body?.error?.message === 'string' ? body.error.message : `De server gaf een onverwacht antwoord (HTTP ${response.status}).`);
      }
      downloadText(`sectorconvenant-${slug(request.sector)}-${dateStamp()}.md`, await response.text());
      ui.announce('Overzicht geëxporteerd als Markdown-bestand.');
    } catch (error) {
      status.textContent = error instanceof TypeError ? 'Geen verbinding met de server. Probeer het zo dadelijk opnieuw.' : error instanceof Error ? error.message : ui.messageOf(error);
      status.classList.add('error');
    } finally {
      button.disabled = false;
    }
  }
}
