// Shared e2e plumbing: start the real server on a free port with a fresh data dir, launch Debian's Chromium, collect page errors.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Without a browser the e2e tests skip locally; in CI a missing browser must fail them instead. */
export const skipE2e = !existsSync(CHROMIUM) && !process.env.CI;

// Generous: the server ingests the corpus before it listens, Chromium starts cold.
export const SERVER_START_MS = 90_000;
export const TEST_MS = 90_000;

export interface RunningServer {
  url: string;
  /** Everything the server wrote, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Sends a signal to a process group; one that is gone already is not an error. */
function signal(group: number, name: NodeJS.Signals): void {
  try {
    process.kill(-group, name);
  } catch {
    // Already gone.
  }
}

/** Waits until no process of the group is left (signal 0 fails), up to `ms`; whether it is gone. */
async function groupGone(group: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      process.kill(-group, 0);
    } catch {
      return true;
    }
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Spawns `npx tsx src/server.ts` with its own port and data dir and no reachable model; resolves once /health answers. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'actiewijzer-e2e-'));
  const child: ChildProcess = spawn('npx', ['tsx', 'src/server.ts'], {
    cwd: ROOT,
    // Its own process group, so stopping it also stops the node process npx starts.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      OLLAMA_HOST: 'http://127.0.0.1:9',
      EMBEDDINGS: 'hashing',
      // Every test loads the page from the same address; the per-address limit is not what these tests are about.
      RATE_LIMIT_MAX: '100000',
      WS_QUESTIONS_PER_MINUTE: '1000',
      ...env,
    },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true;
      resolve();
    }),
  );

  const url = `http://127.0.0.1:${port}`;
  // npx can exit before the server it started has finished shutting down: its database may still be writing into the
  // data dir, and removing the dir then failed with ENOTEMPTY. So the whole process group has to be gone first.
  const stop = async () => {
    const group = child.pid;
    if (group !== undefined && !exited) signal(group, 'SIGTERM');
    if (group !== undefined && !(await groupGone(group, 10_000))) {
      signal(group, 'SIGKILL');
      await groupGone(group, 5_000);
    }
    if (group !== undefined) await exit;
    await fs.rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
  };

  const deadline = Date.now() + SERVER_START_MS;
  while (Date.now() < deadline) {
    if (exited) {
      await stop();
      throw new Error(`De server stopte tijdens het starten:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return { url, output: () => output, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`De server antwoordde niet op /health binnen ${SERVER_START_MS / 1000} s:\n${output}`);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions of the page, as text. */
  errors: string[];
}

export async function openPage(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ locale: 'nl-BE', acceptDownloads: true, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.setDefaultTimeout(20_000);
  await page.goto(url);
  return { context, page, errors };
}

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export interface ActionDetail {
  number: number;
  section: { number: string | null; title: string };
  heading: string | null;
  text: string;
  context: { id: string; heading: string | null; text: string }[];
  notes: { number: number; text: string; urls: string[] }[];
  related: number[];
  previous: number | null;
  next: number | null;
}

/** WCAG contrast of every visible text against its effective background; returns the elements that fall short. */
export async function contrastFailures(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (value: string): [number, number, number, number] => {
      const m = value.match(/rgba?\(([^)]+)\)/);
      if (!m || !m[1]) return [0, 0, 0, 0];
      const parts = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r ?? 0) + 0.7152 * channel(g ?? 0) + 0.0722 * channel(b ?? 0);
    };
    const background = (element: Element | null): number[] => {
      const layers: [number, number, number, number][] = [];
      for (let node = element; node; node = node.parentElement) {
        const color = parse(getComputedStyle(node).backgroundColor);
        if (color[3] > 0) layers.push(color);
        if (color[3] >= 1) break;
      }
      // Composite from the opaque base (white if none) upwards.
      let base = [255, 255, 255];
      for (const [r, g, b, a] of layers.reverse()) base = [r * a + base[0]! * (1 - a), g * a + base[1]! * (1 - a), b * a + base[2]! * (1 - a)];
      return base;
    };
    const failures: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || seen.has(element) || !node.textContent?.trim()) continue;
      seen.add(element);
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden' || element.closest('.visually-hidden, [hidden]')) continue;
      const fg = parse(style.color);
      const bg = background(element);
      const blended = [fg[0] * fg[3] + bg[0]! * (1 - fg[3]), fg[1] * fg[3] + bg[1]! * (1 - fg[3]), fg[2] * fg[3] + bg[2]! * (1 - fg[3])];
      const [l1, l2] = [luminance(blended), luminance(bg)].sort((a, b) => b - a);
      const ratio = (l1! + 0.05) / (l2! + 0.05);
      const size = parseFloat(style.fontSize);
      const bold = Number(style.fontWeight) >= 700;
      const large = size >= 24 || (bold && size >= 18.66);
      // Disabled controls are exempt from the contrast criterion.
      const disabled = element.closest('button:disabled, [aria-disabled="true"]') !== null;
      if (!disabled && ratio < (large ? 3 : 4.5)) {
        failures.push(`${element.tagName.toLowerCase()}.${element.className} "${node.textContent.trim().slice(0, 40)}": ${ratio.toFixed(2)}`);
      }
    }
    return failures;
  });
}

export interface BrowserSession {
  /** The server of the describe block (set by its beforeAll). */
  readonly server: RunningServer;
  /** Opens a fresh context at a path of the server (or an absolute URL); it is closed after the test. */
  open(path: string, options?: BrowserContextOptions): Promise<OpenedPage>;
}

/** Registers the hooks every browser test needs: one server and one Chromium per describe block, a fresh context per test. */
export function useBrowserSession(env: Record<string, string> = {}): BrowserSession {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const opened: OpenedPage[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(env), launchBrowser()]);
  }, SERVER_START_MS + 30_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async () => {
    for (const page of opened.splice(0)) await page.context.close();
  });

  const started = () => {
    if (!server || !browser) throw new Error('the server and browser start in beforeAll');
    return { server, browser };
  };
  return {
    get server() {
      return started().server;
    },
    async open(path, options = {}) {
      const { server: running, browser: chromiumBrowser } = started();
      const page = await openPage(chromiumBrowser, /^[a-z]+:/.test(path) ? path : `${running.url}${path}`, options);
      opened.push(page);
      return page;
    },
  };
}
