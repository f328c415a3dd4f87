import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import playwright, { type BrowserContext, type Page } from 'playwright-core';

// Debian's chromium, driven by playwright-core: playwright's own browser
// downloads cannot reach the internet here (scripts/ensure-test-tools.mjs
// installs the package). Every switch that would make the browser itself
// talk to the network is off, so a request seen is one the page made.
export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A headless Chromium with a fresh profile, removed on close. */
export interface TestBrowser {
  readonly context: BrowserContext;
  /** Opens a page file and watches it from before its first byte. */
  open(file: string, options?: { javaScriptEnabled?: boolean }): Promise<WatchedPage>;
  close(): Promise<void>;
}

export interface WatchedPage {
  readonly page: Page;
  /** Console errors, page errors (uncaught exceptions) and dialogs (alert, confirm, prompt) so far. */
  readonly problems: string[];
  /** Every request the page made besides loading its own file. */
  readonly requests: string[];
}

export async function launchBrowser(options: { javaScriptEnabled?: boolean } = {}): Promise<TestBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'unreg-chromium-'));
  const { chromium } = playwright;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    open: (file) => openWatched(context, file),
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

async function openWatched(context: BrowserContext, file: string): Promise<WatchedPage> {
  const url = pathToFileURL(file).href;
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', async (dialog) => {
    problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on('request', (request) => {
    if (request.url() !== url) requests.push(request.url());
  });
  // Anything the browser would fetch for the page is refused, and recorded.
  await page.route('**/*', async (route) => {
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems, requests };
}
