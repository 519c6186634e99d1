/**
 * Turns the package metadata into the org model: objects and fields from the shared object
 * model (scripts/metadata/objectModel.ts, the single reader of the object XML), validation
 * rules and labels from the same module, before-save Flows from force-app's flows, and
 * field/object access per persona from the permission sets in force-app.
 *
 * The object model is read structurally (unknown → checked) rather than through its types,
 * so the preview keeps building while that module evolves; every shape assumption is here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { isRecord, list, text } from '../../scripts/guards';
import { keyPrefixOf } from '../../data/ids';
import type { FieldValue } from '../../data/dataset';
import type {
  ChildRelationship,
  FieldPermission,
  ObjectPermission,
  OrgField,
  OrgFlowAssignment,
  OrgFlowCondition,
  OrgModel,
  OrgObject,
  OrgRecordFlow,
  OrgValidationRule,
  PermissionProfile,
  PicklistEntry,
  ProfileName,
  UiDataType
} from './model';

type Json = Record<string, unknown>;

function flag(value: unknown): boolean {
  return value === true || value === 'true';
}

/** Metadata API field types and UI API data types, both spellings, to UI API data types. */
const DATA_TYPES: Record<string, UiDataType> = {
  id: 'Id',
  reference: 'Reference',
  lookup: 'Reference',
  masterdetail: 'Reference',
  hierarchy: 'Reference',
  externallookup: 'Reference',
  text: 'String',
  string: 'String',
  autonumber: 'String',
  encryptedtext: 'String',
  encryptedstring: 'String',
  combobox: 'String',
  textarea: 'TextArea',
  longtextarea: 'LongTextArea',
  html: 'RichTextArea',
  richtextarea: 'RichTextArea',
  email: 'Email',
  phone: 'Phone',
  url: 'Url',
  picklist: 'Picklist',
  multiselectpicklist: 'MultiPicklist',
  multipicklist: 'MultiPicklist',
  checkbox: 'Boolean',
  boolean: 'Boolean',
  currency: 'Currency',
  number: 'Double',
  double: 'Double',
  int: 'Int',
  integer: 'Int',
  long: 'Long',
  percent: 'Percent',
  date: 'Date',
  datetime: 'DateTime',
  time: 'Time',
  anytype: 'AnyType'
};

export function dataTypeOf(raw: Json): UiDataType {
  let type = (text(raw.type) ?? 'Text').toLowerCase();
  if (type === 'formula' || type === 'summary') {
    type = (
      text(raw.formulaResultType) ??
      text(raw.returnType) ??
      text(raw.formulaType) ??
      text(raw.summaryType) ??
      'Text'
    ).toLowerCase();
  }
  return DATA_TYPES[type] ?? 'String';
}

function picklistEntries(raw: unknown): PicklistEntry[] {
  return list(raw).map((entry) => {
    if (typeof entry === 'string') return { value: entry, label: entry };
    const item = isRecord(entry) ? entry : {};
    const value = text(item.value) ?? text(item.fullName) ?? text(item.apiName) ?? '';
    return { value, label: text(item.label) ?? value, default: flag(item.default) };
  });
}

