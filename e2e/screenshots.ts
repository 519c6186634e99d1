/**
 * `npm run screenshots`: a PNG of every preview page, as the persona it is meant for, into
 * docs/screenshots/ (committed, so the README can show the package without an org).
 */
import { fileURLToPath } from 'node:url';
import { ROOT } from '../preview/build';
import { loadPages } from '../preview/flexiPages';
import {
  launchBrowser,
  openPage,
  saveScreenshot,
  settle,
  startPreview,
  stopPreview
} from './harness';

const PAGES = loadPages(ROOT);
const DOCS_DIR = fileURLToPath(new URL('../docs/screenshots', import.meta.url));

async function main(): Promise<void> {
  const server = await startPreview();
  const browser = await launchBrowser();
  try {
    // Each page as its main audience, and the app page also one level up (the VP's roll-up).
    const shots = [
      ...PAGES.map((definition) => ({ definition, persona: definition.audience[0] })),
      ...PAGES.filter((definition) => definition.id === 'coaching').map((definition) => ({
        definition,
        persona: 'vp' as const
      }))
    ];
    for (const { definition, persona } of shots) {
      const { page, errors } = await openPage(browser, server, { page: definition.id, persona });
      await settle(page);
      const path = await saveScreenshot(page, `${definition.id}-${persona}`, DOCS_DIR);
      console.log(`${path}${errors.length > 0 ? ` (console errors: ${errors.length})` : ''}`);
      await page.close();
    }
  } finally {
    await browser.close();
    await stopPreview();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
