/**
 * Opens a page in headless Chromium and says what is wrong with the package's components on it:
 * a placed component that never appears, one still loading when time is up, one showing an error
 * panel, one that renders nothing, or the platform's own error dialog. `inspectComponents` needs
 * only a Playwright page, so the browser tests run it on the preview's pages too.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../browser/launch';

export interface PageRequest {
  /** The CLI's frontdoor URL (it logs the browser in and lands in the app). */
  frontdoorUrl: string;
  /** The Lightning path to open once logged in, relative to the instance. */
  path: string;
  /** Custom elements of the placed components, e.g. c-deal-coach. */
  components: readonly string[];
  timeoutSeconds: number;
}

/** Spinners and the components' own loading states (data-state="loading", "deals-loading"). */
const LOADING = 'lightning-spinner, [data-state="loading"], [data-state$="-loading"]';
/** The components' error panels (ldsErrors, data-state="error") and SLDS error alerts. */
const ERROR = '[data-state="error"], .error-panel, .slds-alert_error';
/** What Lightning Experience shows when a component or the page itself fails. */
const PLATFORM_ERROR = /Sorry to interrupt|Looks like there's a problem|Page doesn't exist/;

/** Problems of the placed components on an open page; empty when each one rendered cleanly. */
export async function inspectComponents(
  page: Page,
  components: readonly string[],
  timeoutSeconds: number
): Promise<string[]> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  const left = (): number => Math.max(1, deadline - Date.now());
  const problems: string[] = [];
  for (const tag of components) {
    const element = page.locator(tag).first();
    try {
      await element.waitFor({ state: 'attached', timeout: left() });
    } catch {
      problems.push(`${tag} never rendered (not on the page after ${timeoutSeconds} s)`);
      continue;
    }
    while ((await element.locator(LOADING).count()) > 0 && Date.now() < deadline) {
      await page.waitForTimeout(250);
    }
    if ((await element.locator(LOADING).count()) > 0) {
      problems.push(`${tag} is still loading after ${timeoutSeconds} s`);
    }
    const errors = element.locator(ERROR);
    const shown: string[] = [];
    for (let index = 0; index < (await errors.count()); index++) {
      const panel = errors.nth(index);
      if (await panel.isVisible())
        shown.push((await panel.innerText()).trim().replace(/\s+/g, ' '));
    }
    if (shown.length > 0) problems.push(`${tag} shows an error: ${shown.join(' | ')}`);
    else if ((await element.innerText()).trim() === '') problems.push(`${tag} rendered nothing`);
  }
  const platform = page.getByText(PLATFORM_ERROR).first();
  if ((await platform.count()) > 0 && (await platform.isVisible())) {
    problems.push(`the page shows "${(await platform.innerText()).trim().slice(0, 200)}"`);
  }
  return problems;
}

export interface PageChecker {
  check(request: PageRequest): Promise<string[]>;
  close(): Promise<void>;
}

/** The real checker: one Chromium for every page, a fresh context (session) per page. */
export function chromiumPageChecker(): PageChecker {
  let browser: Promise<Browser> | undefined;
  return {
    async check(request) {
      browser ??= launchBrowser();
      const context = await (await browser).newContext({ viewport: { width: 1400, height: 1000 } });
      try {
        const page = await context.newPage();
        const timeout = request.timeoutSeconds * 1000;
        await page.goto(request.frontdoorUrl, { waitUntil: 'load', timeout });
        // The frontdoor redirects into Lightning; the page path is opened from inside the app.
        await page.waitForURL(/\/lightning\//, { timeout });
        const origin = new URL(page.url()).origin;
        await page.goto(`${origin}/${request.path}`, { waitUntil: 'load', timeout });
        return await inspectComponents(page, request.components, request.timeoutSeconds);
      } catch (error) {
        return [`the page did not open: ${error instanceof Error ? error.message : String(error)}`];
      } finally {
        await context.close();
      }
    },
    async close() {
      if (browser) await (await browser).close();
    }
  };
}
