/**
 * The sample org: a sales team with two years of opportunities, territory plans, coaching
 * sessions, development goals and saved scorecards. Deterministic (seeded), so the committed
 * data/sample-data.json, the preview's screenshots and the browser tests are stable.
 *
 * Records use the org's API names and 18-character ids so the same file can feed an
 * `sf data tree` plan. `generateDataset({ opportunities })` scales the opportunity count for
 * benchmarks while keeping the team, plans and sessions the same; `generateDataset({ scale })`
 * builds one of the larger organisations of data/scales.ts instead (up to 50 managers, 1,000
 * reps and a million opportunities), on demand. No Node imports: the preview runs this in the
 * browser to start on a large org. The command line is data/cli.ts (`npm run data:generate`).
 */
import { Random } from './random';
import { recordId } from './ids';
import { addDays, daysBetween, isoDateTime, shiftQuarter, type Quarter } from './dates';
import type { Dataset, DatasetRecord } from './dataset';
import {
  GOAL_METRICS,
  computeCadence,
  computeRepKpis,
  indexByOwner,
  type GoalMetric
} from '../force-app/main/default/lwc/coachingMetrics/coachingMetrics';
import {
  entryFields,
  goalCounts,
  repRows,
  scorecardFields,
  teamRow
} from '../force-app/main/default/lwc/managerScorecard/scorecardModel';
import {
  goalFactFromNode,
  opportunityFactFromNode,
  planFactFromNode,
  sessionFactFromNode,
  type CoachingSessionNode,
  type DevelopmentGoalNode,
  type OpportunityNode,
  type TerritoryPlanNode
} from '../force-app/main/default/lwc/opportunityData/uiApi';
import {
  OPPORTUNITY_STAGES,
  stageNamed,
  type OpportunityStage
} from '../force-app/main/default/lwc/dealHealth/dealHealth';
import { SCALES, type ScaleName, type ScaleSpec } from './scales';

/** The date the whole sample is built around; the preview treats it as today. */
export const DATASET_TODAY = '2026-11-23';
export const DATASET_SEED = 20261123;
export const DEFAULT_OPPORTUNITY_COUNT = 1800;
/** Saved scorecards: each manager's last four completed quarters. */
const SCORECARD_QUARTERS = 4;

export interface DatasetOptions {
  /** Total number of opportunities (default 1800, or the scale's). */
  opportunities?: number;
  /** A larger organisation (data/scales.ts, or a spec of one) instead of the sample team. */
  scale?: ScaleName | ScaleSpec;
  seed?: number;
  today?: string;
}

const OPEN_STAGES = OPPORTUNITY_STAGES.filter((stage) => !stage.closed);
const WON = stageNamed('Closed Won') as OpportunityStage;
const LOST = stageNamed('Closed Lost') as OpportunityStage;

export const SESSION_TYPES = [
  'One-on-One',
  'Deal Review',
  'Pipeline Review',
  'Field Ride-Along',
  'Call Coaching',
  'Forecast Review',
  'Career Discussion'
] as const;

export const FOCUS_AREAS = [
  'Territory Strategy',
  'Prospecting',
  'Discovery',
  'Qualification',
  'Solution Fit',
  'Negotiation',
  'Closing',
  'Pipeline Hygiene',
  'Forecasting',
  'Relationship Building'
] as const;

const FIRST_NAMES = [
  'Avery',
  'Jordan',
  'Priya',
  'Mateo',
  'Hannah',
  'Kenji',
  'Olivia',
  'Samuel',
  'Leila',
  'Marcus',
  'Sofia',
  'Daniel',
  'Amara',
  'Lucas',
  'Chloe',
  'Ravi',
  'Grace',
  'Tomás',
  'Nina',
  'Elijah',
  'Zara',
  'Owen',
  'Mei',
  'Isaac',
  'Fatima',
  'Noah',
  'Ingrid',
  'Caleb'
];
const LAST_NAMES = [
  'Patel',
  'Nguyen',
  'Okafor',
  'Fischer',
  'Hernández',
  'Kowalski',
  'Tanaka',
  'Brooks',
  'Haddad',
  'Larsen',
  'Moreau',
  'Silva',
  'Chen',
  'Adeyemi',
  'Rossi',
  'Murphy',
  'Novak',
  'Ibrahim',
  'Walsh',
  'Sato',
  'Kim',
  'Dubois',
  'Mensah',
  'Lindqvist',
  'Costa',
  'Bauer',
  'Singh',
  'Ortega'
];
const COMPANY_WORDS = [
  'Northwind',
  'Bluebird',
  'Summit',
  'Granite',
  'Harbor',
  'Evergreen',
  'Redwood',
  'Lakeside',
  'Silverline',
  'Ironbridge',
  'Brightwater',
  'Cobalt',
  'Meridian',
  'Pioneer',
  'Sterling',
  'Cascade',
  'Orchard',
  'Beacon',
  'Keystone',
  'Falcon',
  'Horizon',
  'Juniper',
  'Atlas',
  'Willow'
];
const COMPANY_SUFFIXES = [
  'Logistics',
  'Health',
  'Foods',
  'Energy',
  'Manufacturing',
  'Financial',
  'Retail',
  'Labs',
  'Systems',
  'Hospitality',
  'Media',
  'Pharma',
  'Telecom',
  'Insurance',
  'Motors',
  'Analytics'
];
const INDUSTRIES: Record<string, string> = {
  Logistics: 'Transportation',
  Health: 'Healthcare',
  Foods: 'Food & Beverage',
  Energy: 'Energy',
  Manufacturing: 'Manufacturing',
  Financial: 'Finance',
  Retail: 'Retail',
  Labs: 'Biotechnology',
  Systems: 'Technology',
  Hospitality: 'Hospitality',
  Media: 'Media',
  Pharma: 'Biotechnology',
  Telecom: 'Communications',
  Insurance: 'Insurance',
  Motors: 'Manufacturing',
  Analytics: 'Technology'
};
const CITIES = [
  'Chicago',
  'Austin',
  'Denver',
  'Atlanta',
  'Seattle',
  'Boston',
  'Toronto',
  'Phoenix'
];
const DEAL_THEMES = [
  'Platform Expansion',
  'Renewal',
  'New Region Rollout',
  'Analytics Add-on',
  'Pilot',
  'Enterprise Agreement',
  'Service Upgrade',
  'Onboarding Package',
  'Integration Project',
  'Seat Expansion',
  'Support Plan',
  'Migration'
];
const NEXT_STEPS = [
  'Send revised proposal',
  'Schedule executive sponsor call',
  'Security review with IT',
  'Confirm budget with finance',
  'Run technical demo',
  'Agree mutual close plan',
  'Reference call with a customer',
  'Legal redlines',
  'Map the buying committee'
];

