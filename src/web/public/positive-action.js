// The "Positieve actie toetsen" tab: the HR check form, its checklist result, copy and Markdown export.
import { dateStamp, downloadText } from './download.js';

const SECTORS = {
  private: 'Privésector',
  flemish_public: 'Vlaamse overheid',
  local_government: 'Lokaal bestuur',
  other: 'Andere sector',
};

const OUTCOMES = {
  fits_framework: {
    title: 'Past binnen het kader, zoals beschreven',
    text: 'Volgens je antwoorden voldoet de maatregel aan de voorwaarden. Bewaar de onderbouwing en evalueer de maatregel regelmatig.',
  },
  missing_conditions: {
    title: 'Nog niet alle voorwaarden zijn duidelijk',
    text: 'Voor een of meer voorwaarden is nog niet duidelijk of de maatregel eraan voldoet. Bekijk de volgende stappen.',
  },
  not_allowed_as_described: {
    title: 'Zo beschreven niet toegelaten',
    text: 'Volgens je antwoorden voldoet de maatregel niet aan minstens één voorwaarde. Pas de maatregel aan voor je hem invoert.',
  },
};

const CONDITIONS = {
  manifest_inequality: 'Kennelijke ongelijkheid',
  objective: 'Doel vastgelegd',
  temporary: 'Tijdelijke maatregel',
  same_requirements: 'Dezelfde beroepsvereisten',
  preference_at_equal_competence: 'Voorrang alleen bij gelijke competenties',
  exclusive_reservation: 'Geen job of plaats uitsluitend voorbehouden',
  approved_plan: 'Goedgekeurd positief actieplan',
  applicable_framework: 'Welk juridisch kader geldt',
};

const STATUSES = {
  met: { icon: '✓', text: 'Voldaan' },
  not_met: { icon: '✗', text: 'Niet voldaan' },
  unknown: { icon: '?', text: 'Nog onduidelijk' },
};

const ANSWER_KEYS = ['manifestInequality', 'objective', 'temporary', 'sameRequirements', 'preferenceAtEqualCompetence', 'exclusiveReservation', 'approvedPlan'];
const SOURCE_LINE = 'Bron: SERV Commissie Diversiteit, Actielijst personen met een migratie-achtergrond; Juridisch kader positieve actie (oriëntatie).';

/**
 * @param {{
 *   el: (tag: string, props?: object, ...children: unknown[]) => HTMLElement,
 *   api: (path: string, options?: RequestInit) => Promise<any>,
 *   actionLink: (number: number, label: string) => HTMLElement,
 *   renderRichText: (container: HTMLElement, text: string, options?: object) => void,
 *   announce: (message: string) => void,
 *   writeClipboard: (text: string) => Promise<void>,
 *   messageOf: (error: unknown) => string,
 * }} ui
 */