function defaultValueOf(
  raw: Json,
  dataType: UiDataType,
  picklist: PicklistEntry[]
): FieldValue | undefined {
  const value = raw.defaultValue;
  if (value === undefined || value === null || value === '') return undefined;
  if (dataType === 'Boolean') return flag(value);
  // A picklist's default is one of its values (the valueSet's default="true" entry).
  if (typeof value === 'string' && picklist.some((entry) => entry.value === value)) return value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  // Default value formulas other than literals are evaluated on the platform, not here.
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(value.trim());
  if (quoted) return quoted[1] ?? quoted[2] ?? '';
  if (/^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

/** Parent and child relationship names of a reference field, from either naming. */
function relationshipNames(
  apiName: string,
  raw: Json
): { parent: string | null; child: string | null } {
  const given = text(raw.relationshipName) ?? null;
  const childGiven = text(raw.childRelationshipName) ?? null;
  if (apiName.endsWith('__c')) {
    const parent = apiName.replace(/__c$/, '__r');
    // In the XML, <relationshipName> of a custom lookup names the children (Coaching_Sessions).
    const child =
      childGiven ?? (given && given !== parent ? `${given.replace(/__r$/, '')}__r` : null);
    return { parent, child };
  }
  const parent = given ?? (apiName.endsWith('Id') ? apiName.slice(0, -2) : null);
  return { parent, child: childGiven };
}

export function fieldFrom(apiName: string, raw: Json): OrgField {
  const dataType = apiName === 'Id' ? 'Id' : dataTypeOf(raw);
  const formula = text(raw.formula) ?? null;
  const type = (text(raw.type) ?? '').toLowerCase();
  const masterDetail = type === 'masterdetail' || flag(raw.masterDetail);
  const names =
    dataType === 'Reference' ? relationshipNames(apiName, raw) : { parent: null, child: null };
  const referenceTo = list(raw.referenceTo).filter(
    (entry): entry is string => typeof entry === 'string'
  );
  const picklistValues = picklistEntries(raw.picklistValues ?? raw.values);
  const updateable = raw.updateable === undefined ? !formula : flag(raw.updateable);
  return {
    apiName,
    label: text(raw.label) ?? apiName,
    dataType,
    custom: raw.custom === undefined ? apiName.endsWith('__c') : flag(raw.custom),
    required: flag(raw.required) || masterDetail,
    createable: raw.createable === undefined ? updateable || masterDetail : flag(raw.createable),
    updateable,
    referenceTo,
    relationshipName: names.parent,
    childRelationshipName: names.child,
    masterDetail,
    picklistValues,
    restrictedPicklist:
      raw.restricted === undefined && raw.restrictedPicklist === undefined
        ? apiName.endsWith('__c')
        : flag(raw.restricted) || flag(raw.restrictedPicklist),
    formula,
    trackHistory: flag(raw.trackHistory),
    scale: typeof raw.scale === 'number' ? raw.scale : dataType === 'Currency' ? 2 : null,
    precision: typeof raw.precision === 'number' ? raw.precision : null,
    length: typeof raw.length === 'number' ? raw.length : null,
    defaultValue: defaultValueOf(raw, dataType, picklistValues),
    unique: flag(raw.unique),
    autoNumberFormat:
      type === 'autonumber' ? (text(raw.displayFormat) ?? `${apiName}-{000000}`) : null,
    inlineHelpText: text(raw.inlineHelpText) ?? null
  };
}

/**
 * Every record has an Id. Other system fields come from the object model (it lists them for
 * custom objects, and the known standard fields for standard ones): the preview adds nothing,
 * so a query is accepted here exactly when the metadata checks accept it.
 */
function withId(object: OrgObject): void {
  object.fields.Id ??= {
    ...fieldFrom('Id', { label: 'Record ID', type: 'Id', custom: false }),
    createable: false,
    updateable: false
  };
}

const PUBLIC_OBJECTS = new Set(['User', 'Account', 'UserRole', 'Group']);

function objectFrom(apiName: string, raw: Json): OrgObject {
  const fieldsRaw = isRecord(raw.fields) ? raw.fields : {};
  const fields: Record<string, OrgField> = {};
  for (const [name, value] of Object.entries(fieldsRaw)) {
    if (isRecord(value)) fields[name] = fieldFrom(text(value.name) ?? name, value);
  }
  const isHistory = apiName.endsWith('__History') || apiName.endsWith('History');
  const label = text(raw.label) ?? apiName;
  const object: OrgObject = {
    apiName,
    label,
    labelPlural: text(raw.labelPlural) ?? text(raw.pluralLabel) ?? `${label}s`,
    custom: raw.custom === undefined ? apiName.endsWith('__c') : flag(raw.custom),
    keyPrefix: keyPrefixOf(apiName),
    nameField: isHistory ? 'Id' : 'Name',
    fields,
    childRelationships: [],
    historyObject: null,
    ownership: 'owned'
  };
  const hasMaster = Object.values(fields).some((field) => field.masterDetail);
  withId(object);
  if (isHistory) {
    const parent = object.fields.ParentId;
    if (parent)
      object.fields.ParentId = {
        ...parent,
        relationshipName: 'Parent',
        childRelationshipName: 'Histories'
      };
  }
  // A custom object's record is owned by a user or a queue (a Group), so its Owner is
  // polymorphic in the UI API: `<Object>_Owner` with `... on User` fragments (GraphQL API
  // Developer Guide, Polymorphic Relationship Filters). Standard objects keep their own targets.
  const owner = object.fields.OwnerId;
  if (object.custom && owner && !owner.referenceTo.includes('Group'))
    object.fields.OwnerId = { ...owner, referenceTo: [...owner.referenceTo, 'Group'] };
  object.ownership = PUBLIC_OBJECTS.has(apiName)
    ? 'public'
    : hasMaster || isHistory
      ? 'master'
      : 'owned';
  return object;
}

/** The history object that records a parent's tracked fields (Territory_Plan__History). */
function historyObjectName(apiName: string): string {
  return apiName.endsWith('__c') ? apiName.replace(/__c$/, '__History') : `${apiName}History`;
}

export function objectsFrom(rawModel: unknown): Record<string, OrgObject> {
  const objects: Record<string, OrgObject> = {};
  if (!isRecord(rawModel)) return objects;
  for (const [name, value] of Object.entries(rawModel)) {
    if (isRecord(value))
      objects[text(value.name) ?? name] = objectFrom(text(value.name) ?? name, value);
  }
  for (const object of Object.values(objects)) {
    const history = historyObjectName(object.apiName);
    const tracks = Object.values(object.fields).some((field) => field.trackHistory);
    if (tracks && objects[history]) object.historyObject = history;
    const children: ChildRelationship[] = [];
    for (const child of Object.values(objects)) {
      for (const field of Object.values(child.fields)) {
        if (field.childRelationshipName && field.referenceTo.includes(object.apiName)) {
          children.push({
            relationshipName: field.childRelationshipName,
            childObjectApiName: child.apiName,
            fieldName: field.apiName
          });
        }
      }
    }
    object.childRelationships = children;
  }
  return objects;
}

export function validationRulesFrom(raw: unknown): OrgValidationRule[] {
  const entries = isRecord(raw)
    ? Object.entries(raw).flatMap(([object, rules]) =>
        list(rules).map((rule) => ({ object, rule }))
      )
    : list(raw).map((rule) => ({ object: '', rule }));
  return entries.flatMap(({ object, rule }) => {
    if (!isRecord(rule)) return [];
    const fullName = text(rule.fullName) ?? text(rule.name) ?? '';
    const [objectFromName, nameFromFullName] = fullName.includes('.')
      ? fullName.split('.')
      : [undefined, fullName];
    const objectApiName = text(rule.object) ?? text(rule.objectApiName) ?? objectFromName ?? object;
    const formula = text(rule.errorConditionFormula) ?? text(rule.formula);
    const message = text(rule.errorMessage) ?? text(rule.message);
    if (!objectApiName || !formula || !message) return [];
    return [
      {
        objectApiName,
        name: nameFromFullName ?? fullName,
        active: rule.active === undefined ? true : flag(rule.active),
        formula,
        message,
        displayField: text(rule.errorDisplayField) ?? text(rule.displayField) ?? null
      }
    ];
  });
}

export function labelsFrom(raw: unknown): Record<string, string> {
  if (isRecord(raw)) {
    const entries = Object.entries(raw).map(([name, value]) => [
      name,
      typeof value === 'string' ? value : isRecord(value) ? (text(value.value) ?? name) : name
    ]);
    return Object.fromEntries(entries) as Record<string, string>;
  }
  return Object.fromEntries(
    list(raw)
      .filter(isRecord)
      .map((label) => [text(label.fullName) ?? text(label.name) ?? '', text(label.value) ?? ''])
  );
}

// ---- Permission sets --------------------------------------------------------------------

/** The persona each package permission set is assigned to (README.md, "Permission sets"). */
export const PERMISSION_SETS: Record<ProfileName, string[]> = {
  manager: ['Sales_Coaching_Manager'],
  rep: ['Sales_Coaching_Rep']
};

/**
 * What the Standard User profile grants on standard objects in a scratch org, under the
 * package's permission sets: sales users read and edit accounts and their opportunities.
 */
const STANDARD_PROFILE: Record<string, ObjectPermission> = {
  User: { read: true, create: false, edit: false, delete: false },
  Account: { read: true, create: true, edit: true, delete: false },
  Opportunity: { read: true, create: true, edit: true, delete: false }
};

const xml = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => ['objectPermissions', 'fieldPermissions'].includes(name)
});

