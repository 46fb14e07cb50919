// Actiewijzer page: tabs, the chat (WebSocket stream, HTTP as fallback), the action panel, browsing, export and feedback.
import { apiFetch, CHAT_UNAUTHORIZED, chatProtocols, currentKey, ensureApiKey, keyAfterRejection } from './api-key.js';
import { initCovenant } from './covenant.js';
import { initPositiveAction } from './positive-action.js';

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

// The action list has 60 actions; the loaded list replaces this bound once it arrives.
let maxAction = 60;

const state = {
  conversationId: /** @type {string|null} */ (null),
  turns: /** @type {Turn[]} */ ([]),
  pending: /** @type {Turn|null} */ (null),
  // After a cancel the server still ends that answer (cancelled, done or error); until it has, its messages are
  // ignored and a new question waits, since the server takes one question at a time per connection.
  finishingCancelled: false,
  /** @type {(() => void)|null} */ queuedAsk: null,
  /** @type {ReturnType<typeof setTimeout>|null} */ cancelTimer: null,
  status: /** @type {{llm:{available:boolean,model:string},mode:string}|null} */ (null),
  lastAnswerMode: /** @type {string|null} */ (null),
  actions: /** @type {Promise<Action[]>|null} */ (null),
  tags: /** @type {Promise<Tags>|null} */ (null),
  details: /** @type {Map<number, Promise<ActionDetail>>} */ (new Map()),
  panelOpener: /** @type {HTMLElement|null} */ (null),
  /** Display names of actor and theme ids, once loaded. */
  tagNames: /** @type {Tags|null} */ (null),
  nextTurnId: 1,
};

/**
 * @typedef {{number:number, section:{number:string|null,title:string}, heading:string|null, text:string, actors:string[], themes:string[]}} Action
 * @typedef {Action & {document:string, context:{id:string,heading:string|null,text:string}[], notes:{number:number,text:string,urls:string[]}[], related:number[], previous:number|null, next:number|null}} ActionDetail
 * @typedef {{actors:Record<string,string>, themes:Record<string,string>}} Tags
 * @typedef {{action:number|null, section:string|null, quote:string, label?:string|null}} Citation An action, or a passage of another document (the legal framework, an uploaded advice) named by its label.
 * @typedef {{
 *   localId:number, question:string, answer:string, citations:Citation[], mode:string|null, refused:boolean,
 *   turnId:(number|string|null), conversationId:(string|null), status:'waiting'|'streaming'|'done'|'error'|'cancelled',
 *   error:string|null, via:'ws'|'http', abort:AbortController|null,
 *   els:{root:HTMLElement, body:HTMLElement, meta:HTMLElement, extra:HTMLElement}, renderQueued:boolean
 * }} Turn
 */

// ---------------------------------------------------------------- DOM helpers

/** Creates an element; props are attributes, except class, text and on* listeners. */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = String(value);
    else if (key === 'text') node.textContent = String(value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

/** Says something to screen readers without showing it. */
function announce(message) {
  const announcer = $('announcer');
  announcer.textContent = '';
  // A fresh text node after a tick makes screen readers repeat identical messages too.
  setTimeout(() => (announcer.textContent = message), 50);
}

const fold = (char) => {
  const base = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return base.length === 1 ? base : char.toLowerCase().length === 1 ? char.toLowerCase() : char;
};
/** Lower case without accents, one character per character, so match positions map back onto the original. */
const foldText = (text) => Array.from(text, fold).join('');

/** Appends text, marking case- and accent-insensitive matches of the given words. */
function appendText(parent, text, highlight) {
  if (!highlight || !highlight.length) {
    parent.append(text);
    return;
  }
  // Array.from keeps surrogate pairs whole, so index into code points on both sides.
  const chars = Array.from(text);
  const folded = chars.map(fold);
  const marks = new Array(chars.length).fill(false);
  const haystack = folded.join('');
  for (const word of highlight) {
    let from = 0;
    for (;;) {
      const index = haystack.indexOf(word, from);
      if (index < 0) break;
      // haystack is built from single characters, so string indexes equal char indexes when no char folded to two units.
      for (let i = index; i < index + word.length && i < marks.length; i++) marks[i] = true;
      from = index + Math.max(word.length, 1);
    }
  }
  let run = '';
  let marked = false;
  const flush = () => {
    if (run) parent.append(marked ? el('mark', {}, run) : run);
    run = '';
  };
  chars.forEach((char, i) => {
    if (marks[i] !== marked) {
      flush();
      marked = marks[i];
    }
    run += char;
  });
  flush();
}

const INLINE =
  /\*\*([^*\n]+)\*\*|\[\^(\d+)\]|\b([Aa]cties?)(\s+)(\d{1,3}(?:\s*(?:,|&|en|of|tot en met|tot|t\/m|–|-)\s*\d{1,3})*)\b|((?:https?:\/\/|www\.)[^\s)>\]]+)/g;

function actionLink(number, label) {
  return el(
    'a',
    { href: `#actie-${number}`, class: 'action-link', 'data-action': number, 'aria-label': label === `Actie ${number}` ? null : `Actie ${number}` },
    label,
  );
}

/** Inline rendering: **bold**, footnote markers, "Actie N" as links, URLs as links, highlights. */
function appendInline(parent, text, options) {
  let last = 0;
  INLINE.lastIndex = 0;
  for (let match = INLINE.exec(text); match; match = INLINE.exec(text)) {
    appendText(parent, text.slice(last, match.index), options.highlight);
    last = INLINE.lastIndex;
    const [whole, bold, note, word, space, numbers, url] = match;
    if (bold !== undefined) {
      const strong = el('strong');
      // The expression is global, so the nested call must not disturb this loop's position.
      const resume = INLINE.lastIndex;
      appendInline(strong, bold, options);
      INLINE.lastIndex = resume;
      parent.append(strong);
    } else if (note !== undefined) {
      parent.append(el('sup', { class: 'note-ref' }, note));
    } else if (word !== undefined && numbers !== undefined && options.actions) {
      const list = numbers.match(/\d+/g) ?? [];
      const valid = list.every((n) => Number(n) >= 1 && Number(n) <= maxAction);
      if (!valid) {
        appendText(parent, whole, options.highlight);
      } else if (list.length === 1) {
        parent.append(actionLink(Number(list[0]), `${word}${space}${numbers}`));
      } else {
        parent.append(`${word}${space}`);
        for (const part of numbers.split(/(\d+)/)) {
          if (/^\d+$/.test(part)) parent.append(actionLink(Number(part), part));
          else if (part) parent.append(part);
        }
      }
    } else if (url !== undefined && options.urls) {
      const trimmed = url.replace(/[.,;:!?]+$/, '');
      const href = trimmed.startsWith('www.') ? `http://${trimmed}` : trimmed;
      parent.append(el('a', { href, rel: 'noopener noreferrer', target: '_blank', class: 'external' }, trimmed));
      parent.append(url.slice(trimmed.length));
    } else {
      appendText(parent, whole, options.highlight);
    }
  }
  appendText(parent, text.slice(last), options.highlight);
}

