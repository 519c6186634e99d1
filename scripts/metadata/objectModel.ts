/**
 * One typed model of the org schema the package uses: its custom objects and fields (read from
 * force-app), their history objects, and the standard objects and fields the components query.
 * The metadata checks, the preview's GraphQL schema and the scratch-org data plan all read the
 * schema from here, so a field exists in one place or in none.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { list, text } from '../guards';

export type FieldType =
  | 'Id'
  | 'Text'
  | 'TextArea'
  | 'LongTextArea'
  | 'Html'
  | 'Number'
  | 'Currency'
  | 'Percent'
  | 'Date'
  | 'DateTime'
  | 'Checkbox'
  | 'Picklist'
  | 'MultiselectPicklist'
  | 'Lookup'
  | 'MasterDetail'
  | 'AutoNumber'
  | 'Email'
  | 'Url'
  | 'Phone'
  | 'Formula'
  // Types of standard fields only: integers (PushCount, FiscalYear, NumberOfEmployees are
  // `int` in the SOAP API's describe, where custom Number fields are `double`) and the
  // history objects' OldValue/NewValue (`anyType`).
  | 'Int'
  | 'AnyType';

export interface FieldModel {
  name: string;
  label: string;
  type: FieldType;
  custom: boolean;
  required: boolean;
  updateable: boolean;
  referenceTo?: string;
  /** How a query traverses this reference (Owner, Rep__r). */
  relationshipName?: string;
  /** How a query reaches the children from the referenced object (Coaching_Sessions__r). */
  childRelationshipName?: string;
  picklistValues?: string[];
  defaultValue?: string;
  precision?: number;
  scale?: number;
  length?: number;
  externalId?: boolean;
  unique?: boolean;
  trackHistory?: boolean;
  formula?: string;
  /** For formula fields: the type of the value the formula returns. */
  formulaResultType?: FieldType;
}

export interface ObjectModel {
  name: string;
  label: string;
  custom: boolean;
  fields: Record<string, FieldModel>;
}

export interface ValidationRuleModel {
  object: string;
  name: string;
  active: boolean;
  formula: string;
  errorMessage: string;
  errorDisplayField?: string;
}

export const DEFAULT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OBJECTS_DIR = 'force-app/main/default/objects';
const LABELS_FILE = 'force-app/main/default/labels/CustomLabels.labels-meta.xml';

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });

type Xml = Record<string, unknown>;

function readXml(path: string, root: string): Xml {
  const doc = parser.parse(readFileSync(path, 'utf8')) as Xml;
  const value = doc[root];
  return typeof value === 'object' && value !== null ? (value as Xml) : {};
}

function num(value: unknown): number | undefined {
  const digits = text(value);
  return digits === undefined ? undefined : Number(digits);
}

function field(
  name: string,
  label: string,
  type: FieldType,
  extra: Partial<FieldModel> = {}
): FieldModel {
  return { name, label, type, custom: false, required: false, updateable: true, ...extra };
}

function readOnly(
  name: string,
  label: string,
  type: FieldType,
  extra: Partial<FieldModel> = {}
): FieldModel {
  return field(name, label, type, { updateable: false, ...extra });
}

function userLookup(
  name: string,
  label: string,
  relationshipName: string,
  extra: Partial<FieldModel> = {}
): FieldModel {
  return field(name, label, 'Lookup', { referenceTo: 'User', relationshipName, ...extra });
}

const OPPORTUNITY_STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Closed Won',
  'Closed Lost'
];

