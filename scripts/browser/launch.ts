/**
 * Headless Chromium for the browser tests and `npm run org:verify`: @sparticuz/chromium ships a
 * Chromium that runs without system packages, CHROME_PATH overrides it.
 */
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser } from 'playwright-core';

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH || (await chromium.executablePath());
  return playwright.launch({
    executablePath,
    headless: true,
    args: [
      // --single-process (meant for AWS Lambda) takes the whole browser down when a test
      // closes its page; every other flag is kept.
      ...chromium.args.filter((arg) => arg !== '--single-process'),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run'
    ]
  });
}