const STRENGTHS: Record<string, string> = {
  'Territory Strategy': 'Clear view of which accounts carry the quarter.',
  Prospecting: 'Consistent outbound rhythm; good personalised openers.',
  Discovery: 'Asked open questions and let the customer talk.',
  Qualification: 'Named the economic buyer and the decision process.',
  'Solution Fit': 'Tied the demo to the pains the customer raised.',
  Negotiation: 'Held price and traded concessions for commitments.',
  Closing: 'Agreed a mutual close plan with dates.',
  'Pipeline Hygiene': 'Close dates and stages reflect reality.',
  Forecasting: 'Commit call matched the evidence in the deals.',
  'Relationship Building': 'Strong rapport with the champion.'
};
const DEVELOPMENT_AREAS: Record<string, string> = {
  'Territory Strategy': 'Spread too thin across low-potential accounts.',
  Prospecting: 'Top of funnel dries up in the last month of the quarter.',
  Discovery: 'Jumped to the demo before the pain was quantified.',
  Qualification: 'Budget and timing still assumed, not confirmed.',
  'Solution Fit': 'Feature tour instead of a story about outcomes.',
  Negotiation: 'Discounted early without asking for anything back.',
  Closing: 'No compelling event; deals drift past the close date.',
  'Pipeline Hygiene': 'Several deals past their close date and not updated.',
  Forecasting: 'Best case and commit mixed up in the call.',
  'Relationship Building': 'Single-threaded: only one contact in the account.'
};
const COMMITMENTS: Record<string, string> = {
  'Territory Strategy': 'Rank the top 10 accounts by potential and share the plan.',
  Prospecting: 'Book 8 first meetings in the next two weeks.',
  Discovery: 'Use the discovery checklist on the next three first calls.',
  Qualification: 'Confirm budget and decision date on every deal over 50k.',
  'Solution Fit': 'Rebuild the demo around the customer’s top three pains.',
  Negotiation: 'Prepare a give/get list before the next pricing call.',
  Closing: 'Agree a written close plan with the champion.',
  'Pipeline Hygiene': 'Update or close every deal past its close date by Friday.',
  Forecasting: 'Bring evidence for each commit deal to the forecast call.',
  'Relationship Building': 'Meet two more stakeholders in each top account.'
};
const PRIVATE_NOTES = [
  'Confidence dipped after losing the Q3 deal; keep encouraging.',
  'Ready for a larger territory next year if the pipeline habit sticks.',
  'Discussed workload; watch for burnout in the last month of the quarter.',
  'Strong candidate for the mentoring programme.',
  'Needs more support on enterprise negotiations.'
];
const STRATEGIES = [
  'Expand in the installed base first: cross-sell analytics to the top accounts.',
  'Land two new logos in healthcare and build references.',
  'Focus on renewals at risk and multi-year agreements.',
  'Partner-led motion with the regional integrators.',
  'Target mid-market manufacturing with the migration offer.'
];
const MARKET_OPPORTUNITIES = [
  'New compliance rules push customers to replace legacy tools.',
  'Competitor price increase opens switching conversations.',
  'Budget cycles reset in January; get on the shortlist now.',
  'Two large accounts are consolidating vendors.'
];
const RESOURCES = [
  'Solution engineer two days a week; marketing event in March.',
  'Partner co-selling budget; executive sponsor for the top three deals.',
  'Customer success manager for renewals; pricing desk support.'
];

interface RepProfile {
  id: string;
  managerId: string;
  /** Expected closed-won amount in a quarter. */
  capacity: number;
  winRate: number;
  medianDeal: number;
  cycleDays: number;
  /** Growth per quarter, as a fraction. */
  trend: number;
  /** Chance an open deal has gone stale. */
  staleness: number;
  accountIds: string[];
}

interface ManagerProfile {
  id: string;
  /** Days between one-on-ones this manager usually keeps. */
  cadence: number;
  reliability: number;
}