/**
 * Renders the light Markdown the corpus and the answers use: paragraphs, bullet and numbered lists, bold.
 * @param {HTMLElement} container
 * @param {string} text
 * @param {{actions?:boolean, urls?:boolean, highlight?:string[]}} [options]
 */
function renderRichText(container, text, options = {}) {
  container.replaceChildren();
  /** @type {HTMLElement|null} */ let paragraph = null;
  /** @type {HTMLElement|null} */ let list = null;
  /** @type {HTMLElement|null} */ let item = null;
  for (const raw of String(text).replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) {
      paragraph = list = item = null;
      continue;
    }
    const bullet = /^[-*•]\s+(.*)$/.exec(line);
    const numbered = /^(\d{1,3})[.)]\s+(.*)$/.exec(line);
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (bullet || numbered) {
      const type = bullet ? 'ul' : 'ol';
      if (!list || list.localName !== type) {
        list = el(type);
        container.append(list);
      }
      item = el('li');
      if (numbered) item.setAttribute('value', numbered[1]);
      appendInline(item, bullet ? bullet[1] : numbered[2], options);
      list.append(item);
      paragraph = null;
    } else if (heading) {
      const p = el('p', { class: 'rich-heading' });
      const strong = el('strong');
      appendInline(strong, heading[1], options);
      p.append(strong);
      container.append(p);
      paragraph = list = item = null;
    } else if (item && /^\s+/.test(raw)) {
      // An indented line continues the list item above it.
      item.append(' ');
      appendInline(item, line, options);
    } else {
      list = item = null;
      if (paragraph) paragraph.append(el('br'));
      else {
        paragraph = el('p');
        container.append(paragraph);
      }
      appendInline(paragraph, line, options);
    }
  }
}

const sectionLabel = (section) => [section.number, section.title].filter(Boolean).join(' ');

// ---------------------------------------------------------------- errors and the API