/** The known standard fields: the only standard fields the package reads or writes. */
const STANDARD_OBJECTS: ObjectModel[] = [
  {
    name: 'Opportunity',
    label: 'Opportunity',
    custom: false,
    fields: byName([
      readOnly('Id', 'Opportunity ID', 'Id'),
      field('Name', 'Name', 'Text', { required: true, length: 120 }),
      field('AccountId', 'Account ID', 'Lookup', {
        referenceTo: 'Account',
        relationshipName: 'Account'
      }),
      userLookup('OwnerId', 'Owner ID', 'Owner', { required: true }),
      field('Amount', 'Amount', 'Currency', { precision: 18, scale: 2 }),
      field('CloseDate', 'Close Date', 'Date', { required: true }),
      field('StageName', 'Stage', 'Picklist', {
        required: true,
        picklistValues: OPPORTUNITY_STAGES
      }),
      field('Probability', 'Probability (%)', 'Percent', { precision: 3, scale: 0 }),
      readOnly('IsClosed', 'Closed', 'Checkbox'),
      readOnly('IsWon', 'Won', 'Checkbox'),
      field('ForecastCategoryName', 'Forecast Category', 'Picklist', {
        picklistValues: ['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed']
      }),
      field('Type', 'Opportunity Type', 'Picklist', {
        picklistValues: [
          'Existing Customer - Upgrade',
          'Existing Customer - Replacement',
          'Existing Customer - Downgrade',
          'New Customer'
        ]
      }),
      field('NextStep', 'Next Step', 'Text', { length: 255 }),
      readOnly('CreatedDate', 'Created Date', 'DateTime'),
      readOnly('LastModifiedDate', 'Last Modified Date', 'DateTime'),
      readOnly('PushCount', 'Push Count', 'Int'),
      readOnly('LastStageChangeDate', 'Last Stage Change Date', 'DateTime'),
      readOnly('LastActivityDate', 'Last Activity', 'Date'),
      readOnly('ExpectedRevenue', 'Expected Amount', 'Currency'),
      readOnly('FiscalYear', 'Fiscal Year', 'Int'),
      readOnly('FiscalQuarter', 'Fiscal Quarter', 'Int')
    ])
  },
  {
    name: 'User',
    label: 'User',
    custom: false,
    fields: byName([
      readOnly('Id', 'User ID', 'Id'),
      readOnly('Name', 'Full Name', 'Text'),
      field('FirstName', 'First Name', 'Text', { length: 40 }),
      field('LastName', 'Last Name', 'Text', { required: true, length: 80 }),
      field('Alias', 'Alias', 'Text', { length: 8 }),
      field('Username', 'Username', 'Text', { required: true, length: 80 }),
      field('Email', 'Email', 'Email', { required: true }),
      field('Title', 'Title', 'Text', { length: 80 }),
      field('Department', 'Department', 'Text', { length: 80 }),
      field('IsActive', 'Active', 'Checkbox'),
      userLookup('ManagerId', 'Manager ID', 'Manager'),
      field('UserRoleId', 'Role ID', 'Lookup', {
        referenceTo: 'UserRole',
        relationshipName: 'UserRole'
      }),
      readOnly('SmallPhotoUrl', 'Small Photo URL', 'Url'),
      readOnly('CreatedDate', 'Created Date', 'DateTime')
    ])
  },
  {
    name: 'Account',
    label: 'Account',
    custom: false,
    fields: byName([
      readOnly('Id', 'Account ID', 'Id'),
      field('Name', 'Account Name', 'Text', { required: true, length: 255 }),
      userLookup('OwnerId', 'Owner ID', 'Owner', { required: true }),
      field('Industry', 'Industry', 'Picklist'),
      field('Type', 'Account Type', 'Picklist'),
      field('AnnualRevenue', 'Annual Revenue', 'Currency'),
      field('NumberOfEmployees', 'Employees', 'Int'),
      field('BillingCity', 'Billing City', 'Text'),
      field('BillingState', 'Billing State/Province', 'Text'),
      readOnly('CreatedDate', 'Created Date', 'DateTime')
    ])
  },
  {
    // Queues are groups: a custom object's owner is a user or a queue.
    name: 'Group',
    label: 'Group',
    custom: false,
    fields: byName([
      readOnly('Id', 'Group ID', 'Id'),
      field('Name', 'Name', 'Text', { required: true, length: 40 }),
      field('DeveloperName', 'Developer Name', 'Text', { length: 80 }),
      field('Type', 'Type', 'Picklist', { picklistValues: ['Queue', 'Regular'] })
    ])
  },
  {
    name: 'UserRole',
    label: 'Role',
    custom: false,
    fields: byName([
      readOnly('Id', 'Role ID', 'Id'),
      field('Name', 'Name', 'Text', { required: true }),
      field('DeveloperName', 'Developer Name', 'Text'),
      field('ParentRoleId', 'Parent Role ID', 'Lookup', {
        referenceTo: 'UserRole',
        relationshipName: 'ParentRole'
      })
    ])
  }
];

