/**
 * The `sf data import tree --plan` plan for the sample data, built from the same dataset the
 * preview uses. Records reference each other with `@<Object>Ref<n>` references that the CLI
 * resolves as it inserts; users are created by the CLI beforehand, so every user lookup holds
 * the org Id of the created user the sample owner maps onto (see users.ts).
 *
 * The audit fields (CreatedDate, LastModifiedDate, …) are imported when the schema says they can
 * be set on insert, i.e. when the scratch org allows setting audit fields (auditFields.ts): the
 * sales cycle then reads as in the preview.
 *
 * Left out, and reported with the KPI each one changes: fields the org schema says cannot be set
 * on insert (IsClosed, IsWon, PushCount, LastStageChangeDate, LastActivityDate, ExpectedRevenue,
 * audit fields where not allowed, formulas), standard fields the package does not use, objects
 * the platform writes itself (field history) or the CLI creates (User), saved scorecards of
 * managers who are not in the org — a snapshot belongs to one real team — and sessions and goals
 * whose coach and rep fold onto the same org user (nobody coaches themselves).
 */
import type { Dataset, DatasetRecord, FieldValue } from '../../data/dataset';
import { AUDIT_DISABLED_REASON, AUDIT_FIELDS } from './auditFields';
import type { Schema } from './schema';

/** Insert order: every object after the objects it references. */
export const IMPORT_ORDER = [
  'Account',
  'Opportunity',
  'Territory_Plan__c',
  'Territory_Plan_Account__c',
  // After the plans: each review is a detail of its plan.
  'Territory_Plan_Review__c',
  'Development_Goal__c',
  'Coaching_Session__c',
  // After the sessions it looks up; owned by the coach, so sharing follows the author.
  'Coaching_Private_Note__c',
  'Manager_Scorecard__c',
  'Scorecard_Entry__c'
] as const;

/** Objects of the sample the plan does not import, and why. */
export const NOT_IMPORTED: Readonly<Record<string, string>> = {
  User: 'created with `sf org create user` before the import',
  Territory_Plan__History: 'field history is written by the platform, it cannot be inserted',
  Coaching_Session__History: 'field history is written by the platform, it cannot be inserted',
  Development_Goal__History: 'field history is written by the platform, it cannot be inserted',
  OpportunityFieldHistory: 'field history is written by the platform, it cannot be inserted'
};

export const PLAN_FILE = 'plan.json';

/**
 * What the demo org shows differently from the preview when a field or object is not imported,
 * keyed `Object.Field` or `Object`. Fields missing here change no KPI: the org derives them
 * from imported fields (IsClosed and IsWon from the stage, ExpectedRevenue from amount and
 * probability, fiscal period from the close date) or no component reads them.
 */
export const KPI_EFFECTS: Readonly<Record<string, string>> = {
  'Opportunity.CreatedDate':
    'sales cycle: every deal would be created on the import day, after its close date, so Sales_Cycle_Days__c, the average sales cycle and Sales Cycle Days goals turn negative',
  'Opportunity.PushCount':
    'pushed deals (deal hygiene, "Close date pushed" warnings) read 0 until a close date moves out in the org',
  'Opportunity.LastStageChangeDate':
    'days in stage (stuck deals in deal hygiene and warnings) count from what the org stamps, not from the sample’s stage history',
  'Opportunity.LastActivityDate':
    'days without activity (deal hygiene and warnings): the sample has no tasks or events, so every open deal counts as without activity',
  Territory_Plan__History:
    'the territory plan’s history table starts empty: the org records changes made after the import'
};

export type TreeValue = string | number | boolean;

export interface TreeRecord {
  attributes: { type: string; referenceId: string };
  [field: string]: TreeValue | { type: string; referenceId: string };
}

export interface PlanEntry {
  sobject: string;
  files: string[];
}

export interface Omission {
  object: string;
  field?: string;
  records?: number;
  reason: string;
  /** The KPI or view of the demo org this changes (KPI_EFFECTS), when any. */
  affects?: string;
}

export interface DataPlan {
  /** The plan file's content (files relative to the plan's folder). */
  plan: PlanEntry[];
  /** Data file name → its records. */
  files: Map<string, TreeRecord[]>;
  omitted: Omission[];
}

export interface DataPlanInput {
  dataset: Dataset;
  schema: Schema;
  /** The org Id of the user who takes a sample user's records. */
  userId: (sampleUserId: string) => string;
  /** Whether a sample user is someone in the org, created or played by the admin (users.ts). */
  isInOrg: (sampleUserId: string) => boolean;
}

/** Objects about a rep, written by a coach: a record where both are one org user is dropped. */
const COACHED_OBJECTS = new Set(['Coaching_Session__c', 'Development_Goal__c']);

export class DataPlanError extends Error {}

export function referenceIdOf(objectApiName: string, index: number): string {
  return `${objectApiName}Ref${index + 1}`;
}