class ApiError extends Error {
  constructor(message, code, status) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

// The server's own 401 message is for API clients ("Authorization: Bearer"); people get this one.
const NO_KEY_MESSAGE = 'Zonder geldige toegangssleutel kan Actiewijzer dit niet tonen. Herlaad de pagina om je sleutel in te vullen.';
const OFFLINE_MESSAGE = 'Geen verbinding met de server. Controleer je netwerk of probeer het zo dadelijk opnieuw.';

/** fetch + JSON; failures become ApiErrors with a Dutch message (the server's own when it sent one). */
async function api(path, options = {}) {
  let response;
  try {
    // apiFetch adds the access key and, on a 401, asks for it and tries again.
    response = await apiFetch(path, {
      ...options,
      headers: { accept: 'application/json', ...(options.body ? { 'content-type': 'application/json' } : {}), ...options.headers },
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(OFFLINE_MESSAGE, 'NETWORK', 0);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (response.status === 401) throw new ApiError(NO_KEY_MESSAGE, 'UNAUTHORIZED', 401);
  if (!response.ok) {
    const message = body?.error?.message;
    throw new ApiError(
      typeof message === 'string' && message ? message : `De server gaf een onverwacht antwoord (HTTP ${response.status}). Probeer het zo dadelijk opnieuw.`,
      body?.error?.code ?? 'HTTP',
      response.status,
    );
  }
  if (body === null) throw new ApiError('De server gaf een onleesbaar antwoord. Probeer het zo dadelijk opnieuw.', 'INVALID_RESPONSE', response.status);
  return body;
}

const messageOf = (error) =>
  error instanceof ApiError ? error.message : 'Er ging iets mis op deze pagina. Probeer het opnieuw of herlaad de pagina.';

function showError(message) {
  $('error-text').textContent = message;
  $('error-banner').hidden = false;
}

function loadActions() {
  state.actions ??= api('/api/actions').then((body) => {
    maxAction = Math.max(...body.actions.map((action) => action.number), 1);
    return body.actions;
  });
  // A failed load may be retried later instead of staying failed.
  state.actions.catch(() => (state.actions = null));
  return state.actions;
}

function loadTags() {
  state.tags ??= api('/api/tags').catch(() => ({ actors: {}, themes: {} }));
  return state.tags;
}

function loadDetail(number) {
  let detail = state.details.get(number);
  if (!detail) {
    detail = api(`/api/actions/${number}`);
    state.details.set(number, detail);
    detail.catch(() => state.details.delete(number));
  }
  return detail;
}

// ---------------------------------------------------------------- model status and banners

async function refreshStatus() {
  try {
    state.status = await api('/api/status');
  } catch {
    // Without a status the badge stays hidden; answers still say which mode they used.
    state.status = null;
  }
  renderStatus();
}

function renderStatus() {
  const badge = $('mode-badge');
  const banner = $('model-banner');
  const status = state.status;
  const noModel = status ? status.mode === 'extractive' || !status.llm.available : false;
  if (status) {
    badge.hidden = false;
    badge.classList.toggle('without-model', noModel);
    if (status.mode === 'extractive') badge.textContent = 'Modus: zonder taalmodel';
    else if (status.llm.available) badge.textContent = `Modus: met taalmodel${status.llm.model ? ` (${status.llm.model})` : ''}`;
    else if (status.mode === 'llm') badge.textContent = 'Taalmodel niet bereikbaar';
    else badge.textContent = 'Modus: zonder taalmodel';
  }
  const lastWithout = state.lastAnswerMode === 'extractive';
  banner.hidden = !(noModel || lastWithout);
  let text;
  if (status?.mode === 'extractive') {
    text = 'Actiewijzer is ingesteld om zonder taalmodel te antwoorden: je krijgt letterlijke passages uit de actielijst, telkens met het actienummer.';
  } else if (status && !status.llm.available && status.mode === 'llm') {
    text = 'Het taalmodel is niet bereikbaar, en Actiewijzer is ingesteld om alleen met taalmodel te antwoorden. Vragen lukken pas weer als het model terug is.';
  } else if (noModel) {
    text = 'Er is nu geen taalmodel bereikbaar. Actiewijzer stelt antwoorden samen uit letterlijke passages van de actielijst, telkens met het actienummer.';
  } else {
    text = 'Het laatste antwoord is samengesteld zonder taalmodel: het bestaat uit letterlijke passages van de actielijst, telkens met het actienummer.';
  }
  $('model-banner-text').textContent = text;
}

// ---------------------------------------------------------------- the chat socket

/** The chat connection's state on <body data-chat>: lets styles and tests see whether answers can stream. */
function setLive(value) {
  document.body.dataset.chat = value;
}

const socket = {
  /** @type {WebSocket|null} */ ws: null,
  attempts: 0,
  /** @type {ReturnType<typeof setTimeout>|null} */ timer: null,
  /** @type {ReturnType<typeof setInterval>|null} */ countdown: null,

  isOpen() {
    return this.ws?.readyState === WebSocket.OPEN;
  },

  connect() {
    this.clearTimers();
    if (this.ws && (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING)) return;
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/chat`;
    let ws;
    const sentKey = currentKey();
    try {
      // Browsers cannot set headers on a WebSocket, so an access key travels as a subprotocol beside the chat's own.
      ws = new WebSocket(url, chatProtocols());
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;
    setLive('connecting');
    ws.addEventListener('open', () => {
      setLive('live');
      const wasReconnect = this.attempts > 0;
      this.attempts = 0;
      $('connection-banner').hidden = true;
      if (wasReconnect) announce('De verbinding met de server is hersteld.');
      void refreshStatus();
    });
    ws.addEventListener('message', (event) => {
      let message;
      try {
        message = JSON.parse(String(event.data));
      } catch {
        return;
      }
      handleServerMessage(message);
    });
    ws.addEventListener('close', (event) => {
      if (this.ws !== ws) return;
      this.ws = null;
      setLive('offline');
      const turn = state.pending;
      const refused = event.code === CHAT_UNAUTHORIZED;
      if (turn && turn.via === 'ws') {
        failTurn(turn, refused ? 'Je toegangssleutel werd geweigerd. Meld je opnieuw aan en stel je vraag nog eens.' : 'De verbinding met de server viel weg tijdens het antwoord. Probeer het opnieuw.');
      }
      if (refused) {
        // Retrying with the same key is pointless: use one entered meanwhile (the page's other calls may have asked
        // already; the refusal can arrive after that), else ask for a new one.
        this.clearTimers();
        void keyAfterRejection(sentKey).then((key) => {
          if (key) this.connect();
          else showError(NO_KEY_MESSAGE);
        });
      } else {
        this.scheduleReconnect();
      }
      // The cancelled answer died with the connection; a waiting question goes over HTTP.
      cancelledAnswerFinished();
    });
  },

  /** Exponential backoff with jitter: 1 s, 2 s, 4 s … at most 30 s, so a restarting server is not flooded. */
  scheduleReconnect() {
    this.clearTimers();
    const base = Math.min(30_000, 1_000 * 2 ** this.attempts);
    const delay = Math.round(base * (0.8 + Math.random() * 0.4));
    this.attempts += 1;
    let remaining = Math.ceil(delay / 1000);
    const render = () => {
      $('connection-text').textContent =
        `Geen live verbinding met de server. Nieuwe poging over ${remaining} s. Je vragen worden intussen zonder live weergave verstuurd.`;
    };
    render();
    $('connection-banner').hidden = false;
    this.countdown = setInterval(() => {
      remaining = Math.max(0, remaining - 1);
      render();
    }, 1000);
    this.timer = setTimeout(() => this.connect(), delay);
  },

  clearTimers() {
    if (this.timer) clearTimeout(this.timer);
    if (this.countdown) clearInterval(this.countdown);
    this.timer = this.countdown = null;
  },

  send(message) {
    if (!this.isOpen() || !this.ws) return false;
    this.ws.send(JSON.stringify(message));
    return true;
  },
};

/** The server has ended the cancelled answer (or can no longer): a question that waited for it goes out now. */
function cancelledAnswerFinished() {
  if (state.cancelTimer) clearTimeout(state.cancelTimer);
  state.cancelTimer = null;
  state.finishingCancelled = false;
  const queued = state.queuedAsk;
  state.queuedAsk = null;
  queued?.();
}

function handleServerMessage(message) {
  const turn = state.pending;
  if (state.finishingCancelled) {
    if (message?.type === 'cancelled' || message?.type === 'done' || message?.type === 'error') cancelledAnswerFinished();
    return;
  }
  switch (message?.type) {
    case 'start':
      if (!turn) return;
      if (typeof message.conversationId === 'string') {
        state.conversationId = message.conversationId;
        turn.conversationId = message.conversationId;
      }
      turn.mode = message.mode ?? null;
      turn.status = 'streaming';
      renderTurnMeta(turn);
      return;
    case 'delta':
      if (!turn || typeof message.text !== 'string') return;
      turn.status = 'streaming';
      turn.answer += message.text;
      scheduleAnswerRender(turn);
      return;
    case 'done':
      if (!turn) return;
      finishTurn(turn, message);
      return;
    case 'error':
      // A refused key closes the socket next, and the key dialog says what to do.
      if (!turn && message.code === 'UNAUTHORIZED') return;
      if (turn) failTurn(turn, typeof message.message === 'string' ? message.message : 'Het antwoord kon niet worden opgesteld.');
      else if (typeof message.message === 'string') showError(message.message);
      return;
    default:
  }
}

// ---------------------------------------------------------------- turns

function setPending(turn) {
  state.pending = turn;
  const send = $('send');
  const messages = $('messages');
  if (turn) {
    send.textContent = 'Stoppen';
    send.classList.add('stop');
    messages.setAttribute('aria-busy', 'true');
  } else {
    send.textContent = 'Versturen';
    send.classList.remove('stop');
    messages.setAttribute('aria-busy', 'false');
  }
}

/** The messages scroll inside their box on wide screens; on phones the whole page scrolls. */
function scroller() {
  const messages = $('messages');
  return getComputedStyle(messages).overflowY === 'visible' ? /** @type {HTMLElement} */ (document.scrollingElement) : messages;
}

const nearEnd = (box) => box.scrollHeight - box.scrollTop - box.clientHeight < 120;

function scrollToEnd(force = false) {
  const box = scroller();
  if (force || nearEnd(box)) box.scrollTop = box.scrollHeight;
}

function createTurnElements(localId, question) {
  const body = el('div', { class: 'answer-body' }, el('p', { class: 'thinking' }, 'Antwoord wordt opgesteld…'));
  const meta = el('p', { class: 'answer-meta' });
  const extra = el('div', { class: 'answer-extra' });
  const root = el(
    'article',
    { class: 'turn', 'aria-label': `Vraag en antwoord ${localId}` },
    el('div', { class: 'question' }, el('h3', { class: 'visually-hidden' }, 'Vraag'), el('p', {}, question)),
    el('div', { class: 'answer' }, el('h3', { class: 'visually-hidden' }, 'Antwoord'), body, meta, extra),
  );
  $('welcome').hidden = true;
  $('messages').append(root);
  scrollToEnd(true);
  return { root, body, meta, extra };
}

function scheduleAnswerRender(turn) {
  if (turn.renderQueued) return;
  turn.renderQueued = true;
  requestAnimationFrame(() => {
    turn.renderQueued = false;
    // "done" may arrive in the same frame as the last deltas; its answer must not be overwritten.
    if (turn.status !== 'streaming') return;
    const box = scroller();
    const follow = nearEnd(box);
    renderRichText(turn.els.body, turn.answer, { actions: true });
    turn.els.body.append(el('span', { class: 'cursor', 'aria-hidden': 'true' }));
    if (follow) box.scrollTop = box.scrollHeight;
  });
}

const MODE_LABELS = { llm: 'Beantwoord met taalmodel', extractive: 'Beantwoord zonder taalmodel (letterlijke passages uit de actielijst)' };

function renderTurnMeta(turn) {
  const label = turn.mode ? MODE_LABELS[turn.mode] ?? `Modus: ${turn.mode}` : '';
  turn.els.meta.textContent = label;
  turn.els.meta.classList.toggle('without-model', turn.mode === 'extractive');
}

function ask(question) {
  const text = question.trim();
  if (!text || state.pending) return;
  const localId = state.nextTurnId++;
  /** @type {Turn} */
  const turn = {
    localId,
    question: text,
    answer: '',
    citations: [],
    mode: null,
    refused: false,
    turnId: null,
    conversationId: state.conversationId,
    status: 'waiting',
    error: null,
    via: 'ws',
    abort: null,
    els: createTurnElements(localId, text),
    renderQueued: false,
  };
  state.turns.push(turn);
  setPending(turn);
  updateToolbar();
  const role = /** @type {HTMLSelectElement} */ ($('role')).value;
  const request = { question: text, ...(state.conversationId ? { conversationId: state.conversationId } : {}), ...(role ? { role } : {}) };
  if (state.finishingCancelled && socket.isOpen()) {
    state.queuedAsk = () => {
      if (state.pending === turn && !socket.send({ type: 'ask', ...request })) askOverHttp(turn, request);
    };
    return;
  }
  if (socket.send({ type: 'ask', ...request })) return;
  askOverHttp(turn, request);
}

/** No live connection: ask over HTTP, the whole answer at once. */
function askOverHttp(turn, request) {
  turn.via = 'http';
  turn.abort = new AbortController();
  api('/api/ask', {
    method: 'POST',
    body: JSON.stringify(request),
    signal: turn.abort.signal,
  })
    .then((response) => {
      if (state.pending === turn) finishTurn(turn, response);
    })
    .catch((error) => {
      if (state.pending !== turn) return;
      failTurn(turn, messageOf(error));
    });
}

function finishTurn(turn, result) {
  if (typeof result.conversationId === 'string') {
    state.conversationId = result.conversationId;
    turn.conversationId = result.conversationId;
  }
  turn.answer = typeof result.answer === 'string' ? result.answer : turn.answer;
  turn.citations = Array.isArray(result.citations)
    ? result.citations.filter((c) => c && (Number.isInteger(c.action) || (c.action === null && typeof c.label === 'string')))
    : [];
  turn.mode = result.mode ?? turn.mode;
  turn.refused = result.refused === true;
  turn.turnId = result.turnId ?? null;
  turn.status = 'done';
  state.lastAnswerMode = turn.mode;
  setPending(null);
  renderFinishedTurn(turn);
  renderStatus();
  updateToolbar();
}

function failTurn(turn, message) {
  turn.status = 'error';
  turn.error = message;
  setPending(null);
  const { body, extra } = turn.els;
  if (turn.answer) renderRichText(body, turn.answer, { actions: true });
  else body.replaceChildren();
  body.append(el('p', { class: 'turn-error', role: 'alert' }, message));
  extra.replaceChildren(
    el('div', { class: 'answer-tools' }, el('button', { type: 'button', class: 'secondary', onclick: () => retryTurn(turn) }, 'Opnieuw proberen')),
  );
  updateToolbar();
}

function retryTurn(turn) {
  if (state.pending) return;
  state.turns = state.turns.filter((t) => t !== turn);
  turn.els.root.remove();
  ask(turn.question);
}

function cancelPending() {
  const turn = state.pending;
  if (!turn) return;
  if (turn.via === 'ws') {
    if (socket.send({ type: 'cancel' })) {
      state.finishingCancelled = true;
      // Should the server never confirm, the next question is not held back for long.
      state.cancelTimer = setTimeout(cancelledAnswerFinished, 5_000);
    }
  } else {
    turn.abort?.abort();
  }
  turn.status = 'cancelled';
  setPending(null);
  if (turn.answer) renderRichText(turn.els.body, turn.answer, { actions: true });
  else turn.els.body.replaceChildren();
  turn.els.body.append(el('p', { class: 'turn-note' }, 'Je hebt dit antwoord gestopt.'));
  turn.els.extra.replaceChildren(
    el('div', { class: 'answer-tools' }, el('button', { type: 'button', class: 'secondary', onclick: () => retryTurn(turn) }, 'Opnieuw vragen')),
  );
  announce('Antwoord gestopt.');
  updateToolbar();
}

function renderFinishedTurn(turn) {
  const { body, extra, root } = turn.els;
  renderRichText(body, turn.answer || 'Er kwam geen antwoord terug.', { actions: true });
  root.classList.toggle('refused', turn.refused);
  renderTurnMeta(turn);
  extra.replaceChildren();
  if (turn.citations.length) {
    const list = el('ul', { class: 'citations' });
    for (const citation of turn.citations) {
      // Another document's passage has no action to open: its label names it, as the answer does.
      const item = el('li', {}, citation.action === null ? el('span', { class: 'citation-label' }, citation.label) : actionLink(citation.action, `Actie ${citation.action}`));
      const place = citationPlace(citation);
      if (place) item.append(el('span', { class: 'citation-section' }, ` · ${place}`));
      if (citation.quote) {
        const quote = el('q', { class: 'citation-quote' });
        quote.textContent = citation.quote;
        item.append(' ', quote);
      }
      list.append(item);
    }
    extra.append(el('section', { class: 'citations-block', 'aria-label': 'Bronnen' }, el('h4', {}, 'Bronnen'), list));
  }
  const copyButton = el('button', { type: 'button', class: 'secondary', onclick: () => copyTurn(turn, copyButton) }, 'Kopiëren');
  extra.append(el('div', { class: 'answer-tools' }, copyButton, feedbackControls(turn)));
  scrollToEnd();
}

// ---------------------------------------------------------------- copy, export, new conversation

function citedActions(turn) {
  const numbers = turn.citations.flatMap((c) => (c.action === null ? [] : [c.action]));
  for (const match of turn.answer.matchAll(/\b[Aa]cties?\s+(\d{1,3}(?:\s*(?:,|&|en|of|tot en met|tot|t\/m|–|-)\s*\d{1,3})*)/g)) {
    for (const n of match[1].match(/\d+/g) ?? []) numbers.push(Number(n));
  }
  return [...new Set(numbers)].filter((n) => n >= 1 && n <= maxAction);
}

/**
 * Where a source stands: an action's section ("3.3.2"), or the chapter of another document's point ("hoofdstuk 1"); a
 * bare "1" after "punt 1" read as a slip.
 */
function citationPlace(c) {
  if (!c.section) return null;
  return c.action === null ? `hoofdstuk ${c.section}` : c.section;
}

/** One source as the copy and the export list it: "- Actie 19 (3.3.2): “…”" or "- Juridisch kader (2026), punt 1 (hoofdstuk 1): “…”". */
function citationLine(c) {
  const name = c.action === null ? c.label : `Actie ${c.action}`;
  const place = citationPlace(c);
  return `- ${name}${place ? ` (${place})` : ''}${c.quote ? `: “${c.quote}”` : ''}`;
}

function turnAsText(turn) {
  const lines = [turn.answer.trim()];
  if (turn.citations.length) {
    lines.push('', 'Bronnen:');
    for (const c of turn.citations) lines.push(citationLine(c));
  }
  return lines.join('\n');
}

async function writeClipboard(text) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Plain http on an intranet has no Clipboard API; the old way still works there.
  const area = el('textarea', { class: 'clipboard-helper', readonly: true, 'aria-hidden': 'true' });
  area.value = text;
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy failed');
}

async function copyTurn(turn, button) {
  try {
    await writeClipboard(turnAsText(turn));
    button.textContent = 'Gekopieerd';
    announce('Antwoord met bronnen gekopieerd.');
    setTimeout(() => (button.textContent = 'Kopiëren'), 2000);
  } catch {
    showError('Kopiëren lukte niet in deze browser. Selecteer de tekst en kopieer hem met Ctrl+C.');
  }
}

const pad = (n) => String(n).padStart(2, '0');

async function exportConversation() {
  const turns = state.turns.filter((turn) => turn.status === 'done');
  if (!turns.length) return;
  let actions = [];
  try {
    actions = await loadActions();
  } catch {
    // Without the list the export still has questions and answers; the action texts say they are missing.
  }
  const byNumber = new Map(actions.map((action) => [action.number, action]));
  const now = new Date();
  const stamp = now.toLocaleString('nl-BE', { dateStyle: 'long', timeStyle: 'short' });
  const out = [
    '# Gesprek met Actiewijzer',
    '',
    `Geëxporteerd op ${stamp}. Bron: SERV, *Actielijst personen met een migratie-achtergrond*.`,
  ];
  turns.forEach((turn, index) => {
    out.push('', `## Vraag ${index + 1}`, '', turn.question, '', `### Antwoord${turn.mode === 'extractive' ? ' (zonder taalmodel)' : turn.mode === 'llm' ? ' (met taalmodel)' : ''}`, '', turn.answer.trim());
    if (turn.citations.length) {
      out.push('', '**Bronnen:**', '');
      for (const c of turn.citations) out.push(citationLine(c));
    }
    const cited = citedActions(turn);
    if (cited.length) {
      out.push('', '### Geciteerde acties');
      for (const number of cited) {
        const action = byNumber.get(number);
        const where = action ? [sectionLabel(action.section), action.heading].filter(Boolean).join(' › ') : '';
        out.push('', `#### Actie ${number}${where ? ` — ${where}` : ''}`, '');
        out.push(action ? action.text.split('\n').map((line) => (line ? `> ${line}` : '>')).join('\n') : '_De tekst van deze actie kon niet worden geladen._');
      }
    }
  });
  out.push('');
  const blob = new Blob([out.join('\n')], { type: 'text/markdown;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const filename = `actiewijzer-gesprek-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.md`;
  const link = el('a', { href: url, download: filename, class: 'visually-hidden' }, 'download');
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  announce('Gesprek geëxporteerd als Markdown-bestand.');
}

function updateToolbar() {
  $('export-conversation').toggleAttribute('disabled', !state.turns.some((turn) => turn.status === 'done'));
}

function newConversation() {
  if (state.turns.length && !window.confirm('Een nieuw gesprek starten? Het huidige gesprek verdwijnt van het scherm (exporteer het eerst als je het wilt bewaren).')) return;
  cancelPending();
  state.turns = [];
  state.conversationId = null;
  state.lastAnswerMode = null;
  for (const node of [...$('messages').children]) if (node.id !== 'welcome') node.remove();
  $('welcome').hidden = false;
  renderStatus();
  updateToolbar();
  $('question').focus();
  announce('Nieuw gesprek gestart.');
}

// ---------------------------------------------------------------- feedback

function feedbackControls(turn) {
  const group = el('div', { class: 'feedback', role: 'group', 'aria-label': 'Was dit antwoord nuttig?' });
  const prompt = el('span', { class: 'feedback-prompt' }, 'Nuttig?');
  const yes = el('button', { type: 'button', class: 'secondary', 'aria-pressed': 'false' }, 'Ja, nuttig');
  const no = el('button', { type: 'button', class: 'secondary', 'aria-pressed': 'false' }, 'Nee, niet nuttig');
  const formSlot = el('div', { class: 'feedback-slot' });
  const choose = (helpful) => {
    yes.setAttribute('aria-pressed', String(helpful));
    no.setAttribute('aria-pressed', String(!helpful));
    formSlot.replaceChildren(feedbackForm(turn, helpful, group));
    formSlot.querySelector('textarea')?.focus();
  };
  yes.addEventListener('click', () => choose(true));
  no.addEventListener('click', () => choose(false));
  group.append(prompt, yes, no, formSlot);
  return group;
}

function feedbackForm(turn, helpful, group) {
  const id = `feedback-comment-${turn.localId}`;
  const status = el('p', { class: 'feedback-status', role: 'status' });
  const comment = el('textarea', { id, rows: '2', maxlength: '2000' });
  const submit = el('button', { type: 'submit', class: 'primary' }, 'Feedback versturen');
  const form = el(
    'form',
    { class: 'feedback-form', novalidate: true },
    el('label', { for: id }, helpful ? 'Wat was goed? (optioneel)' : 'Wat ontbrak of klopte niet? (optioneel)'),
    comment,
    el('div', { class: 'form-actions' }, submit),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.setAttribute('disabled', '');
    status.textContent = 'Bezig met versturen…';
    status.classList.remove('error');
    try {
      await api('/api/feedback', {
        method: 'POST',
        body: JSON.stringify({
          helpful,
          ...(turn.conversationId ? { conversationId: turn.conversationId } : {}),
          ...(turn.turnId !== null && turn.turnId !== undefined ? { turnId: turn.turnId } : {}),
          ...(comment.value.trim() ? { comment: comment.value.trim() } : {}),
          question: turn.question.slice(0, 2000),
          answer: turn.answer.slice(0, 12000),
        }),
      });
      group.replaceChildren(el('p', { class: 'feedback-thanks', role: 'status' }, 'Bedankt voor je feedback.'));
    } catch (error) {
      status.textContent = messageOf(error);
      status.classList.add('error');
      submit.removeAttribute('disabled');
    }
  });
  return form;
}

// ---------------------------------------------------------------- the action panel

const narrowScreen = window.matchMedia('(max-width: 899px)');

function setBackgroundInert(inert) {
  // On a phone the panel covers the page, so what lies beneath must not take focus.
  for (const node of document.querySelectorAll('.skip-link, .site-header, .banners, .tabs, #main')) {
    /** @type {HTMLElement} */ (node).inert = inert;
  }
}

async function openAction(number, opener) {
  const panel = $('action-panel');
  const wasOpen = !panel.hidden;
  if (!wasOpen || opener) state.panelOpener = opener ?? /** @type {HTMLElement|null} */ (document.activeElement);
  panel.hidden = false;
  $('layout').classList.add('panel-open');
  setBackgroundInert(narrowScreen.matches);
  const title = $('action-panel-title');
  const body = $('action-panel-body');
  title.textContent = `Actie ${number}`;
  body.replaceChildren(el('p', { class: 'loading' }, `Actie ${number} wordt geladen…`));
  title.focus();
  try {
    const detail = await loadDetail(number);
    // A quicker later click may have replaced this action already.
    if (title.textContent !== `Actie ${number}`) return;
    renderActionDetail(detail);
  } catch (error) {
    if (title.textContent !== `Actie ${number}`) return;
    body.replaceChildren(
      el('p', { class: 'turn-error', role: 'alert' }, messageOf(error)),
      el('button', { type: 'button', class: 'secondary', onclick: () => openAction(number) }, 'Opnieuw proberen'),
    );
  }
}

function renderActionDetail(detail) {
  const body = $('action-panel-body');
  const tags = [];
  const tagNames = state.tagNames ?? { actors: {}, themes: {} };
  const where = el('p', { class: 'action-where' }, sectionLabel(detail.section), detail.heading ? el('span', {}, ` › ${detail.heading}`) : null);
  const text = el('div', { class: 'action-text' });
  renderRichText(text, detail.text, { actions: true, urls: true });
  if (detail.actors.length || detail.themes.length) {
    tags.push(
      el(
        'dl',
        { class: 'tag-list' },
        detail.actors.length ? [el('dt', {}, 'Actoren'), el('dd', {}, detail.actors.map((id) => el('span', { class: 'chip' }, tagNames.actors[id] ?? id)))] : null,
        detail.themes.length ? [el('dt', {}, "Thema's"), el('dd', {}, detail.themes.map((id) => el('span', { class: 'chip' }, tagNames.themes[id] ?? id)))] : null,
      ),
    );
  }
  const parts = [where, text, ...tags];
  if (detail.context.length) {
    const section = el('section', { class: 'panel-section', 'aria-labelledby': 'panel-context-title' }, el('h3', { id: 'panel-context-title' }, 'Bevindingen vooraf'));
    section.append(el('p', { class: 'hint' }, 'De vaststellingen waarop deze groep acties steunt.'));
    for (const context of detail.context) {
      const block = el('div', { class: 'context-text' });
      renderRichText(block, context.text, { actions: true, urls: true });
      section.append(block);
    }
    parts.push(section);
  }
  if (detail.notes.length) {
    const list = el('ol', { class: 'notes' });
    for (const note of detail.notes) {
      const item = el('li', { value: note.number });
      appendInline(item, note.text, { urls: true });
      // A URL the text does not show as such (split, or none matched) still gets a link.
      for (const url of note.urls) {
        if (![...item.querySelectorAll('a')].some((a) => a.textContent === url)) {
          item.append(' ', el('a', { href: url.startsWith('www.') ? `http://${url}` : url, rel: 'noopener noreferrer', target: '_blank', class: 'external' }, url));
        }
      }
      list.append(item);
    }
    parts.push(el('section', { class: 'panel-section', 'aria-labelledby': 'panel-notes-title' }, el('h3', { id: 'panel-notes-title' }, 'Voetnoten en bronnen'), list));
  }
  if (detail.related.length) {
    parts.push(
      el(
        'section',
        { class: 'panel-section', 'aria-labelledby': 'panel-related-title' },
        el('h3', { id: 'panel-related-title' }, 'Acties uit dezelfde groep'),
        el('ul', { class: 'related' }, detail.related.map((n) => el('li', {}, actionLink(n, `Actie ${n}`)))),
      ),
    );
  }
  if (detail.previous !== null || detail.next !== null) {
    parts.push(
      el(
        'nav',
        { class: 'prev-next', 'aria-label': 'Vorige en volgende actie' },
        detail.previous !== null ? el('a', { href: `#actie-${detail.previous}`, class: 'action-link prev', 'data-action': detail.previous }, `← Actie ${detail.previous}`) : el('span'),
        detail.next !== null ? el('a', { href: `#actie-${detail.next}`, class: 'action-link next', 'data-action': detail.next }, `Actie ${detail.next} →`) : el('span'),
      ),
    );
  }
  body.replaceChildren(...parts);
  body.scrollTop = 0;
  $('action-panel').scrollTop = 0;
}

function closeAction() {
  const panel = $('action-panel');
  if (panel.hidden) return;
  panel.hidden = true;
  $('layout').classList.remove('panel-open');
  setBackgroundInert(false);
  // A deep link (#actie-N) has served its purpose once the panel closes; a reload should not reopen it.
  if (/^#actie-\d+$/.test(location.hash)) {
    const tab = document.querySelector('[role="tab"][aria-selected="true"]');
    const name = tab instanceof HTMLElement ? tab.dataset.tab : 'chat';
    history.replaceState(null, '', name === 'chat' ? `${location.pathname}${location.search}` : `#${name}`);
  }
  const opener = state.panelOpener;
  state.panelOpener = null;
  if (opener && opener.isConnected && opener.offsetParent !== null) opener.focus();
  else if (!$('panel-chat').hidden) $('question').focus();
}

// ---------------------------------------------------------------- browsing the actions

const filters = { words: /** @type {string[]} */ ([]), actor: '', theme: '' };

async function renderActionList() {
  const list = $('action-list');
  const count = $('action-count');
  let actions;
  let tags;
  try {
    [actions, tags] = await Promise.all([loadActions(), loadTags()]);
  } catch (error) {
    count.textContent = '';
    list.replaceChildren(
      el('p', { class: 'turn-error', role: 'alert' }, messageOf(error)),
      el('button', { type: 'button', class: 'secondary', onclick: () => renderActionList() }, 'Opnieuw laden'),
    );
    return;
  }
  fillTagSelects(tags, actions);
  const matches = actions.filter((action) => matchesFilters(action, tags));
  count.textContent = matches.length === actions.length
    ? `Alle ${actions.length} acties.`
    : matches.length
      ? `${matches.length} van de ${actions.length} acties.`
      : 'Geen acties gevonden. Probeer een ander woord of wis de filters.';

  const index = $('section-index');
  index.replaceChildren();
  const groups = [];
  for (const action of matches) {
    const key = sectionLabel(action.section);
    let group = groups.at(-1);
    if (!group || group.key !== key) {
      group = { key, section: action.section, items: [] };
      groups.push(group);
    }
    group.items.push(action);
  }
  const nodes = groups.map((group, i) => {
    const id = `deel-${i}`;
    index.append(
      el('li', {}, el('button', { type: 'button', class: 'link-button', onclick: () => jumpTo(id) }, `${group.key} (${group.items.length})`)),
    );
    const section = el('section', { class: 'action-group', 'aria-labelledby': id }, el('h3', { id, tabindex: '-1' }, group.key));
    let heading = undefined;
    let ul = null;
    for (const action of group.items) {
      if (!ul || action.heading !== heading) {
        heading = action.heading;
        if (heading) section.append(el('h4', {}, heading));
        ul = el('ul', { class: 'action-cards' });
        section.append(ul);
      }
      const text = el('div', { class: 'action-card-text' });
      renderRichText(text, action.text, { highlight: filters.words });
      ul.append(
        el(
          'li',
          { class: 'action-card' },
          el('a', { href: `#actie-${action.number}`, class: 'action-link card-title', 'data-action': action.number }, `Actie ${action.number}`),
          text,
        ),
      );
    }
    return section;
  });
  list.replaceChildren(...nodes);
}

function jumpTo(id) {
  const heading = document.getElementById(id);
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus();
}

let selectsFilled = false;
function fillTagSelects(tags, actions) {
  if (selectsFilled) return;
  selectsFilled = true;
  state.tagNames = tags;
  const used = (key) => new Set(actions.flatMap((action) => action[key]));
  const fill = (select, names, usedIds) => {
    for (const [id, name] of Object.entries(names)) {
      if (usedIds.has(id)) select.append(el('option', { value: id }, name));
    }
  };
  fill($('actor-filter'), tags.actors, used('actors'));
  fill($('theme-filter'), tags.themes, used('themes'));
}

function matchesFilters(action, tags) {
  if (filters.actor && !action.actors.includes(filters.actor)) return false;
  if (filters.theme && !action.themes.includes(filters.theme)) return false;
  if (!filters.words.length) return true;
  const haystack = foldText(
    [
      `actie ${action.number}`,
      sectionLabel(action.section),
      action.heading ?? '',
      action.text,
      ...action.actors.map((id) => tags.actors[id] ?? id),
      ...action.themes.map((id) => tags.themes[id] ?? id),
    ].join('\n'),
  );
  return filters.words.every((word) => haystack.includes(word));
}

// ---------------------------------------------------------------- tabs and routing

function visibleTabs() {
  return [...document.querySelectorAll('[role="tab"]')].filter((tab) => !tab.hidden);
}

function activateTab(name, { focus = false, updateHash = true } = {}) {
  for (const tab of document.querySelectorAll('[role="tab"]')) {
    const selected = tab.dataset.tab === name;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '');
    if (panel) panel.hidden = !selected;
    if (selected && focus) tab.focus();
  }
  if (name === 'acties') void renderActionList();
  if (updateHash) history.replaceState(null, '', name === 'chat' ? `${location.pathname}${location.search}` : `#${name}`);
}

function onTabKey(event) {
  const tabs = visibleTabs();
  const index = tabs.indexOf(event.currentTarget);
  let next = null;
  if (event.key === 'ArrowRight') next = tabs[(index + 1) % tabs.length];
  else if (event.key === 'ArrowLeft') next = tabs[(index - 1 + tabs.length) % tabs.length];
  else if (event.key === 'Home') next = tabs[0];
  else if (event.key === 'End') next = tabs.at(-1);
  if (!next) return;
  event.preventDefault();
  activateTab(next.dataset.tab, { focus: true });
}

function routeFromHash() {
  const hash = decodeURIComponent(location.hash.slice(1));
  const action = /^actie-(\d{1,3})$/.exec(hash);
  if (action) {
    void openAction(Number(action[1]));
    return;
  }
  if (visibleTabs().some((tab) => tab.dataset.tab === hash)) activateTab(hash, { updateHash: false });
}

// ---------------------------------------------------------------- wiring

function init() {
  const question = /** @type {HTMLTextAreaElement} */ ($('question'));
  const form = $('ask-form');

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (state.pending) {
      cancelPending();
      return;
    }
    const text = question.value.trim();
    if (!text) {
      question.focus();
      return;
    }
    question.value = '';
    ask(text);
  });
  question.addEventListener('keydown', (event) => {
    // Enter sends, Shift+Enter adds a line; a composing input method keeps its Enter.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (!state.pending) form.requestSubmit();
    }
  });
  for (const button of document.querySelectorAll('.suggestion')) {
    button.addEventListener('click', () => {
      if (state.pending) return;
      ask(button.textContent ?? '');
      question.focus();
    });
  }
  $('new-conversation').addEventListener('click', newConversation);
  // The role is a standing preference, so it survives reloads.
  const roleSelect = /** @type {HTMLSelectElement} */ ($('role'));
  try {
    const saved = localStorage.getItem('actiewijzer.role');
    if ([...roleSelect.options].some((option) => option.value === saved)) roleSelect.value = saved ?? '';
    roleSelect.addEventListener('change', () => localStorage.setItem('actiewijzer.role', roleSelect.value));
  } catch {
    // Storage may be blocked; the choice then lasts for this page only.
  }
  $('export-conversation').addEventListener('click', () => void exportConversation());