function readPermissionSet(path: string): {
  objects: Record<string, ObjectPermission>;
  fields: Record<string, FieldPermission>;
} {
  const document = xml.parse(readFileSync(path, 'utf8')) as Json;
  const root = isRecord(document.PermissionSet) ? document.PermissionSet : {};
  const objects: Record<string, ObjectPermission> = {};
  for (const entry of list(root.objectPermissions).filter(isRecord)) {
    const name = text(entry.object);
    if (!name) continue;
    objects[name] = {
      read: flag(entry.allowRead) || flag(entry.viewAllRecords),
      create: flag(entry.allowCreate),
      edit: flag(entry.allowEdit) || flag(entry.modifyAllRecords),
      delete: flag(entry.allowDelete) || flag(entry.modifyAllRecords)
    };
  }
  const fields: Record<string, FieldPermission> = {};
  for (const entry of list(root.fieldPermissions).filter(isRecord)) {
    const name = text(entry.field);
    if (name)
      fields[name] = {
        read: flag(entry.readable) || flag(entry.editable),
        edit: flag(entry.editable)
      };
  }
  return { objects, fields };
}

/** Permission sets add up: a right granted by any of them is granted. */
function union<T extends object>(a: T | undefined, b: T): T {
  if (!a) return { ...b };
  const merged = { ...a };
  for (const key of Object.keys(b) as (keyof T)[]) {
    merged[key] = (Boolean(a[key]) || Boolean(b[key])) as T[keyof T];
  }
  return merged;
}

