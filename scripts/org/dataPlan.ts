/**
 * The `sf data import tree --plan` plan for the sample data, built from the same dataset the
 * preview uses. Records reference each other with `@<Object>Ref<n>` references that the CLI
 * resolves as it inserts; users are created by the CLI beforehand, so every user lookup holds
 * the org Id of the created user the sample owner maps onto (see users.ts).
 *
 * Left out, and reported: fields the org schema says cannot be set on insert (IsClosed, IsWon,
 * PushCount, LastStageChangeDate, LastActivityDate, ExpectedRevenue, audit fields, formulas),
 * standard fields the package does not use,
 * objects the platform writes itself (field history) or the CLI creates (User), and saved
 * scorecards of managers who are not created — a snapshot belongs to one real team.
 */
import type { Dataset, DatasetRecord, FieldValue } from '../../data/dataset';
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
  /** Whether a sample user is created in the org (false: mapped onto someone else). */
  isCreated: (sampleUserId: string) => boolean;
}

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
      reason: NOT_IMPORTED[objectApiName] ?? 'not part of the import plan'
    });
  }

  // Which records are imported: a saved scorecard only for a created manager, and nothing
  // whose master or lookup target was left out.
  const kept = new Map<string, DatasetRecord[]>();
  const droppedIds = new Set<string>();
  const users = new Set((dataset.records.User ?? []).map((user) => user.Id));
  for (const objectApiName of IMPORT_ORDER) {
    const rows = dataset.records[objectApiName] ?? [];
    const keep: DatasetRecord[] = [];
    let droppedForManager = 0;
    let droppedForParent = 0;
    for (const row of rows) {
      if (objectApiName === 'Manager_Scorecard__c' && !input.isCreated(String(row.Manager__c))) {
        droppedForManager++;
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
          omittedFields.set(name, definition.readOnlyReason ?? 'read-only in the org');
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
        const converted = convertValue(value, { objectApiName, row, name });
        if (converted !== undefined) record[name] = converted;
      }
      return record;
    });
    for (const [name, reason] of omittedFields) {
      omitted.push({ object: objectApiName, field: name, reason });
    }
    const fileName = `${objectApiName}.json`;
    files.set(fileName, records);
    plan.push({ sobject: objectApiName, files: [fileName] });
  }
  return { plan, files, omitted };

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

/** The files to write: name → JSON text, the plan file included. */
export function serializeDataPlan(dataPlan: DataPlan): Map<string, string> {
  const out = new Map<string, string>();
  out.set(PLAN_FILE, `${JSON.stringify(dataPlan.plan, null, 2)}\n`);
  for (const [name, records] of dataPlan.files) {
    out.set(name, `${JSON.stringify({ records }, null, 2)}\n`);
  }
  return out;
}