  for (const tab of document.querySelectorAll('[role="tab"]')) {
    tab.addEventListener('click', () => activateTab(tab.dataset.tab));
    tab.addEventListener('keydown', onTabKey);
  }

  const filterInput = /** @type {HTMLInputElement} */ ($('action-filter'));
  filterInput.addEventListener('input', () => {
    filters.words = foldText(filterInput.value).split(/\s+/).filter(Boolean);
    void renderActionList();
  });
  $('actor-filter').addEventListener('change', (event) => {
    filters.actor = /** @type {HTMLSelectElement} */ (event.target).value;
    void renderActionList();
  });
  $('theme-filter').addEventListener('change', (event) => {
    filters.theme = /** @type {HTMLSelectElement} */ (event.target).value;
    void renderActionList();
  });

  // Every "Actie N" link, wherever it is, opens the panel instead of navigating.
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a.action-link[data-action]') : null;
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    const inPanel = $('action-panel').contains(link);
    void openAction(Number(link.getAttribute('data-action')), inPanel ? undefined : /** @type {HTMLElement} */ (link));
  });
  $('action-panel-close').addEventListener('click', closeAction);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !$('action-panel').hidden) {
      event.preventDefault();
      closeAction();
    }
  });
  narrowScreen.addEventListener('change', () => setBackgroundInert(narrowScreen.matches && !$('action-panel').hidden));

  $('error-close').addEventListener('click', () => ($('error-banner').hidden = true));
  $('reconnect-now').addEventListener('click', () => {
    socket.attempts = 0;
    socket.connect();
  });
  window.addEventListener('online', () => {
    if (!socket.isOpen()) socket.connect();
  });
  window.addEventListener('hashchange', routeFromHash);
  window.addEventListener('error', () => showError('Er ging iets mis op deze pagina. Herlaad de pagina als het probleem blijft.'));
  window.addEventListener('unhandledrejection', (event) => {
    event.preventDefault();
    showError(messageOf(event.reason));
  });

  // The positive-action check and the covenant outline live in their own modules; they share the page's helpers.
  const ui = { el, api, actionLink, renderRichText, announce, writeClipboard, messageOf, loadTags };
  initPositiveAction(ui);
  initCovenant(ui);

  void start();
}

async function start() {
  // Asks for the access key first when this Actiewijzer wants one, so the calls below do not all hit a 401.
  if (!(await ensureApiKey())) {
    showError(NO_KEY_MESSAGE);
    return;
  }
  // Load the list early: it makes "Actie N" links exact and export fast.
  loadActions().catch(() => undefined);
  loadTags().then((tags) => (state.tagNames = tags));
  void refreshStatus();
  socket.connect();
  routeFromHash();
}

init();
