/**
 * Deterministic synthetic opportunities for the benchmarks: a seeded PRNG, the standard stages
 * with their probabilities, log-normal amounts, close dates over 8 quarters, created before
 * close, push counts, stage-change and activity dates, 1–50 reps.
 */
import type {
  OpportunityFact,
  TerritoryPlanFact
} from '../force-app/main/default/lwc/coachingMetrics/coachingMetrics';
import { OPPORTUNITY_STAGES } from '../force-app/main/default/lwc/dealHealth/dealHealth';
import {
  lastNQuarters,
  toEpochDay,
  type IsoDate,
  type Period
} from '../force-app/main/default/lwc/periods/periods';

/** mulberry32: small, fast, good enough for test data, and identical on every platform. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPEN_STAGES = OPPORTUNITY_STAGES.filter((stage) => !stage.closed);

export interface GeneratedData {
  today: IsoDate;
  quarters: Period[];
  repIds: string[];
  opportunities: OpportunityFact[];
  plans: TerritoryPlanFact[];
}

export interface GenerateOptions {
  count: number;
  reps?: number;
  seed?: number;
  today?: IsoDate;
}

export function generateOpportunities(options: GenerateOptions): GeneratedData {
  const random = seededRandom(options.seed ?? 42);
  const today = options.today ?? '2026-11-15';
  const todayDay = toEpochDay(today);
  const repCount = Math.min(50, Math.max(1, options.reps ?? 50));
  const repIds = Array.from({ length: repCount }, (_, i) => `005REP${String(i).padStart(9, '0')}`);
  const quarters = lastNQuarters(today, 8);
  const firstDay = toEpochDay(quarters[0].start);
  const lastDay = toEpochDay(quarters[quarters.length - 1].end);
  const span = lastDay - firstDay + 1;
  // Box–Muller for the normal behind log-normal amounts.
  const normal = (): number =>
    Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  // Reps differ in skill: win rate and typical deal size.
  const repWinRate = repIds.map(() => 0.15 + random() * 0.3);
  const repScale = repIds.map(() => 9.5 + random() * 1.5);
  const opportunities: OpportunityFact[] = new Array<OpportunityFact>(options.count);
  for (let i = 0; i < options.count; i++) {
    const rep = Math.floor(random() * repCount);
    const closeDay = firstDay + Math.floor(random() * span);
    const cycle = 7 + Math.floor(-Math.log(1 - random()) * 60);
    const createdDay = closeDay - cycle;
    const inPast = closeDay < todayDay;
    // Most deals closing in the past are closed; the rest slipped and are still open.
    const isClosed = inPast ? random() < 0.88 : random() < 0.05;
    const isWon = isClosed && random() < repWinRate[rep];
    const openStage = OPEN_STAGES[Math.floor(random() * OPEN_STAGES.length)];
    const amount = random() < 0.03 ? null : Math.round(Math.exp(repScale[rep] + 0.9 * normal()));
    const pushCount = random() < 0.7 ? 0 : 1 + Math.floor(-Math.log(1 - random()) * 1.5);
    const stageChange =
      random() < 0.15 ? null : Math.min(todayDay, createdDay + Math.floor(random() * cycle));
    const activity = random() < 0.1 ? null : todayDay - Math.floor(random() * 60);
    opportunities[i] = {
      id: `006OPP${String(i).padStart(12, '0')}`,
      ownerId: repIds[rep],
      accountId: `001ACC${String(Math.floor(random() * 5000)).padStart(9, '0')}`,
      amount,
      stage: isClosed ? (isWon ? 'Closed Won' : 'Closed Lost') : openStage.name,
      probability: isClosed ? (isWon ? 100 : 0) : openStage.probability,
      isClosed,
      isWon,
      closeDay,
      createdDay,
      pushCount,
      lastStageChangeDay: stageChange,
      lastActivityDay: activity
    };
  }
  const plans: TerritoryPlanFact[] = [];
  for (const repId of repIds) {
    for (const quarter of quarters) {
      plans.push({
        id: `a01PLAN${repId}${quarter.start}`,
        ownerId: repId,
        managerId: '005MGR000000001',
        startDay: toEpochDay(quarter.start),
        endDay: toEpochDay(quarter.end),
        target: (options.count / repCount / 8) * 40_000,
        status: 'Active'
      });
    }
  }
  return { today, quarters, repIds, opportunities, plans };
}