function byName(fields: FieldModel[]): Record<string, FieldModel> {
  return Object.fromEntries(fields.map((f) => [f.name, f]));
}

const FIELD_TYPES = new Set<string>([
  'Text',
  'TextArea',
  'LongTextArea',
  'Html',
  'Number',
  'Currency',
  'Percent',
  'Date',
  'DateTime',
  'Checkbox',
  'Picklist',
  'MultiselectPicklist',
  'Lookup',
  'MasterDetail',
  'AutoNumber',
  'Email',
  'Url',
  'Phone'
]);

function fieldType(value: string | undefined): FieldType {
  return value !== undefined && FIELD_TYPES.has(value) ? (value as FieldType) : 'Text';
}

function customField(xml: Xml): FieldModel {
  const name = text(xml.fullName) ?? '';
  const formula = text(xml.formula);
  const referenceTo = text(xml.referenceTo);
  const type = fieldType(text(xml.type));
  const valueSet = xml.valueSet as Xml | undefined;
  const definition = valueSet?.valueSetDefinition as Xml | undefined;
  const values = list(definition?.value).map((v) => text((v as Xml).fullName) ?? '');
  const defaultValue = list(definition?.value).find((v) => text((v as Xml).default) === 'true') as
    Xml | undefined;
  const model: FieldModel = {
    name,
    label: text(xml.label) ?? name,
    type: formula ? 'Formula' : type,
    custom: true,
    required: text(xml.required) === 'true' || type === 'MasterDetail',
    updateable: !formula && type !== 'AutoNumber'
  };
  const optional: Partial<FieldModel> = {
    referenceTo,
    // A custom lookup Rep__c is traversed as Rep__r; the XML's <relationshipName> names the
    // children seen from the parent (User.Coaching_Sessions__r).
    relationshipName: referenceTo ? name.replace(/__c$/, '__r') : undefined,
    childRelationshipName:
      referenceTo && text(xml.relationshipName) ? `${text(xml.relationshipName)}__r` : undefined,
    picklistValues: values.length > 0 ? values : undefined,
    defaultValue:
      text(xml.defaultValue) ?? (defaultValue ? text(defaultValue.fullName) : undefined),
    precision: num(xml.precision),
    scale: num(xml.scale),
    length: num(xml.length),
    externalId: text(xml.externalId) === 'true' || undefined,
    unique: text(xml.unique) === 'true' || undefined,
    trackHistory: text(xml.trackHistory) === 'true' || undefined,
    formula,
    formulaResultType: formula ? type : undefined
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (model as unknown as Record<string, unknown>)[key] = value;
  }
  return model;
}

function systemFields(hasOwner: boolean, nameField: FieldModel): FieldModel[] {
  return [
    readOnly('Id', 'Record ID', 'Id'),
    nameField,
    ...(hasOwner ? [userLookup('OwnerId', 'Owner ID', 'Owner', { required: true })] : []),
    readOnly('CreatedDate', 'Created Date', 'DateTime'),
    readOnly('CreatedById', 'Created By ID', 'Lookup', {
      referenceTo: 'User',
      relationshipName: 'CreatedBy'
    }),
    readOnly('LastModifiedDate', 'Last Modified Date', 'DateTime'),
    readOnly('LastModifiedById', 'Last Modified By ID', 'Lookup', {
      referenceTo: 'User',
      relationshipName: 'LastModifiedBy'
    }),
    readOnly('SystemModstamp', 'System Modstamp', 'DateTime')
  ];
}

function historyObject(parent: string, label: string): ObjectModel {
  const name = `${parent.replace(/__c$/, '')}__History`;
  return {
    name,
    label: `${label} History`,
    custom: false,
    fields: byName([
      readOnly('Id', 'History ID', 'Id'),
      readOnly('ParentId', 'Parent ID', 'Lookup', {
        referenceTo: parent,
        relationshipName: 'Parent'
      }),
      // Field is a picklist of the tracked fields' names; the values are anyType.
      readOnly('Field', 'Changed Field', 'Picklist'),
      readOnly('OldValue', 'Old Value', 'AnyType'),
      readOnly('NewValue', 'New Value', 'AnyType'),
      readOnly('CreatedDate', 'Created Date', 'DateTime'),
      readOnly('CreatedById', 'Created By ID', 'Lookup', {
        referenceTo: 'User',
        relationshipName: 'CreatedBy'
      })
    ])
  };
}