export function initPositiveAction(ui) {
  const { el } = ui;
  const form = /** @type {HTMLFormElement} */ (document.getElementById('pa-form'));
  const sector = /** @type {HTMLSelectElement} */ (document.getElementById('pa-sector'));
  const measure = /** @type {HTMLTextAreaElement} */ (document.getElementById('pa-measure'));
  const plan = /** @type {HTMLFieldSetElement} */ (document.getElementById('pa-approvedPlan'));
  const formError = /** @type {HTMLElement} */ (document.getElementById('pa-form-error'));
  const submit = /** @type {HTMLButtonElement} */ (document.getElementById('pa-submit'));
  const result = /** @type {HTMLElement} */ (document.getElementById('pa-result'));

  // The approved plan of the KB of 11 February 2019 exists in the private sector only.
  const showPlan = () => {
    plan.hidden = sector.value !== 'private';
  };
  sector.addEventListener('change', showPlan);
  showPlan();

  const answerOf = (key) => /** @type {HTMLInputElement|null} */ (form.querySelector(`input[name="${key}"]:checked`))?.value ?? null;

  // An answered field is no longer marked as missing.
  form.addEventListener('change', (event) => {
    const group = event.target instanceof Element ? event.target.closest('fieldset, .field') : null;
    group?.querySelector('[aria-invalid]')?.removeAttribute('aria-invalid');
    group?.removeAttribute('aria-invalid');
  });

  /** What is still missing, each with the element to focus; marks the fields invalid. */
  function missing() {
    const problems = [];
    const mark = (node, label) => {
      node.setAttribute('aria-invalid', 'true');
      problems.push({ node, label });
    };
    for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
    if (!sector.value) mark(sector, 'de sector');
    if (!measure.value.trim()) mark(measure, 'de maatregel');
    ANSWER_KEYS.forEach((key, index) => {
      const group = /** @type {HTMLFieldSetElement} */ (document.getElementById(`pa-${key}`));
      if (!group.hidden && !answerOf(key)) mark(group, `vraag ${index + 1}`);
    });
    return problems;
  }

  let last = null;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problems = missing();
    if (problems.length) {
      formError.textContent = `Vul nog in: ${problems.map((problem) => problem.label).join(', ')}.`;
      formError.hidden = false;
      const first = problems[0].node;
      (first.matches('fieldset') ? first.querySelector('input') : first)?.focus();
      return;
    }
    formError.hidden = true;
    const request = {
      sector: sector.value,
      measure: measure.value.trim(),
      // A question that is not shown has no answer: "unknown" says exactly that.
      answers: Object.fromEntries(ANSWER_KEYS.map((key) => [key, answerOf(key) ?? 'unknown'])),
    };
    submit.disabled = true;
    result.replaceChildren(el('p', { class: 'loading', role: 'status' }, 'De maatregel wordt getoetst…'));
    try {
      const response = await ui.api('/api/positive-action/check', { method: 'POST', body: JSON.stringify(request) });
      last = { request, response };
      renderResult(request, response);
    } catch (error) {
      last = null;
      result.replaceChildren(el('p', { class: 'turn-error', role: 'alert' }, ui.messageOf(error)));
    } finally {
      submit.disabled = false;
    }
  });

  function actionLinks(numbers) {
    const links = [];
    numbers.forEach((number, index) => {
      if (index) links.push(', ');
      links.push(ui.actionLink(number, `Actie ${number}`));
    });
    return links;
  }

  function renderResult(request, response) {
    const outcome = OUTCOMES[response.outcome] ?? { title: response.outcome, text: '' };
    const title = el('h3', { id: 'pa-result-title', tabindex: '-1' }, `Resultaat: ${outcome.title}`);
    const conditions = el(
      'ul',
      { class: 'checklist' },
      response.conditions.map((condition) => {
        const status = STATUSES[condition.status] ?? STATUSES.unknown;
        return el(
          'li',
          { class: `condition status-${condition.status}`, 'data-condition': condition.id },
          el(
            'p',
            { class: 'condition-head' },
            el('span', { class: 'status-icon', 'aria-hidden': 'true' }, status.icon),
            ' ',
            el('strong', {}, CONDITIONS[condition.id] ?? condition.id),
            ': ',
            el('span', { class: 'status-text' }, status.text),
          ),
          el('p', { class: 'condition-explanation' }, condition.explanation),
          el('p', { class: 'condition-refs' }, el('span', { class: 'label' }, 'Bronnen: '), condition.references.join('; ')),
          el('p', { class: 'condition-actions' }, el('span', { class: 'label' }, 'In de actielijst: '), ...actionLinks(condition.actions)),
        );
      }),
    );
    const steps = el('ol', { class: 'next-steps' });
    for (const step of response.nextSteps) {
      const item = el('li');
      ui.renderRichText(item, step, { actions: true });
      // renderRichText wraps a line in a paragraph; in a list item the paragraph margin is noise.
      const only = item.firstElementChild;
      if (item.childElementCount === 1 && only?.localName === 'p') item.replaceChildren(...only.childNodes);
      steps.append(item);
    }
    const citations = el(
      'ul',
      { class: 'citations' },
      response.citations.map((citation) =>
        el('li', {}, ui.actionLink(citation.action, `Actie ${citation.action}`), ': ', el('span', { class: 'citation-quote' }, `“${citation.quote}”`)),
      ),
    );
    const copy = el('button', { type: 'button', class: 'secondary' }, 'Kopiëren');
    const exportButton = el('button', { type: 'button', class: 'secondary' }, 'Exporteren als Markdown');
    copy.addEventListener('click', async () => {
      try {
        await ui.writeClipboard(asMarkdown(request, response));
        copy.textContent = 'Gekopieerd';
        ui.announce('Resultaat gekopieerd.');
        setTimeout(() => (copy.textContent = 'Kopiëren'), 2000);
      } catch {
        ui.announce('Kopiëren lukte niet in deze browser.');
        copy.textContent = 'Kopiëren lukte niet';
        setTimeout(() => (copy.textContent = 'Kopiëren'), 3000);
      }
    });
    exportButton.addEventListener('click', () => {
      downloadText(`positieve-actie-toets-${dateStamp()}.md`, asMarkdown(request, response));
      ui.announce('Resultaat geëxporteerd als Markdown-bestand.');
    });

    result.replaceChildren(
      el(
        'section',
        { class: `tool-result outcome-${response.outcome}`, 'aria-labelledby': 'pa-result-title' },
        title,
        el('p', { class: 'outcome-text' }, outcome.text),
        el('h4', {}, 'Voorwaarden'),
        conditions,
        el('h4', {}, 'Volgende stappen'),
        steps,
        el('h4', {}, 'Uit de actielijst'),
        citations,
        el('p', { class: 'disclaimer' }, response.disclaimer),
        el('div', { class: 'tool-buttons' }, copy, exportButton),
      ),
    );
    title.focus();
    ui.announce(`Resultaat: ${outcome.title}.`);
  }
}

const oneLine = (text) => String(text).replace(/\s+/g, ' ').trim();

/** The check and its result as a Markdown document (also what "Kopiëren" puts on the clipboard). */
export function asMarkdown(request, response) {
  const outcome = OUTCOMES[response.outcome]?.title ?? response.outcome;
  const out = [
    '# Toets positieve actie',
    '',
    `- Sector: ${SECTORS[request.sector] ?? request.sector}`,
    `- Maatregel: ${oneLine(request.measure)}`,
    `- Datum: ${dateStamp()}`,
    '',
    `**Resultaat: ${outcome}**`,
    '',
    '## Voorwaarden',
    '',
  ];
  for (const condition of response.conditions) {
    const status = STATUSES[condition.status] ?? STATUSES.unknown;
    out.push(`- ${status.icon} **${CONDITIONS[condition.id] ?? condition.id}**: ${status.text.toLowerCase()}. ${oneLine(condition.explanation)}`);
    out.push(`  Bronnen: ${condition.references.join('; ')}; ${condition.actions.map((n) => `Actie ${n}`).join(', ')}`);
  }
  out.push('', '## Volgende stappen', '');
  response.nextSteps.forEach((step, index) => out.push(`${index + 1}. ${oneLine(step)}`));
  out.push('', '## Uit de actielijst', '');
  for (const citation of response.citations) out.push(`- Actie ${citation.action}: “${oneLine(citation.quote)}”`);
  out.push('', '---', '', oneLine(response.disclaimer), '', SOURCE_LINE, '');
  return out.join('\n');
}
