/**
 * The slice of the org schema the data plan needs: which fields exist, which can be set on
 * insert, which are required, and what each lookup points to. Custom objects come from the
 * shared object model (scripts/metadata/objectModel.ts, the one metadata parser); the standard
 * objects the sample data touches are described here, because force-app does not define them.
 */

export interface SchemaField {
  name: string;
  /** False for fields the platform computes or stamps: formulas, roll-ups, audit fields. */
  createable: boolean;
  /** Must be present on insert (required fields, master-detail relationships, Name). */
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

/** Fields every object has and no insert may set (without the "Set Audit Fields" permission). */
export const SYSTEM_FIELDS: readonly SchemaField[] = [
  readOnly('Id', 'assigned by the platform'),
  readOnly('CreatedDate', AUDIT),
  readOnly('CreatedById', AUDIT, ['User']),
  readOnly('LastModifiedDate', AUDIT),
  readOnly('LastModifiedById', AUDIT, ['User']),
  readOnly('SystemModstamp', AUDIT),
  readOnly('IsDeleted', AUDIT),
  readOnly('LastViewedDate', AUDIT),
  readOnly('LastReferencedDate', AUDIT)
];

/** OwnerId of an object that is not the detail side of a master-detail relationship. */
export const OWNER_FIELD: SchemaField = field('OwnerId', { referenceTo: ['User'] });

/**
 * Account and Opportunity as the sample uses them. Read-only standard fields are listed so the
 * plan can say why it leaves them out: Salesforce derives IsClosed/IsWon from the stage and keeps
 * PushCount, LastStageChangeDate, LastActivityDate and ExpectedRevenue itself.
 */
export const STANDARD_OBJECTS: readonly SchemaObject[] = [
  object('Account', [
    field('Name', { required: true }),
    ...[
      'AccountNumber',
      'AccountSource',
      'AnnualRevenue',
      'BillingCity',
      'BillingCountry',
      'BillingPostalCode',
      'BillingState',
      'BillingStreet',
      'Description',
      'Industry',
      'NumberOfEmployees',
      'Ownership',
      'Phone',
      'Rating',
      'ShippingCity',
      'ShippingCountry',
      'ShippingPostalCode',
      'ShippingState',
      'ShippingStreet',
      'Site',
      'TickerSymbol',
      'Type',
      'Website'
    ].map((name) => field(name)),
    OWNER_FIELD,
    field('ParentId', { referenceTo: ['Account'] }),
    readOnly('LastActivityDate', 'kept by the platform from activities'),
    readOnly('PhotoUrl', 'computed by the platform')
  ]),
  object('Opportunity', [
    field('Name', { required: true }),
    field('StageName', { required: true }),
    field('CloseDate', { required: true }),
    ...[
      'Amount',
      'Description',
      'ForecastCategoryName',
      'IsPrivate',
      'LeadSource',
      'NextStep',
      'Probability',
      'TotalOpportunityQuantity',
      'Type'
    ].map((name) => field(name)),
    OWNER_FIELD,
    field('AccountId', { referenceTo: ['Account'] }),
    field('CampaignId', { referenceTo: ['Campaign'] }),
    field('Pricebook2Id', { referenceTo: ['Pricebook2'] }),
    readOnly('IsClosed', 'derived from the stage'),
    readOnly('IsWon', 'derived from the stage'),
    readOnly('ForecastCategory', 'derived from the forecast category name'),
    readOnly('ExpectedRevenue', 'computed as Amount × Probability'),
    readOnly('PushCount', 'counted by the platform when the close date moves out'),
    readOnly('LastStageChangeDate', 'stamped by the platform when the stage changes'),
    readOnly('LastActivityDate', 'kept by the platform from activities'),
    readOnly('HasOpenActivity', 'kept by the platform from activities'),
    readOnly('HasOverdueTask', 'kept by the platform from activities'),
    readOnly('HasOpportunityLineItem', 'kept by the platform from products'),
    readOnly('FiscalQuarter', 'derived from the close date'),
    readOnly('FiscalYear', 'derived from the close date'),
    readOnly('Fiscal', 'derived from the close date')
  ])
];

export function field(
  name: string,
  options: { required?: boolean; referenceTo?: readonly string[] } = {}
): SchemaField {
  return {
    name,
    createable: true,
    required: options.required ?? false,
    referenceTo: options.referenceTo ?? []
  };
}

export function readOnly(
  name: string,
  reason: string,
  referenceTo: readonly string[] = []
): SchemaField {
  return { name, createable: false, required: false, referenceTo, readOnlyReason: reason };
}

/** An object with the system fields added (its own definitions win). */
export function object(name: string, fields: readonly SchemaField[]): SchemaObject {
  const map = new Map<string, SchemaField>();
  for (const systemField of SYSTEM_FIELDS) map.set(systemField.name, systemField);
  for (const own of fields) map.set(own.name, own);
  return { name, fields: map };
}

/** Standard objects plus the given (custom) ones; a custom object of the same name extends it. */
export function buildSchema(customObjects: readonly SchemaObject[]): Schema {
  const schema = new Map<string, SchemaObject>();
  for (const standard of STANDARD_OBJECTS) schema.set(standard.name, standard);
  for (const custom of customObjects) {
    const base = schema.get(custom.name);
    const fields = new Map(base?.fields ?? []);
    for (const [name, definition] of custom.fields) {
      if (!base || !SYSTEM_FIELDS.some((system) => system.name === name)) {
        fields.set(name, definition);
      }
    }
    schema.set(custom.name, { name: custom.name, fields });
  }
  return schema;
}
