/**
 * The slice of the org schema the data plan needs — which fields exist, which can be set on
 * insert, which are required, what each lookup points to — read from the shared object model
 * (scripts/metadata/objectModel.ts, the one metadata parser: custom objects from force-app and
 * the standard objects and fields the package uses).
 */
import { loadObjectModel, type ObjectModel } from '../metadata/objectModel';

export interface SchemaField {
  name: string;
  /** False for fields the platform computes or stamps: formulas, auto-numbers, audit fields. */
  createable: boolean;
  /** Must be present on insert (required fields, master-detail relationships, a text Name). */
  required: boolean;
  /** Object(s) a lookup or master-detail field points to; empty for other fields. */
  referenceTo: readonly string[];
  /** Why a non-createable field is read-only, for the report of what the plan leaves out. */
  readOnlyReason?: string;
}

export interface SchemaObject {
  name: string;
  fields: ReadonlyMap<string, SchemaField>;
}

export type Schema = ReadonlyMap<string, SchemaObject>;

const AUDIT = 'stamped by the platform (audit field)';

/** Why the platform keeps these standard fields itself; the import report quotes it. */
const READ_ONLY_REASONS: Readonly<Record<string, string>> = {
  Id: 'assigned by the platform',
  CreatedDate: AUDIT,
  CreatedById: AUDIT,
  LastModifiedDate: AUDIT,
  LastModifiedById: AUDIT,
  SystemModstamp: AUDIT,
  IsClosed: 'derived from the stage',
  IsWon: 'derived from the stage',
  PushCount: 'counted by the platform when the close date moves out',
  LastStageChangeDate: 'stamped by the platform when the stage changes',
  LastActivityDate: 'kept by the platform from activities',
  ExpectedRevenue: 'computed as Amount × Probability',
  FiscalYear: 'derived from the close date',
  FiscalQuarter: 'derived from the close date'
};

/**
 * The object model knows `updateable`; on insert the same fields are settable, because the
 * model marks exactly the computed and stamped ones read-only (master-detail fields stay
 * updateable there, and they are createable).
 */
export function schemaFromObjectModel(model: Readonly<Record<string, ObjectModel>>): Schema {
  const schema = new Map<string, SchemaObject>();
  for (const object of Object.values(model)) {
    const fields = new Map<string, SchemaField>();
    for (const field of Object.values(object.fields)) {
      const createable =
        field.updateable && field.type !== 'Formula' && field.type !== 'AutoNumber';
      fields.set(field.name, {
        name: field.name,
        createable,
        // An insert without OwnerId gets the running user as owner, so it is not required here.
        required: field.required && createable && field.name !== 'OwnerId',
        referenceTo: field.referenceTo ? [field.referenceTo] : [],
        ...(createable
          ? {}
          : {
              readOnlyReason:
                field.type === 'Formula'
                  ? 'formula field, computed by the org'
                  : field.type === 'AutoNumber'
                    ? 'auto-number, assigned by the org'
                    : (READ_ONLY_REASONS[field.name] ?? 'read-only in the org')
            })
      });
    }
    schema.set(object.name, { name: object.name, fields });
  }
  return schema;
}

export function loadOrgSchema(root: string): Schema {
  return schemaFromObjectModel(loadObjectModel(root));
}
