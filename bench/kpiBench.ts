/**
 * KPI engine throughput, cold: the full per-rep KPI computation (records route: per-owner
 * accumulators, then KPIs and plan targets per rep) against one plain summing pass over the
 * same records, for 1k to 1M opportunities — from the set the normaliser builds as it reads the
 * UI API nodes (columns appended in the loop that already touches every field), and from plain
 * facts in one pass (what the components do with one rep's deals). The normaliser's own cost,
 * with and without the columns, says what preparing them costs.
 */
import {
  computeRepKpis,
  type KpiRequest,
  type OpportunityFact
} from '../force-app/main/default/lwc/coachingMetrics/coachingMetrics';
import {
  type Connection,
  type OpportunityNode,
  opportunityFactSetFromConnection,
  opportunityFactsFromConnection
} from '../force-app/main/default/lwc/opportunityData/uiApi';
import { fromEpochDay, thisQuarter } from '../force-app/main/default/lwc/periods/periods';
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

/** The facts as the UI API returns them, for the normaliser. */
function asConnection(facts: readonly OpportunityFact[]): Connection<OpportunityNode> {
  const day = (value: number | null) => ({ value: value === null ? null : fromEpochDay(value) });
  return {
    edges: facts.map((fact) => ({
      node: {
        Id: fact.id,
        OwnerId: { value: fact.ownerId },
        AccountId: { value: fact.accountId },
        Amount: { value: fact.amount },
        StageName: { value: fact.stage },
        Probability: { value: fact.probability },
        IsClosed: { value: fact.isClosed },
        IsWon: { value: fact.isWon },
        CloseDate: day(fact.closeDay),
        CreatedDate: { value: `${fromEpochDay(fact.createdDay)}T10:00:00.000Z` },
        PushCount: { value: fact.pushCount },
        LastStageChangeDate: day(fact.lastStageChangeDay),
        LastActivityDate: day(fact.lastActivityDay)
      }
    }))
  };
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
    const connection = asConnection(data.opportunities);
    // What the components' wire handler does once when the records arrive.
    const set = opportunityFactSetFromConnection(connection, data.repIds);
    const samples = count >= 1_000_000 ? 11 : 21;
    const kpis = measureTogether(
      [
        () => plainSum(data.opportunities),
        () => computeRepKpis(set, request),
        () => computeRepKpis(data.opportunities, request)
      ],
      { samples }
    );
    const normalise = measureTogether(
      [
        () => opportunityFactsFromConnection(connection),
        () => opportunityFactSetFromConnection(connection, data.repIds)
      ],
      { samples: count >= 1_000_000 ? 5 : 11 }
    );
    rows.push([
      count.toLocaleString('en-US'),
      data.repIds.length,
      formatMs(kpis.medianMs[0]),
      formatMs(kpis.medianMs[1]),
      kpis.ratioToFirst[1].toFixed(2),
      formatMs(kpis.medianMs[2]),
      kpis.ratioToFirst[2].toFixed(2),
      formatMs(normalise.medianMs[0]),
      `+${((normalise.ratioToFirst[1] - 1) * 100).toFixed(0)}%`
    ]);
  }
  return {
    title: 'Per-rep KPI computation, cold, vs one plain summing pass (median ms)',
    headers: [
      'Opportunities',
      'Reps',
      'Plain sum pass',
      'KPIs from the normaliser’s set',
      'Ratio',
      'KPIs from plain facts',
      'Ratio, plain facts',
      'Normalising the nodes',
      'Columns add'
    ],
    rows,
    notes: [
      `Per-rep KPIs: closed won, win rate (count, amount), open and weighted pipeline, average deal size, sales cycle and hygiene counts for the current quarter, the previous quarter and the same quarter last year, plus plan targets, percent to plan, growth and coverage. Cold: nothing is prepared for the KPIs beyond what the normaliser builds while reading the records (opportunityFactSetFromConnection appends typed-array columns — owner index, close day, status, amounts — in the loop that turns each UI API node into a fact; "Columns add" is that loop's extra time). The KPIs then read numbers in input order: no sort, no separate indexing pass (the former column engine sorted by close date in one). From plain facts (what the plan card and KPI goals do with one rep's deals) the pass looks each owner up by id. Target: ratio ≤ ${TARGET_RATIO}× at 100k.`,
      `Plain sum pass: \`for (const o of opps) total += o.amount ?? 0\`. Measured in alternation, 11–21 rounds after 200 ms warm-up each, short calls batched so one sample lasts ≥ 5 ms; times are medians, ratios the median of per-round ratios to the plain pass. Node ${process.version}.`
    ]
  };
}

export const kpiSection: BenchSection = {
  id: 'kpi',
  title: 'KPI engine',
  run: () => [kpiTable()]
};
