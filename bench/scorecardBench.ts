/**
 * Scorecard section of `npm run bench`: requests and response bytes of the manager scorecard's
 * period view in the preview's in-memory org for 1k, 10k and 100k opportunities (the exact
 * documents and variables the component sends), and time to interactive of the scorecard page
 * in headless Chromium.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DATASET_TODAY, generateDataset } from '../data/generate';
import { loadPreviewMetadata } from '../preview/org/loadModel';
import { InMemoryOrg } from '../preview/org/org';
import { type BenchSection, type BenchTable, formatMs, median } from './harness';
import { readScorecard } from './scorecardRead';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface PeriodViewCost {
  requests: number;
  bytes: number;
  ms: number;
  reps: number;
}

/** The requests of a period view, replayed as managerScorecard sends them (scorecardRead). */
export function renderPeriodView(org: InMemoryOrg, managerId: string): PeriodViewCost {
  const read = readScorecard(org, managerId);
  return { requests: read.requests, bytes: read.bytes, ms: read.ms, reps: read.ownerIds.length };
}

async function requestTable(): Promise<BenchTable> {
  const { model } = await loadPreviewMetadata(ROOT);
  const rows: (string | number)[][] = [];
  for (const count of [1_000, 10_000, 100_000]) {
    const dataset = generateDataset({ opportunities: count });
    const org = new InMemoryOrg(model, dataset, { today: DATASET_TODAY });
    for (const persona of ['manager', 'vp'] as const) {
      const managerId = dataset.meta.personas[persona];
      renderPeriodView(org, managerId); // warm-up: schema build, indexes
      const times: number[] = [];
      let cost: PeriodViewCost | null = null;
      for (let i = 0; i < 3; i++) {
        cost = renderPeriodView(org, managerId);
        times.push(cost.ms);
      }
      if (!cost) continue;
      rows.push([
        count.toLocaleString('en-US'),
        persona,
        cost.reps,
        cost.requests,
        cost.bytes.toLocaleString('en-US'),
        formatMs(median(times))
      ]);
    }
  }
  return {
    title: 'Scorecard period view: requests and response bytes in the in-memory org',
    headers: [
      'Opportunities',
      'Persona',
      'Reps',
      'Requests',
      'Response bytes',
      'Org time, ms (median)'
    ],
    rows,
    notes: [
      'Requests: team, KPI aggregates (3 windows + hygiene), coaching data, saved snapshots — the documents and variables managerScorecard sends for a period view.',
      'Bytes grow with the number of reps and sessions, not with the number of opportunities (aggregates grouped by OwnerId).',
      'Org time is the in-memory org executing the queries (GraphQL validation + in-memory filtering), not a network measurement.'
    ]
  };
}

async function interactiveTable(): Promise<BenchTable> {
  const { launchBrowser, startPreview, stopPreview, openPage } = await import('../e2e/harness');
  const server = await startPreview();
  const browser = await launchBrowser();
  const rows: (string | number)[][] = [];
  try {
    for (const persona of ['manager', 'vp'] as const) {
      const times: number[] = [];
      let stats = { requests: 0, responseBytes: 0 };
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        const { page } = await openPage(browser, server, {
          page: persona === 'vp' ? 'coaching' : 'home',
          persona
        });
        await page
          .locator('c-manager-scorecard [data-state="data"] table.scorecard-table tbody tr')
          .first()
          .waitFor({ timeout: 30_000 });
        times.push(performance.now() - started);
        stats = await page.evaluate(() => {
          const s = window.__preview?.stats();
          return { requests: s?.requests ?? 0, responseBytes: s?.responseBytes ?? 0 };
        });
        await page.close();
      }
      rows.push([
        persona,
        formatMs(median(times)),
        stats.requests,
        stats.responseBytes.toLocaleString('en-US')
      ]);
    }
  } finally {
    await browser.close();
    await stopPreview();
  }
  return {
    title:
      'Scorecard page: time to interactive in headless Chromium (sample data, 1,800 opportunities)',
    headers: [
      'Persona',
      'Navigation to table rendered, ms (median of 3)',
      'Page requests',
      'Page response bytes'
    ],
    rows,
    notes: [
      "From page.goto to the first table row of the scorecard, including the preview's simulated network latency.",
      'Page requests and bytes count every component on the page (the timeline and forms beside the scorecard too).'
    ]
  };
}

export const scorecardSection: BenchSection = {
  id: 'scorecard',
  title: 'Manager scorecard',
  run: async () => [await requestTable(), await interactiveTable()]
};