/**
 * What a permission set grants as README.md ("Permission sets") describes it, used only while
 * its file is not in force-app yet: managers read and write everything of the package; reps
 * read it all except private notes (no access to Coaching_Private_Note__c) and may only
 * acknowledge and rate sessions and update their goals' progress.
 */
function intendedGrants(
  profileName: ProfileName,
  objects: Record<string, OrgObject>
): { objects: Record<string, ObjectPermission>; fields: Record<string, FieldPermission> } {
  const grants = {
    objects: {} as Record<string, ObjectPermission>,
    fields: {} as Record<string, FieldPermission>
  };
  const repEditable = new Set([
    'Coaching_Session__c.Rep_Acknowledged__c',
    'Coaching_Session__c.Rep_Rating__c',
    'Development_Goal__c.Progress__c',
    'Development_Goal__c.Status__c'
  ]);
  const repNoAccess = new Set(['Coaching_Private_Note__c']);
  for (const object of Object.values(objects)) {
    if (!object.custom) continue;
    if (profileName === 'rep' && repNoAccess.has(object.apiName)) continue;
    const repEdits = ['Coaching_Session__c', 'Development_Goal__c'].includes(object.apiName);
    grants.objects[object.apiName] =
      profileName === 'manager'
        ? { read: true, create: true, edit: true, delete: true }
        : { read: true, create: false, edit: repEdits, delete: false };
    for (const field of Object.values(object.fields)) {
      if (!field.custom) continue;
      const key = `${object.apiName}.${field.apiName}`;
      if (profileName === 'manager') grants.fields[key] = { read: true, edit: true };
      else grants.fields[key] = { read: true, edit: repEditable.has(key) };
    }
  }
  // Custom fields on standard objects (Opportunity.Sales_Cycle_Days__c) are readable to both.
  for (const object of Object.values(objects)) {
    if (object.custom) continue;
    for (const field of Object.values(object.fields)) {
      if (field.custom)
        grants.fields[`${object.apiName}.${field.apiName}`] = { read: true, edit: false };
    }
  }
  return grants;
}