export function buildDataPlan(input: DataPlanInput): DataPlan {
  const { dataset, schema } = input;
  const omitted: Omission[] = [];
  for (const objectApiName of Object.keys(dataset.records)) {
    if ((IMPORT_ORDER as readonly string[]).includes(objectApiName)) continue;
    const count = dataset.records[objectApiName].length;
    omitted.push({
      object: objectApiName,
      records: count,
      reason: NOT_IMPORTED[objectApiName] ?? 'not part of the import plan',
      ...affects(objectApiName)
    });
  }

  // Which records are imported: a saved scorecard only for a manager in the org, a session or
  // goal only when its coach and rep stay two people, and nothing whose master or lookup target
  // was left out.
  const kept = new Map<string, DatasetRecord[]>();
  const droppedIds = new Set<string>();
  const users = new Set((dataset.records.User ?? []).map((user) => user.Id));
  for (const objectApiName of IMPORT_ORDER) {
    const rows = dataset.records[objectApiName] ?? [];
    const keep: DatasetRecord[] = [];
    let droppedForManager = 0;
    let droppedForSelf = 0;
    let droppedForParent = 0;
    for (const row of rows) {
      if (objectApiName === 'Manager_Scorecard__c' && !input.isInOrg(String(row.Manager__c))) {
        droppedForManager++;
        droppedIds.add(row.Id);
        continue;
      }
      if (
        COACHED_OBJECTS.has(objectApiName) &&
        typeof row.Rep__c === 'string' &&
        typeof row.Coach__c === 'string' &&
        input.userId(row.Rep__c) === input.userId(row.Coach__c)
      ) {
        droppedForSelf++;
        droppedIds.add(row.Id);
        continue;
      }
      const refersToDropped = Object.entries(row).some(
        ([name, value]) => name !== 'Id' && typeof value === 'string' && droppedIds.has(value)
      );
      if (refersToDropped) {
        droppedForParent++;
        droppedIds.add(row.Id);
        continue;
      }
      keep.push(row);
    }
    kept.set(objectApiName, keep);
    if (droppedForManager > 0) {
      omitted.push({
        object: objectApiName,
        records: droppedForManager,
        reason: 'snapshots of managers who are not created in the org (their teams are folded in)'
      });
    }
    if (droppedForSelf > 0) {
      omitted.push({
        object: objectApiName,
        records: droppedForSelf,
        reason:
          'coach and rep fold onto the same org user (e.g. a manager coached by the VP, both played by the admin)'
      });
    }
    if (droppedForParent > 0) {
      omitted.push({
        object: objectApiName,
        records: droppedForParent,
        reason: 'their parent record is left out'
      });
    }
  }

  const referenceIds = new Map<string, string>();
  for (const [objectApiName, rows] of kept) {
    rows.forEach((row, index) => referenceIds.set(row.Id, referenceIdOf(objectApiName, index)));
  }

  const files = new Map<string, TreeRecord[]>();
  const plan: PlanEntry[] = [];
  for (const objectApiName of IMPORT_ORDER) {
    const rows = kept.get(objectApiName) ?? [];
    if (rows.length === 0) continue;
    const objectSchema = schema.get(objectApiName);
    const omittedFields = new Map<string, string>();
    const records = rows.map((row) => {
      const record: TreeRecord = {
        attributes: { type: objectApiName, referenceId: referenceIds.get(row.Id) as string }
      };
      for (const [name, value] of Object.entries(row)) {
        const definition = objectSchema?.fields.get(name);
        if (name === 'Id') continue;
        if (definition && !definition.createable) {
          omittedFields.set(
            name,
            (AUDIT_FIELDS as readonly string[]).includes(name)
              ? AUDIT_DISABLED_REASON
              : (definition.readOnlyReason ?? 'read-only in the org')
          );
          continue;
        }
        // The object model lists the standard fields the package uses; a standard field the
        // sample has beyond those (LeadSource) feeds nothing the package shows. A custom field
        // unknown to the model is kept, so the schema check reports the drift.
        if (objectSchema && !definition && !name.endsWith('__c')) {
          omittedFields.set(
            name,
            'a standard field the package does not use (not in the object model)'
          );
          continue;
        }
        const converted =
          objectApiName === 'Manager_Scorecard__c' && name === 'Period_Key__c'
            ? periodKey(value)
            : convertValue(value, { objectApiName, row, name });
        if (converted !== undefined) record[name] = converted;
      }
      return record;
    });
    for (const [name, reason] of omittedFields) {
      omitted.push({ object: objectApiName, field: name, reason, ...affects(objectApiName, name) });
    }
    const fileName = `${objectApiName}.json`;
    files.set(fileName, records);
    plan.push({ sobject: objectApiName, files: [fileName] });
  }
  return { plan, files, omitted };

  /**
   * Period_Key__c is '<ManagerId>:<start>:<end>' (managerScorecard's snapshotKey): the manager
   * part becomes the org user's Id, so saving the period again in the org updates the imported
   * snapshot instead of adding a second one.
   */
  function periodKey(value: FieldValue): TreeValue | undefined {
    if (typeof value !== 'string') return value ?? undefined;
    const [managerId, ...period] = value.split(':');
    return users.has(managerId) ? [input.userId(managerId), ...period].join(':') : value;
  }

  function convertValue(
    value: FieldValue,
    where: { objectApiName: string; row: DatasetRecord; name: string }
  ): TreeValue | undefined {
    if (value === null) return undefined;
    if (typeof value !== 'string') return value;
    if (users.has(value)) return input.userId(value);
    const reference = referenceIds.get(value);
    if (reference !== undefined) return `@${reference}`;
    const definition = schema.get(where.objectApiName)?.fields.get(where.name);
    if (definition && definition.referenceTo.length > 0) {
      throw new DataPlanError(
        `${where.objectApiName} ${where.row.Id}: ${where.name} points to ${value}, which is not a record of the plan`
      );
    }
    return value;
  }
}

function affects(objectApiName: string, field?: string): { affects?: string } {
  const effect = KPI_EFFECTS[field ? `${objectApiName}.${field}` : objectApiName];
  return effect ? { affects: effect } : {};
}

/** The files to write: name → JSON text, the plan file included. */
export function serializeDataPlan(dataPlan: DataPlan): Map<string, string> {
  const out = new Map<string, string>();
  out.set(PLAN_FILE, `${JSON.stringify(dataPlan.plan, null, 2)}\n`);
  for (const [name, records] of dataPlan.files) {
    out.set(name, `${JSON.stringify({ records }, null, 2)}\n`);
  }
  return out;
}
