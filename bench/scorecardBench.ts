/**
 * Scorecard section of `npm run bench`: what a period view of managerScorecard costs for 20,
 * 200 and 1,000 reps and 10k, 100k and 1M opportunities — requests, response bytes, bytes per
 * rep and time in the preview's in-memory org (the requests the component sends, replayed by
 * bench/scorecardRead.ts), each checked against an independent computation over the records
 * (bench/independent.ts) — and the time from navigation to the rendered scorecard in headless
 * Chromium for the manager and the VP of each organisation.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../data/dataset';
import { generateDataset } from '../data/generate';
import { SCALES, type ScaleName, repCount } from '../data/scales';
import { loadPreviewMetadata } from '../preview/org/loadModel';
import { InMemoryOrg } from '../preview/org/org';
import {
  previousPeriod,
  samePeriodLastYear,
  thisQuarter
} from '../force-app/main/default/lwc/periods/periods';
import { type BenchSection, type BenchTable, formatMs, median } from './harness';
import { differences, expectedRep, independentScorecard } from './independent';
import { computedRep, readScorecard } from './scorecardRead';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCALE_ORDER: ScaleName[] = ['team', 'region', 'enterprise'];
const OPPORTUNITY_COUNTS = [10_000, 100_000, 1_000_000];

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

/**
 * The fields where the scorecard of `userId` differs from the independent computation over
 * the records; throws when any does, so a bench run cannot report an inexact org.
 */
export function assertExact(org: InMemoryOrg, dataset: Dataset, userId: string): number {
  const read = readScorecard(org, userId);
  const today = org.today;
  const period = thisQuarter(today);
  const expected = independentScorecard(
    dataset,
    read.ownerIds,
    { current: period, previous: previousPeriod(period), lastYear: samePeriodLastYear(period) },
    today
  );
  const problems = read.ownerIds.flatMap((repId) => {
    const rep = expected.get(repId);
    return rep ? differences(repId, computedRep(read, repId), expectedRep(rep, today)) : [];
  });
  if (problems.length > 0 || read.truncated.length > 0) {
    throw new Error(
      `The scorecard of ${userId} is not exact: ${[...problems.slice(0, 5), JSON.stringify(read.truncated)].join('; ')}`
    );
  }
  return read.ownerIds.length;
}

function requestTable(): BenchTable {
  const { model } = loadPreviewMetadata(ROOT);
  const rows: (string | number)[][] = [];
  for (const scale of SCALE_ORDER) {
    for (const opportunities of OPPORTUNITY_COUNTS) {
      const dataset = generateDataset({ scale, opportunities });
      const org = new InMemoryOrg(model, dataset, { adopt: true });
      org.store.prepareIndexes();
      for (const persona of ['manager', 'vp'] as const) {
        const userId = dataset.meta.personas[persona];
        const checked = assertExact(org, dataset, userId); // also the warm-up
        const times: number[] = [];
        let cost: PeriodViewCost | null = null;
        for (let i = 0; i < 3; i++) {
          cost = renderPeriodView(org, userId);
          times.push(cost.ms);
        }
        if (!cost) continue;
        rows.push([
          scale,
          opportunities.toLocaleString('en-US'),
          persona,
          cost.reps.toLocaleString('en-US'),
          cost.requests,
          cost.bytes.toLocaleString('en-US'),
          Math.round(cost.bytes / cost.reps).toLocaleString('en-US'),
          formatMs(median(times)),
          `${checked.toLocaleString('en-US')} reps`
        ]);
      }
    }
  }
  return {
    title: 'Scorecard period view: requests and response bytes in the in-memory org',
    headers: [
      'Organisation',
      'Opportunities',
      'Persona',
      'Reps in view',
      'Requests',
      'Response bytes',
      'Bytes per rep',
      'Org time, ms (median of 3)',
      'Equal to the records'
    ],
    rows,
    notes: [
      'Organisations of data/scales.ts (team: 1 manager × 20 reps; region: 10 × 20; enterprise: 50 × 20 under one VP), each with the number of opportunities in the row; the manager persona leads 20 reps at every size, the VP all of them.',
      'Requests: the team (a page per 2,000 people), KPI aggregates, coaching aggregates and follow-ups (one request each per 2,000 reps), saved snapshots, currencies — the documents and variables managerScorecard sends for a period view. Six up to 2,000 reps.',
      'Org time is the in-memory org executing the queries (GraphQL validation, index reads, grouping) after its indexes are built, in Node — a stand-in for the server, not a network measurement.',
      'Equal to the records: every figure of every rep (KPIs, targets, hygiene, cadence, overdue commitments, goals) equals bench/independent.ts, plain loops over the dataset with none of the package’s code; the bench stops otherwise.'
    ]
  };
}