export function permissionProfilesFrom(
  root: string,
  objects: Record<string, OrgObject>
): Record<ProfileName, PermissionProfile> {
  const dir = join(root, 'force-app/main/default/permissionsets');
  const profiles = {} as Record<ProfileName, PermissionProfile>;
  for (const profileName of Object.keys(PERMISSION_SETS) as ProfileName[]) {
    const profile: PermissionProfile = {
      name: PERMISSION_SETS[profileName].join('+'),
      objects: {},
      fields: {}
    };
    for (const [name, grant] of Object.entries(STANDARD_PROFILE))
      profile.objects[name] = { ...grant };
    for (const setName of PERMISSION_SETS[profileName]) {
      const path = join(dir, `${setName}.permissionset-meta.xml`);
      const granted = existsSync(path)
        ? readPermissionSet(path)
        : intendedGrants(profileName, objects);
      for (const [name, grant] of Object.entries(granted.objects))
        profile.objects[name] = union(profile.objects[name], grant);
      for (const [name, grant] of Object.entries(granted.fields))
        profile.fields[name] = union(profile.fields[name], grant);
    }
    // History objects are readable with their parent (history tracking follows the record).
    for (const object of Object.values(objects)) {
      const parentName = Object.values(objects).find(
        (candidate) => candidate.historyObject === object.apiName
      )?.apiName;
      const parentGrant = parentName ? profile.objects[parentName] : undefined;
      if (parentGrant?.read)
        profile.objects[object.apiName] = { read: true, create: false, edit: false, delete: false };
    }
    profiles[profileName] = profile;
  }
  return profiles;
}

/**
 * Auto-number display formats (CS-{000000}) are not in the shared object model; they are
 * read from the object's <nameField> so new records are numbered as the platform would.
 */
function readAutoNumberFormats(root: string, objects: Record<string, OrgObject>): void {
  for (const object of Object.values(objects)) {
    const name = object.fields.Name;
    if (!name?.autoNumberFormat) continue;
    const path = join(
      root,
      'force-app/main/default/objects',
      object.apiName,
      `${object.apiName}.object-meta.xml`
    );
    if (!existsSync(path)) continue;
    const document = xml.parse(readFileSync(path, 'utf8')) as Json;
    const custom = isRecord(document.CustomObject) ? document.CustomObject : {};
    const nameField = isRecord(custom.nameField) ? custom.nameField : {};
    const format = text(nameField.displayFormat);
    if (format) name.autoNumberFormat = format;
  }
}

// ---- Flows --------------------------------------------------------------------------------

const flowXml = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => ['assignments', 'assignmentItems', 'filters'].includes(name)
});

const RECORD_FIELD = /^\$Record\.([A-Za-z0-9_]+)$/;

/**
 * The before-save record-triggered Flows in force-app, read from their metadata so the preview
 * saves records as the org's Flows would. Only what the package's Flows use is modelled (AND-ed
 * IsNull start filters, assignments from the record's own fields); a Flow that does more makes
 * the preview fail to build instead of silently saving records the org would save differently.
 * Flows that are not record-triggered (screen Flows, autolaunched subflows) do not run on save.
 */
