// The access key for the API: asked once when the server wants one, kept for the session, sent with every call and chat socket.

const STORAGE_KEY = 'actiewijzer.toegangssleutel';
/** The chat socket closes with this code when its key is missing or wrong. */
export const CHAT_UNAUTHORIZED = 4401;
const CHAT_PROTOCOL = 'actiewijzer';
// Characters a WebSocket subprotocol may hold (the server accepts no other keys).
const TOKEN = /^[A-Za-z0-9._~+-]+$/;

/** Fallback when sessionStorage is blocked (some privacy settings): the key then lives as long as the page. */
let memoryKey = null;
/** One dialog at a time: the page loads several things at once and each may get a 401. */
let pendingPrompt = null;

function storedKey() {
  try {
    return sessionStorage.getItem(STORAGE_KEY) ?? memoryKey;
  } catch {
    return memoryKey;
  }
}

function storeKey(key) {
  memoryKey = key;
  try {
    if (key) sessionStorage.setItem(STORAGE_KEY, key);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // memoryKey still holds it.
  }
}

function withKey(init) {
  const key = storedKey();
  if (!key) return init;
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${key}`);
  return { ...init, headers };
}

/**
 * fetch with the stored key; on a 401 asks for the key and tries again until it is accepted or the person cancels,
 * in which case the 401 response is returned as it came.
 */
export async function apiFetch(url, init = {}) {
  for (;;) {
    const sent = storedKey();
    const response = await fetch(url, withKey(init));
    if (response.status !== 401) return response;
    const key = await keyAfterRejection(sent);
    if (!key) return response;
  }
}

/** The key stored now, to pass back to keyAfterRejection when what was sent with it is refused. */
export function currentKey() {
  return storedKey();
}

/**
 * After the server refused `sent` (a 401, or a chat socket closed as unauthorized): the key to try next. Another call
 * may have got a new key meanwhile, and then that one is tried; otherwise the person is asked (null when cancelled).
 */
export async function keyAfterRejection(sent) {
  const current = storedKey();
  if (current && current !== sent) return current;
  return promptForApiKey({ rejected: Boolean(sent) });
}

/** The protocols for `new WebSocket(url, chatProtocols())`: the key travels as `bearer.<key>`, the server answers with `actiewijzer`. */
export function chatProtocols() {
  const key = storedKey();
  return key && TOKEN.test(key) ? [CHAT_PROTOCOL, `bearer.${key}`] : [CHAT_PROTOCOL];
}

/** Asks /api/auth whether a key is needed and, when none is stored yet, asks for one. Resolves false when the person cancels. */
export async function ensureApiKey() {
  if (storedKey()) return true;
  let required = false;
  try {
    const response = await fetch('/api/auth', { headers: { accept: 'application/json' } });
    required = response.ok && (await response.json()).required === true;
  } catch {
    // Offline: the calls that follow report it; a 401 among them still brings the dialog.
    return true;
  }
  return required ? Boolean(await promptForApiKey()) : true;
}

/** Shows the dialog (or joins the one already open); resolves with the new key, or null when cancelled. */
function promptForApiKey({ rejected = false } = {}) {
  if (rejected) storeKey(null);
  pendingPrompt ??= showDialog(rejected).finally(() => {
    pendingPrompt = null;
  });
  return pendingPrompt;
}

function element(tag, properties = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(properties)) {
    if (name in node) node[name] = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

function showDialog(rejected) {
  return new Promise((resolve) => {
    const input = element('input', {
      type: 'password',
      id: 'api-key-input',
      name: 'key',
      required: true,
      autocomplete: 'off',
      spellcheck: false,
      autofocus: true,
    });
    const problem = element('p', { id: 'api-key-problem', className: 'api-key-problem', role: 'alert' }, [
      'De vorige sleutel werd niet aanvaard. Controleer hem en probeer opnieuw.',
    ]);
    problem.hidden = !rejected;
    // A plain button, so Enter in the field submits with "Doorgaan".
    const cancel = element('button', { type: 'button', className: 'secondary' }, ['Annuleren']);
    const ok = element('button', { type: 'submit', value: 'ok', className: 'primary' }, ['Doorgaan']);
    const form = element('form', { method: 'dialog' }, [
      element('h2', { id: 'api-key-title' }, ['Toegangssleutel']),
      element('p', { id: 'api-key-text' }, [
        'Deze Actiewijzer vraagt een toegangssleutel. Je krijgt die van wie Actiewijzer in je organisatie beheert; ze blijft bewaard tot je dit tabblad sluit.',
      ]),
      problem,
      element('label', { htmlFor: 'api-key-input' }, ['Toegangssleutel']),
      input,
      element('div', { className: 'api-key-buttons' }, [cancel, ok]),
    ]);
    const dialog = element('dialog', { className: 'api-key-dialog', 'aria-labelledby': 'api-key-title', 'aria-describedby': 'api-key-text' }, [form]);

    cancel.addEventListener('click', () => dialog.close('cancel'));
    // The key is stored as the form is sent: the dialog's close event comes a task later, and in between the dialog was
    // already gone while the refused key's removal still stood (the browser test read no key there, now and then).
    form.addEventListener('submit', () => {
      const key = input.value.trim();
      if (key) storeKey(key);
    });
    dialog.addEventListener('close', () => {
      const key = input.value.trim();
      dialog.remove();
      resolve(dialog.returnValue === 'ok' && key ? key : null);
    });
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
  });
}