function directories(path: string): string[] {
  return existsSync(path) ? readdirSync(path).sort() : [];
}

function fieldFiles(objectDir: string): FieldModel[] {
  const dir = join(objectDir, 'fields');
  return directories(dir)
    .filter((file) => file.endsWith('.field-meta.xml'))
    .map((file) => customField(readXml(join(dir, file), 'CustomField')));
}

export function loadObjectModel(root: string = DEFAULT_ROOT): Record<string, ObjectModel> {
  const model: Record<string, ObjectModel> = {};
  for (const standard of STANDARD_OBJECTS) {
    model[standard.name] = { ...standard, fields: { ...standard.fields } };
  }
  const objectsDir = join(root, OBJECTS_DIR);
  for (const objectName of directories(objectsDir)) {
    const dir = join(objectsDir, objectName);
    const custom = fieldFiles(dir);
    const existing = model[objectName];
    if (existing) {
      // Custom fields on a standard object (e.g. Opportunity.Sales_Cycle_Days__c).
      for (const f of custom) existing.fields[f.name] = f;
      continue;
    }
    const objectFile = join(dir, `${objectName}.object-meta.xml`);
    if (!existsSync(objectFile)) continue;
    const xml = readXml(objectFile, 'CustomObject');
    const label = text(xml.label) ?? objectName;
    const nameXml = (xml.nameField as Xml | undefined) ?? {};
    const autoNumber = text(nameXml.type) === 'AutoNumber';
    const nameField = field(
      'Name',
      text(nameXml.label) ?? 'Name',
      autoNumber ? 'AutoNumber' : 'Text',
      {
        required: !autoNumber,
        updateable: !autoNumber,
        length: autoNumber ? undefined : 80
      }
    );
    const isDetail = custom.some((f) => f.type === 'MasterDetail');
    model[objectName] = {
      name: objectName,
      label,
      custom: true,
      fields: byName([...systemFields(!isDetail, nameField), ...custom])
    };
    if (text(xml.enableHistory) === 'true') {
      const history = historyObject(objectName, label);
      model[history.name] = history;
    }
  }
  return model;
}

/** The field a relationship name (Owner, Rep__r) stands for on an object, if any. */
export function relationshipField(
  object: ObjectModel,
  relationshipName: string
): FieldModel | undefined {
  return Object.values(object.fields).find((f) => f.relationshipName === relationshipName);
}

export function loadValidationRules(root: string = DEFAULT_ROOT): ValidationRuleModel[] {
  const rules: ValidationRuleModel[] = [];
  const objectsDir = join(root, OBJECTS_DIR);
  for (const objectName of directories(objectsDir)) {
    const dir = join(objectsDir, objectName, 'validationRules');
    for (const file of directories(dir).filter((f) => f.endsWith('.validationRule-meta.xml'))) {
      const xml = readXml(join(dir, file), 'ValidationRule');
      rules.push({
        object: objectName,
        name: text(xml.fullName) ?? file.replace('.validationRule-meta.xml', ''),
        active: text(xml.active) === 'true',
        formula: text(xml.errorConditionFormula) ?? '',
        errorMessage: text(xml.errorMessage) ?? '',
        errorDisplayField: text(xml.errorDisplayField)
      });
    }
  }
  return rules;
}

export function loadLabels(root: string = DEFAULT_ROOT): Record<string, string> {
  const path = join(root, LABELS_FILE);
  if (!existsSync(path)) return {};
  const xml = readXml(path, 'CustomLabels');
  const labels: Record<string, string> = {};
  for (const entry of list(xml.labels)) {
    const label = entry as Xml;
    const name = text(label.fullName);
    if (name) labels[name] = text(label.value) ?? '';
  }
  return labels;
}