export function recordFlowsFrom(root: string): OrgRecordFlow[] {
  const dir = join(root, 'force-app/main/default/flows');
  if (!existsSync(dir)) return [];
  const flows: OrgRecordFlow[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.flow-meta.xml')) continue;
    const name = file.replace('.flow-meta.xml', '');
    const document = flowXml.parse(readFileSync(join(dir, file), 'utf8')) as Json;
    const flow = recordFlowFrom(name, isRecord(document.Flow) ? document.Flow : {});
    if (flow) flows.push(flow);
  }
  return flows;
}

export function recordFlowFrom(name: string, flow: Json): OrgRecordFlow | null {
  const start = isRecord(flow.start) ? flow.start : {};
  const triggerType = text(start.triggerType);
  if (!triggerType || text(flow.status) !== 'Active') return null;
  const unsupported = (what: string): Error =>
    new Error(`Flow ${name}: ${what} — the preview runs before-save Flows of that shape only`);
  if (triggerType !== 'RecordBeforeSave') throw unsupported(`trigger type ${triggerType}`);
  const objectApiName = text(start.object);
  const recordTriggerType = text(start.recordTriggerType);
  if (!objectApiName) throw unsupported('no start object');
  if (
    recordTriggerType !== 'Create' &&
    recordTriggerType !== 'Update' &&
    recordTriggerType !== 'CreateAndUpdate'
  ) {
    throw unsupported(`record trigger type ${String(recordTriggerType)}`);
  }
  const filters = list(start.filters).filter(isRecord);
  const logic = text(start.filterLogic) ?? 'and';
  if (filters.length > 1 && logic !== 'and') throw unsupported(`filter logic ${logic}`);
  const conditions = filters.map((filter): OrgFlowCondition => {
    const value = isRecord(filter.value) ? filter.value : {};
    if (text(filter.operator) !== 'IsNull' || value.booleanValue === undefined) {
      throw unsupported(`start filter ${String(filter.field)} ${String(filter.operator)}`);
    }
    return { field: String(filter.field), operator: 'IsNull', value: flag(value.booleanValue) };
  });

  // Follow the connectors from the start through assignments; anything else is not modelled.
  const elements = new Map(
    list(flow.assignments)
      .filter(isRecord)
      .map((element) => [text(element.name) ?? '', element])
  );
  const assignments: OrgFlowAssignment[] = [];
  const seen = new Set<string>();
  let next = isRecord(start.connector) ? text(start.connector.targetReference) : undefined;
  while (next) {
    const element = elements.get(next);
    if (!element) throw unsupported(`element ${next} is not an assignment`);
    if (seen.has(next)) throw unsupported(`a loop through ${next}`);
    seen.add(next);
    for (const item of list(element.assignmentItems).filter(isRecord)) {
      const target = RECORD_FIELD.exec(text(item.assignToReference) ?? '');
      const value = isRecord(item.value) ? item.value : {};
      const source = RECORD_FIELD.exec(text(value.elementReference) ?? '');
      if (text(item.operator) !== 'Assign' || !target || !source) {
        throw unsupported(`assignment ${String(item.assignToReference)} in ${next}`);
      }
      assignments.push({ field: target[1], fromField: source[1] });
    }
    next = isRecord(element.connector) ? text(element.connector.targetReference) : undefined;
  }
  return { name, objectApiName, recordTriggerType, conditions, assignments };
}

export function orgModelFrom(root: string, rawObjects: unknown, rawRules: unknown): OrgModel {
  const objects = objectsFrom(rawObjects);
  readAutoNumberFormats(root, objects);
  return {
    objects,
    validationRules: validationRulesFrom(rawRules),
    recordFlows: recordFlowsFrom(root),
    profiles: permissionProfilesFrom(root, objects)
  };
}
