/**
 * Shared helpers for the browser tests: build and serve the preview, launch headless Chromium
 * (from @sparticuz/chromium, or CHROME_PATH), open a page as a persona, and collect console
 * errors. A component's browser test looks like:
 *
 *   void describe('deal coach', () => {
 *     const preview = usePreview();   // builds once, serves on a free port, launches Chromium
 *     void it('logs a review', async () => {
 *       const { page, errors } = await preview.open({ page: 'opportunity', persona: 'manager' });
 *       await page.getByRole('button', { name: 'Log session' }).click();
 *       assert.deepEqual(errors, []);
 *       await saveScreenshot(page, 'deal-coach-manager');
 *     });
 *   });
 *
 * `npm run test:e2e` builds the preview once and sets PREVIEW_SKIP_BUILD=1; a test file run on
 * its own builds first. Fault injection: `openPage(…, { fail: ['next-query'] })` or, once the
 * page is open, `failNext(page, 'write')`.
 */
import { mkdirSync } from 'node:fs';
import { after, before } from 'node:test';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { buildPreview } from '../preview/build';
import { launchBrowser } from '../scripts/browser/launch';
import type { Persona } from '../preview/runtime/routes';
import { formatRoute } from '../preview/runtime/routes';
import { startServer, type RunningServer } from '../preview/server';

export type { Browser, Page } from 'playwright-core';
export { launchBrowser };
export type { Persona } from '../preview/runtime/routes';

export const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots', import.meta.url));

let serverPromise: Promise<RunningServer> | null = null;

/** Builds the preview (unless PREVIEW_SKIP_BUILD=1) and serves it on a random loopback port. */
export function startPreview(): Promise<RunningServer> {
  serverPromise ??= (async () => {
    if (process.env.PREVIEW_SKIP_BUILD !== '1') await buildPreview();
    return startServer({ port: 0 });
  })();
  return serverPromise;
}

export async function stopPreview(): Promise<void> {
  if (!serverPromise) return;
  const server = await serverPromise;
  serverPromise = null;
  await server.close();
}

export interface OpenOptions {
  page: string;
  persona: Persona;
  recordId?: string;
  /**
   * Fault injection from the URL: 'next-query', 'next-write' (repeat to fail several), or
   * 'operation:<name>' to fail every request of that GraphQL operation.
   */
  fail?: ('next-query' | 'next-write' | `operation:${string}`)[];
  /** Forget writes journalled earlier in this tab (a new tab starts from the sample anyway). */
  reset?: boolean;
  /** 'multi': the sample as a multi-currency org (preview/runtime `?currency=multi`). */
  currency?: 'multi';
  /** A large org of data/scales.ts instead of the sample (preview/runtime `?scale=`). */
  scale?: string;
  viewport?: { width: number; height: number };
}

export interface OpenedPage {
  page: Page;
  /** console.error messages and uncaught exceptions, collected from the moment of opening. */
  errors: string[];
}

export function previewUrl(server: RunningServer, options: OpenOptions): string {
  const search = new URLSearchParams();
  for (const flag of options.fail ?? []) search.append('fail', flag);
  if (options.reset) search.set('reset', '1');
  if (options.currency) search.set('currency', options.currency);
  if (options.scale) search.set('scale', options.scale);
  const query = search.toString();
  const hash = formatRoute({
    page: options.page,
    recordId: options.recordId,
    persona: options.persona,
    state: {}
  });
  return `${server.url}${query ? `?${query}` : ''}${hash}`;
}

/** Collects console errors and page errors of a page from now on. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`Uncaught: ${error.message}`));
  return errors;
}

/** Opens a preview page as a persona in a new tab and waits until the shell has rendered. */
export async function openPage(
  browser: Browser,
  server: RunningServer,
  options: OpenOptions
): Promise<OpenedPage> {
  // A context per page: its own sessionStorage, so tabs never share journalled writes.
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1400, height: 1000 }
  });
  const page = await context.newPage();
  // Closing the browser closes its pages too; the context may be gone by then.
  page.on('close', () => void context.close().catch(() => undefined));
  const errors = collectErrors(page);
  await page.goto(previewUrl(server, options));
  await page.waitForSelector('body[data-preview-ready="true"]');
  await page.locator(`[data-page="${options.page}"]`).waitFor();
  return { page, errors };
}

/** Waits until no placement is still loading and the preview's requests have settled. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelectorAll('lightning-spinner').length === 0,
    undefined,
    {
      timeout: 15_000
    }
  );
  await page.waitForTimeout(300);
}

/** The next `count` requests of a kind fail; with `after`, only once that many went through. */
export async function failNext(
  page: Page,
  kind: 'query' | 'write',
  count = 1,
  after = 0
): Promise<void> {
  await page.evaluate(
    ([failure, times, skip]) => window.__preview?.failNext(failure, times, skip),
    [kind, count, after] as const
  );
}

/** The server is back: failures injected earlier (by URL or failNext) stop. */
export async function recover(page: Page): Promise<void> {
  await page.evaluate(() => window.__preview?.recover());
}

export async function saveScreenshot(
  page: Page,
  name: string,
  directory = SCREENSHOT_DIR
): Promise<string> {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The preview and browser of a describe block, available once its `before` hook has run. */
export interface PreviewSession {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** openPage with this session's browser and server. */
  open(options: OpenOptions): Promise<OpenedPage>;
}

/**
 * Call inside a describe: starts the preview and a browser before its tests and closes both
 * after, so every browser test file shares one set-up instead of repeating it.
 */
export function usePreview(): PreviewSession {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = await startPreview();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await stopPreview();
  });
  const session: PreviewSession = {
    get server(): RunningServer {
      if (!server)
        throw new Error('usePreview: the preview is not started yet (use it in a test).');
      return server;
    },
    get browser(): Browser {
      if (!browser)
        throw new Error('usePreview: the browser is not launched yet (use it in a test).');
      return browser;
    },
    open: (options) => openPage(session.browser, session.server, options)
  };
  return session;
}