interface NavigationCost {
  startMs: number;
  navigationMs: number[];
  requests: number;
  bytes: number;
}

async function chromiumTable(): Promise<BenchTable> {
  const { launchBrowser, startPreview, stopPreview } = await import('../e2e/harness');
  const server = await startPreview();
  const browser = await launchBrowser();
  const rows: (string | number)[][] = [];
  try {
    for (const scale of SCALE_ORDER) {
      for (const persona of ['manager', 'vp'] as const) {
        const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
        const page = await context.newPage();
        const started = performance.now();
        // Open a page without the scorecard, then navigate to it inside the app.
        await page.goto(`${server.url}?scale=${scale}#/rep-home?as=${persona}`);
        await page.waitForSelector('body[data-preview-ready="true"]', { timeout: 600_000 });
        const cost: NavigationCost = {
          startMs: performance.now() - started,
          navigationMs: [],
          requests: 0,
          bytes: 0
        };
        await page.waitForTimeout(1500);
        for (let i = 0; i < 3; i++) {
          await page.evaluate((who) => {
            location.hash = `#/rep-home?as=${who}`;
          }, persona);
          await page.waitForTimeout(1000);
          const before = await page.evaluate(() => window.__preview?.stats());
          const navigation = performance.now();
          await page.evaluate((who) => {
            location.hash = `#/home?as=${who}`;
          }, persona);
          await page
            .locator('c-manager-scorecard [data-state="data"] table.scorecard-table tbody tr')
            .first()
            .waitFor({ timeout: 120_000 });
          cost.navigationMs.push(performance.now() - navigation);
          await page.waitForTimeout(1000);
          const after = await page.evaluate(() => window.__preview?.stats());
          cost.requests = (after?.requests ?? 0) - (before?.requests ?? 0);
          cost.bytes = (after?.responseBytes ?? 0) - (before?.responseBytes ?? 0);
        }
        await context.close();
        const spec = SCALES[scale];
        const reps = persona === 'vp' ? repCount(spec) : spec.repsPerManager;
        rows.push([
          scale,
          spec.opportunities.toLocaleString('en-US'),
          persona,
          reps.toLocaleString('en-US'),
          formatMs(cost.startMs),
          formatMs(median(cost.navigationMs)),
          cost.requests,
          cost.bytes.toLocaleString('en-US')
        ]);
      }
    }
  } finally {
    await browser.close();
    await stopPreview();
  }
  return {
    title: 'Scorecard page in headless Chromium: navigation to the rendered scorecard',
    headers: [
      'Organisation',
      'Opportunities',
      'Persona',
      'Reps in view',
      'Preview start, ms',
      'Navigation to table rendered, ms (median of 3)',
      'Page requests',
      'Page response bytes'
    ],
    rows,
    notes: [
      'The preview opened with ?scale=<name> (as `npm start -- --scale <name>` does): preview start is page load to ready — the browser generating the org from its seed, loading it into the in-memory org and building its indexes.',
      "Navigation: from the rep's Home to the managers' Home inside the app (the scorecard and the coaching history) until the scorecard's first table row renders, with the preview's simulated 40 ms network latency per request and the in-memory org answering in the page's own thread.",
      'Page requests and bytes count every component on the page during that navigation.'
    ]
  };
}

export const scorecardSection: BenchSection = {
  id: 'scorecard',
  title: 'Manager scorecard',
  run: async () => [requestTable(), await chromiumTable()]
};