/** Shape of everything the generator returns; see data/dataset.ts for the types. */
export function generateDataset(options: DatasetOptions = {}): Dataset {
  const today = options.today ?? DATASET_TODAY;
  const seed = options.seed ?? DATASET_SEED;
  // Null for the committed sample, whose every draw must stay as it always was.
  const spec: ScaleSpec | null =
    typeof options.scale === 'string' ? SCALES[options.scale] : (options.scale ?? null);
  const opportunityCount =
    options.opportunities ?? spec?.opportunities ?? DEFAULT_OPPORTUNITY_COUNT;
  const random = new Random(seed);
  const sequences = new Map<string, number>();
  const nextId = (objectApiName: string): string => {
    const sequence = (sequences.get(objectApiName) ?? 0) + 1;
    sequences.set(objectApiName, sequence);
    return recordId(objectApiName, sequence);
  };

  const records: Record<string, DatasetRecord[]> = {
    User: [],
    Account: [],
    Opportunity: [],
    Territory_Plan__c: [],
    Territory_Plan_Account__c: [],
    Territory_Plan__History: [],
    Territory_Plan_Review__c: [],
    Coaching_Session__c: [],
    Coaching_Private_Note__c: [],
    Development_Goal__c: [],
    Manager_Scorecard__c: [],
    Scorecard_Entry__c: []
  };
  const userNames = new Map<string, string>();

  // ---- People: a VP, three managers, six to eight reps each -----------------------------
  const usedNames = new Set<string>();
  let people = 0;
  const person = (): { first: string; last: string } => {
    // A large org has more people than first names: names follow the person's number
    // (double-barrelled surnames past 28 × 28), so they stay unique without redrawing.
    if (spec) return scaledName(people++);
    for (;;) {
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      if (!usedNames.has(first) && !usedNames.has(`${first} ${last}`)) {
        usedNames.add(first);
        usedNames.add(`${first} ${last}`);
        return { first, last };
      }
    }
  };
  const addUser = (title: string, managerId: string | null, department: string): string => {
    const { first, last } = person();
    const id = nextId('User');
    const handle = `${first}.${last}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z.]/g, '');
    records.User.push({
      Id: id,
      FirstName: first,
      LastName: last,
      Name: `${first} ${last}`,
      Alias: `${first.slice(0, 1)}${last.slice(0, 4)}`
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z]/g, ''),
      Username: `${handle}@salescoaching.example`,
      Email: `${handle}@example.com`,
      Title: title,
      Department: department,
      ManagerId: managerId,
      IsActive: true
    });
    return id;
  };

  const vpId = addUser('VP of Sales', null, 'Sales');
  const regions = spec
    ? Array.from({ length: spec.managers }, (_, index) => `Region ${index + 1}`)
    : ['North America East', 'North America West', 'Central'];
  const managers: ManagerProfile[] = regions.map((region, index) => ({
    id: addUser(`Sales Manager, ${region}`, vpId, 'Sales'),
    cadence: spec ? spec.oneOnOneDays[index % spec.oneOnOneDays.length] : [9, 16, 24][index],
    reliability: [0.95, 0.85, 0.7][index % 3]
  }));
  const teamSizes = spec ? managers.map(() => spec.repsPerManager) : [7, 8, 6];
  const reps: RepProfile[] = [];
  managers.forEach((manager, index) => {
    for (let i = 0; i < teamSizes[index]; i++) {
      const id = addUser('Account Executive', manager.id, 'Sales');
      // A few reps struggle, a few excel: the scorecard needs red, amber and green.
      const band = random.next();
      reps.push({
        id,
        managerId: manager.id,
        capacity: Math.round(random.logNormal(130_000, 0.25)),
        winRate: band < 0.2 ? random.between(0.14, 0.22) : random.between(0.24, 0.46),
        medianDeal: Math.round(random.logNormal(32_000, 0.3)),
        cycleDays: random.int(40, 95),
        trend: random.between(-0.04, 0.07),
        staleness: band < 0.25 ? 0.45 : random.between(0.05, 0.2),
        accountIds: []
      });
    }
  });

  // ---- Accounts: each rep owns a handful ------------------------------------------------
  const usedCompanies = new Set<string>();
  const companyNumbers = new Map<string, number>();
  for (const rep of reps) {
    const count = random.int(5, 7);
    for (let i = 0; i < count; i++) {
      let name = '';
      let suffix = '';
      do {
        suffix = random.pick(COMPANY_SUFFIXES);
        name = `${random.pick(COMPANY_WORDS)} ${suffix}`;
        // 384 names go round a large org many times: number the repeats instead of redrawing.
        if (spec && usedCompanies.has(name)) {
          const number = (companyNumbers.get(name) ?? 1) + 1;
          companyNumbers.set(name, number);
          name = `${name} ${number}`;
        }
      } while (usedCompanies.has(name));
      usedCompanies.add(name);
      const id = nextId('Account');
      records.Account.push({
        Id: id,
        Name: name,
        Industry: INDUSTRIES[suffix] ?? 'Other',
        Type: random.chance(0.6) ? 'Customer - Direct' : 'Prospect',
        BillingCity: random.pick(CITIES),
        AnnualRevenue: roundTo(random.logNormal(40_000_000, 1), 100_000),
        NumberOfEmployees: random.int(50, 20_000),
        OwnerId: rep.id
      });
      rep.accountIds.push(id);
    }
  }
  const accountName = new Map(records.Account.map((account) => [account.Id, String(account.Name)]));

  // ---- Opportunities: eight quarters of history plus two of future pipeline -------------
  const quarters: { quarter: Quarter; offset: number }[] = [];
  for (let offset = -7; offset <= 2; offset++) {
    quarters.push({ quarter: shiftQuarter(today, offset), offset });
  }
  const weights: { rep: RepProfile; quarter: Quarter; offset: number; weight: number }[] = [];
  for (const rep of reps) {
    for (const { quarter, offset } of quarters) {
      const growth = Math.pow(1 + rep.trend, offset);
      // Deals needed to hit capacity at this rep's win rate; future quarters are thinner.
      const horizon = offset <= 0 ? 1 : offset === 1 ? 0.55 : 0.25;
      const weight = ((rep.capacity * growth) / rep.medianDeal / rep.winRate) * horizon;
      weights.push({ rep, quarter, offset, weight });
    }
  }
  const slots = allocate(
    opportunityCount,
    weights.map((entry) => entry.weight)
  );
  const opportunityOwner = new Map<string, string>();
  weights.forEach((entry, index) => {
    for (let n = 0; n < slots[index]; n++) {
      const opportunity = buildOpportunity(entry.rep, entry.quarter, entry.offset);
      records.Opportunity.push(opportunity);
      opportunityOwner.set(opportunity.Id, entry.rep.id);
    }
  });

  function buildOpportunity(rep: RepProfile, quarter: Quarter, offset: number): DatasetRecord {
    const id = nextId('Opportunity');
    const accountId = random.pick(rep.accountIds);
    const span = daysBetween(quarter.start, quarter.end);
    let closeDate = addDays(quarter.start, random.int(0, span));
    const cycle = Math.min(300, Math.max(10, Math.round(random.logNormal(rep.cycleDays, 0.45))));
    let amount: number | null = Math.max(
      2_500,
      Math.round(random.logNormal(rep.medianDeal, 0.75) / 500) * 500
    );
    let stage: OpportunityStage;
    let pushCount = 0;
    let lastStageChange: string;
    let lastActivity: string;
    let createdDate: string;
    const isPast = closeDate < today;
    // Recent deals whose date has passed sometimes stay open: the slipping deals managers chase.
    const slipping = isPast && offset >= -1 && random.chance(offset === 0 ? 0.22 : 0.06);

    if (isPast && !slipping) {
      const won = random.chance(rep.winRate);
      stage = won ? WON : LOST;
      createdDate = addDays(closeDate, -cycle);
      lastStageChange = closeDate;
      lastActivity = addDays(closeDate, -random.int(0, 6));
      pushCount = random.chance(0.25) ? random.int(1, 2) : 0;
    } else {
      const daysToClose = daysBetween(today, closeDate);
      // The nearer the close date, the further along the deal usually is.
      const progress = slipping ? random.between(0.4, 1) : Math.max(0, 1 - daysToClose / 200);
      const index = Math.min(
        OPEN_STAGES.length - 1,
        Math.max(0, Math.round(progress * 7 + random.normal() * 1.2))
      );
      stage = OPEN_STAGES[index];
      createdDate = addDays(today, -Math.max(5, Math.round(cycle * random.between(0.3, 1))));
      if (createdDate > closeDate) createdDate = addDays(closeDate, -cycle);
      const stale = random.chance(rep.staleness);
      const inStage = stale ? random.int(45, 120) : random.int(2, 35);
      lastStageChange = maxDate(createdDate, addDays(today, -inStage));
      lastActivity = maxDate(
        createdDate,
        addDays(today, -(stale ? random.int(21, 75) : random.int(0, 12)))
      );
      pushCount = slipping ? random.int(1, 4) : random.chance(0.2) ? random.int(1, 2) : 0;
      if (slipping) closeDate = addDays(today, -random.int(1, 40));
      if (index <= 1 && random.chance(0.04)) amount = null;
    }
    // Drawn in the order the sample has always drawn them, so the committed sample stays put.
    const name = `${accountName.get(accountId)} - ${random.pick(DEAL_THEMES)}`;
    const type = random.chance(0.55) ? 'Existing Customer - Upgrade' : 'New Customer';
    const nextStep = stage.closed ? null : random.pick(NEXT_STEPS);
    // Same-day stamps keep their order (created ≤ stage change ≤ last modified): an org that
    // imports the audit fields takes them as they are.
    const createdAt = isoDateTime(createdDate, random.int(8, 17), random.int(0, 59));
    const stageChangedAt = maxDate(
      createdAt,
      isoDateTime(lastStageChange, random.int(8, 17), random.int(0, 59))
    );
    const modifiedAt = maxDate(
      stageChangedAt,
      isoDateTime(minDate(today, maxDate(lastActivity, lastStageChange)), 17, 0)
    );
    return {
      Id: id,
      Name: name,
      AccountId: accountId,
      OwnerId: rep.id,
      StageName: stage.name,
      Probability: stage.probability,
      Amount: amount,
      CloseDate: closeDate,
      Type: type,
      ForecastCategoryName: stage.forecast,
      IsClosed: stage.closed,
      IsWon: stage.won,
      NextStep: nextStep,
      PushCount: pushCount,
      CreatedDate: createdAt,
      LastStageChangeDate: stageChangedAt,
      LastActivityDate: lastActivity,
      LastModifiedDate: modifiedAt
    };
  }

  // ---- Territory plans: one per rep per quarter, the current one Active -----------------
  const planByRepQuarter = new Map<string, DatasetRecord>();
  for (const rep of reps) {
    for (const { quarter, offset } of quarters) {
      if (offset > 0) continue;
      const id = nextId('Territory_Plan__c');
      const growth = Math.pow(1 + rep.trend, offset);
      const target = roundTo(rep.capacity * growth * random.between(0.95, 1.25), 5_000);
      const status = offset === 0 ? 'Active' : 'Closed';
      const repName = userName(rep.id);
      const plan: DatasetRecord = {
        Id: id,
        Name: `${repName} - ${quarter.label}`,
        Plan_Owner__c: rep.id,
        Manager__c: rep.managerId,
        OwnerId: rep.id,
        Period_Start__c: quarter.start,
        Period_End__c: quarter.end,
        Target_Amount__c: target,
        Strategy__c: random.pick(STRATEGIES),
        Market_Opportunities__c: random.pick(MARKET_OPPORTUNITIES),
        Resources__c: random.pick(RESOURCES),
        Status__c: status,
        Last_Reviewed__c:
          offset === 0
            ? addDays(today, -random.int(3, 40))
            : addDays(quarter.end, -random.int(0, 10)),
        Review_Notes__c:
          offset === 0
            ? 'Mid-quarter review: pipeline for the last month needs two more late-stage deals.'
            : 'Quarter closed.',
        CreatedDate: isoDateTime(addDays(quarter.start, -random.int(5, 20)), 10, 0)
      };
      records.Territory_Plan__c.push(plan);
      planByRepQuarter.set(`${rep.id}|${quarter.label}`, plan);
      for (const accountId of random.sample(rep.accountIds, random.int(2, 4))) {
        records.Territory_Plan_Account__c.push({
          Id: nextId('Territory_Plan_Account__c'),
          Name: autoNumber('TPA', records.Territory_Plan_Account__c.length + 1),
          Territory_Plan__c: id,
          Account__c: accountId,
          Planned_Amount__c: roundTo(target * random.between(0.12, 0.3), 1_000),
          Notes__c: random.pick([
            'Expansion into a second business unit.',
            'Renewal plus upsell of the analytics module.',
            'New logo: executive sponsor identified.',
            'Consolidation project; competitive.'
          ])
        });
      }
      // History: the plan was activated at quarter start; some targets were adjusted.
      const historyAt = (daysAfterStart: number): string =>
        isoDateTime(minDate(today, addDays(quarter.start, daysAfterStart)), 9, 30);
      records.Territory_Plan__History.push({
        Id: nextId('Territory_Plan__History'),
        ParentId: id,
        Field: 'Status__c',
        OldValue: 'Draft',
        NewValue: 'Active',
        CreatedById: rep.managerId,
        CreatedDate: historyAt(0)
      });
      // Each review is its own record (Territory_Plan_Review__c), so none overwrites another;
      // built from values already drawn, so the rest of the sample is unchanged by them.
      const review = (date: string, before: number, notes: string): void => {
        records.Territory_Plan_Review__c.push({
          Id: nextId('Territory_Plan_Review__c'),
          Name: autoNumber('TPR', records.Territory_Plan_Review__c.length + 1),
          Territory_Plan__c: id,
          Review_Date__c: date,
          Reviewer__c: rep.managerId,
          Notes__c: notes,
          Target_Before__c: before,
          Target_After__c: target,
          CreatedDate: isoDateTime(date, 9, 30)
        });
      };
      if (random.chance(0.35)) {
        const original = roundTo(target * random.between(0.85, 1.15), 5_000);
        if (original !== target) {
          const adjustedAt = historyAt(random.int(10, 40));
          records.Territory_Plan__History.push({
            Id: nextId('Territory_Plan__History'),
            ParentId: id,
            Field: 'Target_Amount__c',
            OldValue: original,
            NewValue: target,
            CreatedById: rep.managerId,
            CreatedDate: adjustedAt
          });
          // A review before the latest one adjusted it (a later change stays in the history).
          if (adjustedAt.slice(0, 10) < String(plan.Last_Reviewed__c)) {
            review(
              adjustedAt.slice(0, 10),
              original,
              'Target adjusted to the pipeline and the territory changes agreed with the rep.'
            );
          }
        }
      }
      review(String(plan.Last_Reviewed__c), target, String(plan.Review_Notes__c));
      if (offset < 0) {
        records.Territory_Plan__History.push({
          Id: nextId('Territory_Plan__History'),
          ParentId: id,
          Field: 'Status__c',
          OldValue: 'Active',
          NewValue: 'Closed',
          CreatedById: rep.managerId,
          CreatedDate: isoDateTime(addDays(quarter.end, 3), 9, 0)
        });
      }
    }
  }

  // ---- Development goals: a manual skill goal and a KPI-linked one per rep --------------
  const goalsByRep = new Map<string, DatasetRecord[]>();
  for (const rep of reps) {
    const goals: DatasetRecord[] = [];
    const skill = random.pick(FOCUS_AREAS);
    const start = addDays(today, -random.int(30, 150));
    const manualStatus = random.pick([
      'In Progress',
      'In Progress',
      'Not Started',
      'Achieved',
      'Deferred'
    ]);
    goals.push({
      Id: nextId('Development_Goal__c'),
      Name: `Improve ${skill.toLowerCase()}`,
      Rep__c: rep.id,
      Coach__c: rep.managerId,
      OwnerId: rep.id,
      Skill_Area__c: skill,
      Description__c: DEVELOPMENT_AREAS[skill],
      Success_Measure__c: COMMITMENTS[skill],
      Start_Date__c: start,
      Target_Date__c: addDays(start, random.int(60, 180)),
      Status__c: manualStatus,
      Progress__c:
        manualStatus === 'Achieved' ? 100 : manualStatus === 'Not Started' ? 0 : random.int(10, 85),
      Metric__c: null,
      Baseline_Value__c: null,
      Target_Value__c: null
    });
    const metric = GOAL_METRICS[reps.indexOf(rep) % GOAL_METRICS.length];
    const kpiStart = shiftQuarter(today, -1).start;
    const { baseline, target } = kpiTargets(metric, rep);
    // Some KPI goals are already past their target date: an early warning for the manager.
    const overdue = random.chance(0.25);
    goals.push({
      Id: nextId('Development_Goal__c'),
      Name: `${metric}: ${formatGoalValue(metric, baseline)} → ${formatGoalValue(metric, target)}`,
      Rep__c: rep.id,
      Coach__c: rep.managerId,
      OwnerId: rep.id,
      Skill_Area__c: metricSkill(metric),
      Description__c: `Move ${metric.toLowerCase()} from ${formatGoalValue(metric, baseline)} to ${formatGoalValue(metric, target)}.`,
      Success_Measure__c: `${metric} measured live from closed opportunities.`,
      Start_Date__c: kpiStart,
      Target_Date__c: overdue ? addDays(today, -random.int(3, 20)) : shiftQuarter(today, 1).end,
      Status__c: 'In Progress',
      Progress__c: null,
      Metric__c: metric,
      Baseline_Value__c: baseline,
      Target_Value__c: target
    });
    records.Development_Goal__c.push(...goals);
    goalsByRep.set(rep.id, goals);
  }

  // ---- Coaching sessions: cadence differs by manager; some reps are neglected -----------
  const opportunitiesByRep = new Map<string, DatasetRecord[]>();
  // What a deal review looks at, per rep: created day (10 characters) and whether still open.
  const reviewableByRep = new Map<
    string,
    { id: string; created: string; closed: boolean; close: string }[]
  >();
  for (const opportunity of records.Opportunity) {
    const owner = String(opportunity.OwnerId);
    let list = opportunitiesByRep.get(owner);
    let reviewable = reviewableByRep.get(owner);
    if (!list || !reviewable) {
      list = [];
      reviewable = [];
      opportunitiesByRep.set(owner, list);
      reviewableByRep.set(owner, reviewable);
    }
    list.push(opportunity);
    reviewable.push({
      id: opportunity.Id,
      created: String(opportunity.CreatedDate).slice(0, 10),
      closed: Boolean(opportunity.IsClosed),
      close: String(opportunity.CloseDate)
    });
  }
  // Coaching history reaches back to the oldest saved scorecard, so every snapshot has sessions.
  const historyStart = shiftQuarter(today, -SCORECARD_QUARTERS).start;
  const managerById = new Map(managers.map((manager) => [manager.id, manager]));
  for (const rep of reps) {
    const manager = managerById.get(rep.managerId) as ManagerProfile;
    // One-on-ones follow the manager's cadence; a neglected rep has had none for weeks.
    const neglected = random.chance(0.25);
    const lastOneOnOne = neglected ? addDays(today, -random.int(18, 40)) : today;
    let date = addDays(historyStart, random.int(0, 7));
    while (date <= addDays(today, 21)) {
      if (!(date > lastOneOnOne && date <= today)) {
        addSession(rep, date, 'One-on-One', date > today, manager);
      }
      date = addDays(date, Math.max(5, Math.round(manager.cadence * random.between(0.8, 1.25))));
    }
    // Deal reviews, pipeline reviews, ride-alongs… come on top, every few weeks.
    date = addDays(historyStart, random.int(3, 20));
    while (date <= addDays(today, 21)) {
      addSession(rep, date, pickSessionType(), date > today, manager);
      date = addDays(
        date,
        spec ? random.int(spec.otherSessionDays[0], spec.otherSessionDays[1]) : random.int(14, 35)
      );
    }
  }
  // The VP coaches the managers too, so the manager-of-managers view has cadence data.
  for (const manager of managers) {
    let date = addDays(historyStart, random.int(0, 14));
    while (date <= addDays(today, 14)) {
      addSession(
        { id: manager.id, managerId: vpId } as RepProfile,
        date,
        random.pick([
          'One-on-One',
          'Forecast Review',
          'Pipeline Review',
          'Career Discussion'
        ] as const),
        date > today,
        { id: vpId, cadence: 21, reliability: 0.9 }
      );
      date = addDays(date, random.int(14, 28));
    }
  }

  function pickSessionType(): (typeof SESSION_TYPES)[number] {
    const roll = random.next();
    if (roll < 0.38) return 'Deal Review';
    if (roll < 0.56) return 'Pipeline Review';
    if (roll < 0.7) return 'Call Coaching';
    if (roll < 0.8) return 'Field Ride-Along';
    if (roll < 0.92) return 'Forecast Review';
    return 'Career Discussion';
  }

  function addSession(
    rep: RepProfile,
    date: string,
    type: (typeof SESSION_TYPES)[number],
    isFuture: boolean,
    coach: ManagerProfile
  ): void {
    const focus = random.sample(FOCUS_AREAS, random.int(1, 3));
    const status = isFuture
      ? 'Planned'
      : random.chance(coach.reliability)
        ? 'Completed'
        : random.chance(0.5)
          ? 'Cancelled'
          : 'Planned';
    const completed = status === 'Completed';
    let opportunityId: string | null = null;
    if (type === 'Deal Review') {
      // Deals open on the session's date, in generation order (a loop: a large org has
      // thousands per rep and a deal review every few days).
      const candidates: string[] = [];
      for (const deal of reviewableByRep.get(rep.id) ?? []) {
        if (deal.created <= date && (!deal.closed || deal.close >= date)) candidates.push(deal.id);
      }
      if (candidates.length > 0) opportunityId = random.pick(candidates);
    }
    const goals = goalsByRep.get(rep.id) ?? [];
    const goalId = goals.length > 0 && random.chance(0.2) ? random.pick(goals).Id : null;
    const acknowledged = completed && random.chance(0.7);
    const main = focus[0];
    // Drawn in the order the sample has always drawn them, so every other value stays put.
    const duration = random.pick([30, 30, 45, 60]);
    const followUp = completed || isFuture ? addDays(date, random.int(7, 21)) : null;
    const privateNote = completed && random.chance(0.4) ? random.pick(PRIVATE_NOTES) : null;
    const rating = acknowledged && random.chance(0.85) ? random.pick([3, 4, 4, 5, 5]) : null;
    const createdDate = isoDateTime(isFuture ? addDays(today, -random.int(1, 10)) : date, 16, 0);
    const sessionId = nextId('Coaching_Session__c');
    records.Coaching_Session__c.push({
      Id: sessionId,
      Name: autoNumber('CS', records.Coaching_Session__c.length + 1),
      Rep__c: rep.id,
      Coach__c: coach.id,
      OwnerId: rep.id,
      Session_Date__c: date,
      Session_Type__c: type,
      Status__c: status,
      Focus_Areas__c: focus.join(';'),
      Opportunity__c: opportunityId,
      Development_Goal__c: goalId,
      Duration_Minutes__c: duration,
      Strengths__c: completed ? STRENGTHS[main] : null,
      Development_Areas__c: completed ? DEVELOPMENT_AREAS[main] : null,
      Commitments__c: completed ? COMMITMENTS[main] : null,
      Follow_Up_Date__c: followUp,
      Rep_Acknowledged__c: acknowledged,
      Rep_Rating__c: rating,
      CreatedDate: createdDate
    });
    // The coach's private note is its own record, owned by the coach: sharing follows the
    // author, never the session's owner (the rep, or a manager the VP coaches).
    if (privateNote) {
      records.Coaching_Private_Note__c.push({
        Id: nextId('Coaching_Private_Note__c'),
        Name: autoNumber('PN', records.Coaching_Private_Note__c.length + 1),
        Coaching_Session__c: sessionId,
        OwnerId: coach.id,
        Body__c: privateNote,
        CreatedDate: createdDate
      });
    }
  }

  // ---- Saved scorecards: each manager's last four quarters ------------------------------
  // Built as the scorecard saves them: the product's engine and snapshot model
  // (coachingMetrics, managerScorecard/scorecardModel) over the records read as the UI API
  // returns them (opportunityData's normalisers), so the sample's saved figures follow the
  // same rules, rounding included, as a snapshot a manager saves.
  const asNode = <TNode>(record: DatasetRecord): TNode =>
    Object.fromEntries(
      Object.entries(record).map(([field, value]) => [field, field === 'Id' ? value : { value }])
    ) as TNode;
  for (const manager of managers) {
    const team = reps.filter((rep) => rep.managerId === manager.id);
    const repIds = team.map((rep) => rep.id);
    const onTeam = new Set(repIds);
    const facts = repIds
      .flatMap((repId) => opportunitiesByRep.get(repId) ?? [])
      .flatMap((record) => opportunityFactFromNode(asNode<OpportunityNode>(record)) ?? []);
    const sessions = records.Coaching_Session__c.filter((session) =>
      onTeam.has(String(session.Rep__c))
    ).flatMap((record) => sessionFactFromNode(asNode<CoachingSessionNode>(record)) ?? []);
    const goals = repIds
      .flatMap((repId) => goalsByRep.get(repId) ?? [])
      .flatMap((record) => goalFactFromNode(asNode<DevelopmentGoalNode>(record)) ?? []);
    const names = new Map(repIds.map((repId) => [repId, userName(repId)]));
    for (let offset = -SCORECARD_QUARTERS; offset <= -1; offset++) {
      const quarter = shiftQuarter(today, offset);
      const snapshotDate = addDays(quarter.end, random.int(1, 6));
      // Saved days after the quarter ended, while its plans were still Active (they are closed
      // later, as the sample shows them today).
      const plans = repIds
        .flatMap((repId) => planByRepQuarter.get(`${repId}|${quarter.label}`) ?? [])
        .flatMap(
          (plan) =>
            planFactFromNode(asNode<TerritoryPlanNode>({ ...plan, Status__c: 'Active' })) ?? []
        );
      const kpis = computeRepKpis(indexByOwner(facts, repIds), {
        period: quarter,
        today: snapshotDate,
        plans
      });
      const inputs = {
        cadence: computeCadence(sessions, repIds, quarter, snapshotDate),
        goals: goalCounts(goals, snapshotDate),
        today: snapshotDate,
        thresholds: {}
      };
      const total = teamRow(manager.id, userName(manager.id), kpis, inputs);
      const scorecardId = nextId('Manager_Scorecard__c');
      records.Manager_Scorecard__c.push({
        Id: scorecardId,
        OwnerId: manager.id,
        ...scorecardFields(
          manager.id,
          quarter,
          snapshotDate,
          total,
          `${userName(manager.id)} - ${quarter.label}`
        )
      });
      for (const row of repRows({ ...inputs, reps: kpis, names })) {
        records.Scorecard_Entry__c.push({
          Id: nextId('Scorecard_Entry__c'),
          Name: autoNumber('SE', records.Scorecard_Entry__c.length + 1),
          ...entryFields(scorecardId, row)
        });
      }
    }
  }

  function kpiTargets(metric: GoalMetric, rep: RepProfile): { baseline: number; target: number } {
    switch (metric) {
      case 'Win Rate': {
        const baseline = round(rep.winRate * 100, 0);
        return { baseline, target: baseline + 8 };
      }
      case 'Average Deal Size': {
        const baseline = roundTo(rep.medianDeal * 1.3, 1_000);
        return { baseline, target: roundTo(baseline * 1.2, 1_000) };
      }
      case 'Pipeline Coverage':
        return { baseline: round(random.between(1.4, 2.4), 1), target: 3 };
      case 'Sales Cycle Days':
        return { baseline: rep.cycleDays, target: Math.round(rep.cycleDays * 0.8) };
      case 'Closed Won Amount': {
        const baseline = roundTo(rep.capacity, 5_000);
        return { baseline, target: roundTo(baseline * 1.15, 5_000) };
      }
    }
  }

  /** Sessions by rep, in the order they were generated; built once all sessions exist. */
  function userName(id: string): string {
    if (userNames.size !== records.User.length) {
      for (const user of records.User) userNames.set(user.Id, String(user.Name));
    }
    return userNames.get(id) ?? '';
  }

  // The default personas: the first manager and the rep of that team with the most to show.
  const defaultManager = managers[0].id;
  const defaultRep = reps.filter((rep) => rep.managerId === defaultManager)[1].id;
  return {
    meta: {
      description:
        'Sample org for the Sales Coaching preview, tests and benchmarks. Generated by data/generate.ts; do not edit by hand.',
      seed,
      today,
      personas: { vp: vpId, manager: defaultManager, rep: defaultRep },
      ...(spec ? { scale: spec.name } : {})
    },
    records
  };
}

/**
 * The name of the `index`-th person of a large org: every first name with every surname (in an
 * order that mixes them), then with double-barrelled surnames, so no two people share a name.
 */
function scaledName(index: number): { first: string; last: string } {
  const names = FIRST_NAMES.length * LAST_NAMES.length;
  // 389 is prime to 28 × 28: stepping by it visits every pair once before repeating.
  const pair = (index * 389) % names;
  const first = FIRST_NAMES[pair % FIRST_NAMES.length];
  const last = LAST_NAMES[Math.floor(pair / FIRST_NAMES.length)];
  const round = Math.floor(index / names);
  if (round === 0) return { first, last };
  const second = LAST_NAMES[(Math.floor(pair / FIRST_NAMES.length) + round) % LAST_NAMES.length];
  return { first, last: `${last}-${second}` };
}

/** Auto-number names as the objects' display formats write them (CS-{000000}, …). */
function autoNumber(prefix: string, sequence: number): string {
  return `${prefix}-${String(sequence).padStart(6, '0')}`;
}

function metricSkill(metric: GoalMetric): string {
  switch (metric) {
    case 'Win Rate':
      return 'Qualification';
    case 'Average Deal Size':
      return 'Negotiation';
    case 'Pipeline Coverage':
      return 'Prospecting';
    case 'Sales Cycle Days':
      return 'Closing';
    case 'Closed Won Amount':
      return 'Territory Strategy';
  }
}

function formatGoalValue(metric: GoalMetric, value: number): string {
  switch (metric) {
    case 'Win Rate':
      return `${value}%`;
    case 'Pipeline Coverage':
      return `${value}x`;
    case 'Sales Cycle Days':
      return `${value} days`;
    default:
      return `$${Math.round(value / 1000)}k`;
  }
}

/** Largest-remainder allocation: exactly `total` items spread in proportion to `weights`. */
function allocate(total: number, weights: number[]): number[] {
  const sumOfWeights = sum(weights);
  const exact = weights.map((weight) => (weight / sumOfWeights) * total);
  const counts = exact.map(Math.floor);
  let remaining = total - sum(counts);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (remaining <= 0) break;
    counts[index]++;
    remaining--;
  }
  return counts;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/**
 * One record per line: compact (the file loads at every preview start) yet diff-friendly.
 */
export function serializeDataset(dataset: Dataset): string {
  const lines: string[] = ['{', `  "meta": ${JSON.stringify(dataset.meta)},`, '  "records": {'];
  const objects = Object.keys(dataset.records);
  objects.forEach((objectApiName, objectIndex) => {
    const rows = dataset.records[objectApiName];
    lines.push(`    ${JSON.stringify(objectApiName)}: [`);
    rows.forEach((row, index) => {
      lines.push(`      ${JSON.stringify(row)}${index < rows.length - 1 ? ',' : ''}`);
    });
    lines.push(`    ]${objectIndex < objects.length - 1 ? ',' : ''}`);
  });
  lines.push('  }', '}', '');
  return lines.join('\n');
}
