/**
 * KPI engine throughput: the full per-rep KPI computation from the facts, cold (records
 * route: one pass into per-owner accumulators, then KPIs and plan targets per rep; nothing
 * prepared beforehand) against one plain summing pass over the same array, for 1k to 1M
 * opportunities.
 */
import {
  computeRepKpis,
  type KpiRequest,
  type OpportunityFact
} from '../force-app/main/default/lwc/coachingMetrics/coachingMetrics';
import { thisQuarter } from '../force-app/main/default/lwc/periods/periods';
import { generateOpportunities } from './generateOpportunities';
import { type BenchSection, type BenchTable, formatMs, measureTogether } from './harness';

export const KPI_SIZES = [1_000, 10_000, 100_000, 1_000_000];
/** The ratio the engine aims for at 100k records. */
export const TARGET_RATIO = 5;

function plainSum(opportunities: readonly OpportunityFact[]): number {
  let total = 0;
  for (const o of opportunities) total += o.amount ?? 0;
  return total;
}

export function kpiTable(sizes: readonly number[] = KPI_SIZES): BenchTable {
  const rows: (string | number)[][] = [];
  for (const count of sizes) {
    const data = generateOpportunities({ count, reps: 50, seed: 7 });
    const request: KpiRequest = {
      period: thisQuarter(data.today),
      today: data.today,
      plans: data.plans
    };
    const samples = count >= 1_000_000 ? 11 : 21;
    const { medianMs, ratioToFirst } = measureTogether(
      [() => plainSum(data.opportunities), () => computeRepKpis(data.opportunities, request)],
      { samples }
    );
    rows.push([
      count.toLocaleString('en-US'),
      data.repIds.length,
      formatMs(medianMs[0]),
      formatMs(medianMs[1]),
      ratioToFirst[1].toFixed(2)
    ]);
  }
  return {
    title: 'Per-rep KPI computation vs one plain summing pass (median ms)',
    headers: ['Opportunities', 'Reps', 'Plain sum pass', 'Per-rep KPIs, cold', 'Ratio'],
    rows,
    notes: [
      `Per-rep KPIs: closed won, win rate (count, amount), open and weighted pipeline, average deal size, sales cycle and hygiene counts for the current quarter, the previous quarter and the same quarter last year, plus plan targets, percent to plan, growth and coverage — one pass over the facts, each tested against the three windows and (open deals) the hygiene cut-offs, into per-owner accumulators by index. Cold: nothing is prepared beforehand (the typed-array column engine, built in a separate indexing pass, is gone: every component computes KPIs from one rep's deals, and the scorecard reads aggregates). Target: ratio ≤ ${TARGET_RATIO}× at 100k.`,
      `Plain sum pass: \`for (const o of opps) total += o.amount ?? 0\`. The three are measured in alternation, 11–21 rounds after 200 ms warm-up each, short calls batched so one sample lasts ≥ 5 ms; times are medians, ratios the median of per-round ratios to the plain pass. Node ${process.version}.`
    ]
  };
}

export const kpiSection: BenchSection = {
  id: 'kpi',
  title: 'KPI engine',
  run: () => [kpiTable()]
};
