/**
 * The GraphQL schema of the in-memory org: Salesforce's published shared UI API schema
 * (uiApiBase.ts: scalars, value wrappers, aggregate types, operator inputs, enums, the Record
 * interface) plus the per-object types the UI API generates from each org's objects, named as
 * the GraphQL API Developer Guide describes (developer.salesforce.com/docs/platform/graphql):
 * `<Object>` implements Record, `<Object>Connection` / `<Object>Edge`, `<Object>_Filter`,
 * `<Object>_OrderBy`, `<Object>_GroupBy` (Group By Schema), `<Object>AggregateConnection`
 * (Aggregate Schema), `<Object>_<Relationship>` unions and `_Filters` inputs for polymorphic
 * parents such as a custom object's Owner (Polymorphic Relationship Filters), `IDOperators`
 * with `inq`/`ninq` semi-joins (Semi-Join and Anti-Join Filters), and `uiapi { <Object>Create /
 * Update / Delete }` mutations taking `IdOrRef` ids (Mutations Schema).
 *
 * Only the per-object part is ours; a query that uses a wrapper field, operator or enum the
 * shared schema lacks fails here as it would in an org. What is not modelled is stricter than
 * the org (orderBy, groupBy and aggregates through a polymorphic parent), never looser.
 *
 * One schema per permission profile: like the org's, it only contains what the user may
 * read (field-level security), so a query naming a hidden or misspelled field fails
 * validation with the same GraphQL error.
 */
import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLError,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  GraphQLUnionType,
  Kind,
  type GraphQLFieldConfigMap,
  type GraphQLInputFieldConfigMap,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type ValueNode
} from 'graphql';
import type { DatasetRecord, FieldValue } from '../../data/dataset';
import {
  corporateAmount,
  corporateDisplayValue,
  currencyDisplayValue,
  userCurrencyAmount
} from './currency';
import { UiApiError } from './errors';
import { displayValueOf } from './format';
import {
  createAccess,
  fieldAccess,
  objectAccess,
  type OrgField,
  type OrgModel,
  type OrgObject,
  type PermissionProfile,
  type UiDataType
} from './model';
import {
  aggregateOf,
  type AggregateFunction,
  compareBy,
  DATE_FUNCTIONS,
  groupKeyParts,
  groupRows,
  compareValues,
  compileFilter,
  selectRows,
  orderTerms,
  paginate,
  QueryError,
  type AggregateGroup,
  type Filter,
  type OrderTerm,
  type Page
} from './query';
import type { OrgStore } from './store';
import { objectInfo, type ObjectInfoRepresentation } from './uiApi';
import { sharedSchema, sharedType } from './uiApiBase';
import {
  createRecord,
  deleteRecord,
  updateRecord,
  type OrgChange,
  type WriteContext
} from './writes';

export interface GraphQLContext {
  store: OrgStore;
  profile: PermissionProfile;
  userId: string;
  /** Variables as sent, before coercion: their key order is the orderBy/groupBy order. */
  rawVariables: Record<string, unknown>;
  changes: OrgChange[];
}

interface RecordSource {
  object: OrgObject;
  record: DatasetRecord;
}

interface AggregateSource {
  group: AggregateGroup;
  object: OrgObject;
  prefix: string[];
}

/**
 * What a value wrapper (StringValue, CurrencyValue …) resolves from. The shared types carry no
 * resolvers, so graphql-js's default resolver reads these properties, and calls the functions.
 */
interface ValueWrapper {
  value: unknown;
  displayValue: string | null;
  label?: string | null;
  format?: string | null;
  convertCurrency?: unknown;
  /** Which member of a union (AnyType) this value is. */
  __typename?: string;
}

// ---- The shared types, by UI API data type ----------------------------------------------

type TypedDataType = Exclude<UiDataType, 'AnyType'>;

const VALUE_TYPE_NAMES: Record<TypedDataType, string> = {
  Id: 'IDValue',
  Reference: 'IDValue',
  String: 'StringValue',
  TextArea: 'TextAreaValue',
  LongTextArea: 'LongTextAreaValue',
  RichTextArea: 'RichTextAreaValue',
  Email: 'EmailValue',
  Phone: 'PhoneNumberValue',
  Url: 'UrlValue',
  Picklist: 'PicklistValue',
  MultiPicklist: 'MultiPicklistValue',
  Boolean: 'BooleanValue',
  Currency: 'CurrencyValue',
  Double: 'DoubleValue',
  Int: 'IntValue',
  Long: 'LongValue',
  Percent: 'PercentValue',
  Date: 'DateValue',
  DateTime: 'DateTimeValue',
  Time: 'TimeValue'
};

/** Scalars of field values in mutation inputs; references take `IdOrRef` (Mutations Schema). */
const INPUT_SCALAR_NAMES: Record<TypedDataType, string> = {
  Id: 'IdOrRef',
  Reference: 'IdOrRef',
  String: 'String',
  TextArea: 'TextArea',
  LongTextArea: 'LongTextArea',
  RichTextArea: 'RichTextArea',
  Email: 'Email',
  Phone: 'PhoneNumber',
  Url: 'Url',
  Picklist: 'Picklist',
  MultiPicklist: 'MultiPicklist',
  Boolean: 'Boolean',
  Currency: 'Currency',
  Double: 'Double',
  Int: 'Int',
  Long: 'Long',
  Percent: 'Percent',
  Date: 'Date',
  DateTime: 'DateTime',
  Time: 'Time'
};

/** Filter operator inputs; long and rich text are not filterable. IDOperators is generated. */
const OPERATOR_TYPE_NAMES: Partial<Record<UiDataType, string>> = {
  String: 'StringOperators',
  TextArea: 'TextAreaOperators',
  Email: 'EmailOperators',
  Phone: 'PhoneNumberOperators',
  Url: 'URLOperators',
  Picklist: 'PicklistOperators',
  MultiPicklist: 'MultiPicklistOperators',
  Boolean: 'BooleanOperators',
  Currency: 'CurrencyOperators',
  Double: 'DoubleOperators',
  Int: 'IntegerOperators',
  Long: 'LongOperators',
  Percent: 'PercentOperators',
  Date: 'DateOperators',
  DateTime: 'DateTimeOperators',
  Time: 'TimeOperators'
};

/** `<Type>Aggregate` of the shared schema; long text, rich text and multi-select have none. */
const AGGREGATE_TYPE_NAMES: Partial<Record<UiDataType, string>> = {
  Id: 'IDAggregate',
  Reference: 'IDAggregate',
  String: 'StringAggregate',
  TextArea: 'TextAreaAggregate',
  Email: 'EmailAggregate',
  Phone: 'PhoneNumberAggregate',
  Url: 'UrlAggregate',
  Picklist: 'PicklistAggregate',
  Boolean: 'BooleanAggregate',
  Currency: 'CurrencyAggregate',
  Double: 'DoubleAggregate',
  Int: 'IntAggregate',
  Long: 'LongAggregate',
  Percent: 'PercentAggregate',
  Date: 'DateAggregate',
  DateTime: 'DateTimeAggregate',
  Time: 'TimeAggregate'
};

const NUMERIC: UiDataType[] = ['Currency', 'Double', 'Int', 'Long', 'Percent'];
const NOT_SORTABLE: UiDataType[] = ['LongTextArea', 'RichTextArea', 'MultiPicklist', 'AnyType'];
/** Group By Schema: these group by ApiName; DateTime and Time only through a date function. */
const GROUPABLE: UiDataType[] = [
  'Id',
  'Reference',
  'String',
  'Email',
  'Phone',
  'Url',
  'Picklist',
  'Boolean',
  'Int',
  'Long'
];
const GROUPABLE_BY_FUNCTION: UiDataType[] = ['DateTime', 'Time'];

const FORMATS: Partial<Record<UiDataType, string>> = {
  Date: 'M/d/yyyy',
  DateTime: 'M/d/yyyy, h:mm a',
  Currency: '$#,##0.00'
};

function valueType(dataType: UiDataType): GraphQLOutputType {
  if (dataType === 'AnyType') return sharedType('AnyType', GraphQLUnionType);
  return sharedType(VALUE_TYPE_NAMES[dataType], GraphQLObjectType);
}

function inputScalar(dataType: UiDataType): GraphQLScalarType {
  if (dataType === 'AnyType') throw new Error('anyType fields are not writable');
  return sharedType(INPUT_SCALAR_NAMES[dataType], GraphQLScalarType);
}

function orderByClause(dataType: UiDataType): GraphQLInputObjectType {
  if (NUMERIC.includes(dataType))
    return sharedType('AggregateOrderByNumberClause', GraphQLInputObjectType);
  if (dataType === 'Boolean' || dataType === 'Reference' || dataType === 'Id')
    return sharedType('NoFunctionAggregateOrderByClause', GraphQLInputObjectType);
  return sharedType('AggregateOrderByStringClause', GraphQLInputObjectType);
}

/** A field value as the UI API wraps it; anyType values name the union member they are. */
function wrap(field: OrgField, value: FieldValue, displayValue: string | null): ValueWrapper {
  const wrapper: ValueWrapper = {
    value,
    displayValue,
    format: FORMATS[field.dataType] ?? null,
    label: field.dataType === 'Picklist' || field.dataType === 'MultiPicklist' ? displayValue : null
  };
  if (field.dataType === 'Currency') wrapper.convertCurrency = value;
  if (field.dataType === 'AnyType') wrapper.__typename = anyTypeMember(value);
  return wrapper;
}

function anyTypeMember(value: FieldValue): string {
  if (typeof value === 'boolean') return 'BooleanValue';
  if (typeof value === 'number') return 'DoubleValue';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return 'DateValue';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return 'DateTimeValue';
  return 'StringValue';
}

// ---- Aggregate values -----------------------------------------------------------------------

const AGGREGATE_FUNCTIONS: Record<string, AggregateFunction> = {
  AVG: 'avg',
  COUNT: 'count',
  COUNT_DISTINCT: 'countDistinct',
  MAX: 'max',
  MIN: 'min',
  SUM: 'sum'
};

function camelCase(name: string): string {
  return name.toLowerCase().replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/**
 * What a `<Type>Aggregate` resolves from: one method per field the shared aggregate types
 * declare (value, count, sum, calendarMonth …); graphql-js's default resolver calls the ones a
 * query selects, so nothing is computed that was not asked for. A class, not an object of
 * closures: a VP's aggregates resolve tens of thousands of these per request.
 */
class AggregateFieldSource {
  constructor(
    private readonly store: OrgStore,
    private readonly group: AggregateGroup,
    private readonly path: string,
    private readonly field: OrgField
  ) {}

  private grouped(): FieldValue {
    if (this.group.keys.has(this.path)) return this.group.keys.get(this.path) ?? null;
    throw new GraphQLError(
      `Field ${this.path} must be grouped or aggregated: ${this.group.object.apiName}. Add it to groupBy or read an aggregate function (count, sum, avg, min, max).`
    );
  }

  // Aggregates of amounts come back in the corporate currency (GraphQL API Developer Guide,
  // Aggregate Functions: multicurrency orgs), each record converted before it is summed.
  private column(): FieldValue[] {
    const { store, group, path, field } = this;
    const converts = field.dataType === 'Currency' && store.currency !== null;
    const stored = !path.includes('.') && !store.isCalculated(group.object, path);
    return group.rows.map((row) => {
      const value = stored ? (row[path] ?? null) : store.readPath(group.object, row, path);
      return converts ? corporateAmount(store, group.object, row, path, value) : value;
    });
  }

  private of(fn: AggregateFunction): ValueWrapper {
    const { store, field, group, path } = this;
    // COUNT(Id): every record has one.
    const value =
      fn === 'count' && path === 'Id' ? group.rows.length : aggregateOf(this.column(), fn);
    const shown =
      fn === 'count' || fn === 'countDistinct'
        ? { ...field, dataType: 'Long' as const }
        : fn === 'avg'
          ? { ...field, dataType: 'Double' as const }
          : field;
    const displayValue =
      shown.dataType === 'Currency'
        ? corporateDisplayValue(store, value, field.scale ?? 2)
        : displayValueOf(shown, value);
    return wrap(shown, value, displayValue);
  }

  /** A date function of the field (calendarMonth …): the group's value when grouped by it. */
  dateFunction(fn: string): { value: FieldValue; format: null } {
    const { group, path } = this;
    if (group.functions.get(path) === fn && group.keys.has(path)) {
      return { value: group.keys.get(path) ?? null, format: null };
    }
    const first = group.rows[0];
    const raw = first ? this.store.readPath(group.object, first, path) : null;
    return { value: typeof raw === 'string' ? DATE_FUNCTIONS[fn](raw) : null, format: null };
  }

  value(): FieldValue {
    return this.grouped();
  }
  displayValue(): string | null {
    return displayValueOf(this.field, this.grouped());
  }
  label(): string | null {
    return this.field.dataType === 'Picklist' ? displayValueOf(this.field, this.grouped()) : null;
  }
  format(): string | null {
    return FORMATS[this.field.dataType] ?? null;
  }
  grouping(): { value: number; displayValue: null } {
    return { value: 0, displayValue: null };
  }
  count(): ValueWrapper {
    return this.of('count');
  }
  countDistinct(): ValueWrapper {
    return this.of('countDistinct');
  }
  sum(): ValueWrapper {
    return this.of('sum');
  }
  avg(): ValueWrapper {
    return this.of('avg');
  }
  min(): ValueWrapper {
    return this.of('min');
  }
  max(): ValueWrapper {
    return this.of('max');
  }
}

// calendarMonth, dayOnly, … : one method per date function of the shared aggregate types.
for (const fn of Object.keys(DATE_FUNCTIONS)) {
  Object.defineProperty(AggregateFieldSource.prototype, camelCase(fn), {
    value(this: AggregateFieldSource) {
      return this.dateFunction(fn);
    }
  });
}

function aggregateField(
  store: OrgStore,
  group: AggregateGroup,
  path: string,
  field: OrgField
): AggregateFieldSource {
  return new AggregateFieldSource(store, group, path, field);
}

// ---- objectInfos ---------------------------------------------------------------------------

const DATA_TYPE_ENUM: Record<string, string> = {
  Reference: 'REFERENCE',
  Phone: 'PHONE',
  MultiPicklist: 'MULTIPICKLIST',
  LongTextArea: 'TEXTAREA',
  RichTextArea: 'TEXTAREA',
  AnyType: 'ANYTYPE'
};

/** The shared DataType enum's value for a field type, or null where it has none (Id). */
function dataTypeEnum(dataType: string): string | null {
  const name = DATA_TYPE_ENUM[dataType] ?? dataType.toUpperCase();
  const known = sharedType('DataType', GraphQLEnumType).getValue(name);
  return known ? name : null;
}

/** The UI API's objectInfo, shaped as the shared ObjectInfo type (lists instead of maps). */
function objectInfoForGraphQL(info: ObjectInfoRepresentation): Record<string, unknown> {
  return {
    ApiName: info.apiName,
    childRelationships: info.childRelationships,
    createable: info.createable,
    custom: info.custom,
    defaultRecordTypeId: info.defaultRecordTypeId,
    deletable: info.deletable,
    dependentFields: [],
    feedEnabled: info.feedEnabled,
    fields: Object.values(info.fields).map((field) => ({
      __typename: field.dataType === 'Picklist' ? 'PicklistField' : 'StandardField',
      ...field,
      ApiName: field.apiName,
      dataType: dataTypeEnum(field.dataType),
      controllingFields: [],
      highScaleNumber: false,
      htmlFormatted: field.dataType === 'RichTextArea',
      referenceToInfos: field.referenceToInfos.map((target) => ({
        ApiName: target.apiName,
        nameFields: target.nameFields
      }))
    })),
    keyPrefix: info.keyPrefix,
    label: info.label,
    labelPlural: info.labelPlural,
    layoutable: info.layoutable,
    mruEnabled: info.mruEnabled,
    nameFields: info.nameFields,
    queryable: info.queryable,
    recordTypeInfos: Object.values(info.recordTypeInfos),
    searchable: info.searchable,
    themeInfo: info.themeInfo,
    updateable: info.updateable
  };
}

// ---- Argument key order -------------------------------------------------------------------

/** The keys of an input object argument at `path`, in the order the query wrote them. */
function keyOrder(info: GraphQLResolveInfo, argumentName: string, context: GraphQLContext) {
  const argument = info.fieldNodes[0]?.arguments?.find((node) => node.name.value === argumentName);
  return (path: string[]): string[] => {
    let current: unknown = argument?.value;
    for (const segment of path) {
      current = step(current, segment, context);
    }
    current = resolveVariable(current, context);
    if (isValueNode(current) && current.kind === Kind.OBJECT)
      return current.fields.map((field) => field.name.value);
    if (current && typeof current === 'object' && !isValueNode(current)) {
      return Object.keys(current);
    }
    return [];
  };
}

function isValueNode(value: unknown): value is ValueNode {
  return (
    typeof value === 'object' && value !== null && 'kind' in value && typeof value.kind === 'string'
  );
}

function resolveVariable(value: unknown, context: GraphQLContext): unknown {
  if (isValueNode(value) && value.kind === Kind.VARIABLE)
    return context.rawVariables[value.name.value];
  return value;
}

function step(value: unknown, segment: string, context: GraphQLContext): unknown {
  const current = resolveVariable(value, context);
  if (isValueNode(current)) {
    if (current.kind !== Kind.OBJECT) return undefined;
    return current.fields.find((field) => field.name.value === segment)?.value;
  }
  if (current && typeof current === 'object') return (current as Record<string, unknown>)[segment];
  return undefined;
}

// ---- The schema ---------------------------------------------------------------------------

interface ObjectTypes {
  record: GraphQLObjectType<RecordSource, GraphQLContext>;
  connection: GraphQLObjectType<Page<RecordSource>, GraphQLContext>;
  filter: GraphQLInputObjectType;
  orderBy: GraphQLInputObjectType;
  groupBy: GraphQLInputObjectType;
  aggregateRecord: GraphQLObjectType<AggregateSource, GraphQLContext>;
  aggregateConnection: GraphQLObjectType<Page<AggregateGroup>, GraphQLContext>;
  scope: GraphQLEnumType;
}

export function buildSchema(model: OrgModel, profile: PermissionProfile): GraphQLSchema {
  const shared = sharedSchema().schema;
  const types = new Map<string, ObjectTypes>();
  const readable = Object.values(model.objects).filter(
    (object) => objectAccess(profile, object).read
  );
  const readableFields = (object: OrgObject): OrgField[] =>
    Object.values(object.fields).filter((field) => fieldAccess(profile, object, field).read);
  const parentObjects = (field: OrgField): OrgObject[] =>
    field.referenceTo
      .map((target) => model.objects[target])
      .filter((object): object is OrgObject => !!object && objectAccess(profile, object).read);
  /** The one parent of a non-polymorphic relationship, if the user can read it. */
  const parentObject = (field: OrgField): OrgObject | undefined =>
    field.relationshipName && field.referenceTo.length === 1 ? parentObjects(field)[0] : undefined;
  const isPolymorphic = (field: OrgField): boolean =>
    !!field.relationshipName && field.referenceTo.length > 1 && parentObjects(field).length > 0;
  const typesOf = (object: OrgObject): ObjectTypes => types.get(object.apiName) as ObjectTypes;

  const recordInterface = sharedType('Record', GraphQLInterfaceType);
  const idValue = sharedType('IDValue', GraphQLObjectType);
  const dateTimeValue = sharedType('DateTimeValue', GraphQLObjectType);
  const longScalar = sharedType('Long', GraphQLScalarType);
  const pageInfo = sharedType('PageInfo', GraphQLObjectType);

  // Semi-joins: `Id: { inq: { <Child>: <Child>_Filter, ApiName: "<field on the child>" } }`.
  const joinInput: GraphQLInputObjectType = new GraphQLInputObjectType({
    name: 'JoinInput',
    fields: () => ({
      ...Object.fromEntries(
        readable.map((object) => [object.apiName, { type: typesOf(object).filter }])
      ),
      ApiName: { type: GraphQLString }
    })
  });
  const idOperators = new GraphQLInputObjectType({
    name: 'IDOperators',
    fields: {
      ...Object.fromEntries(
        ['eq', 'ne', 'lt', 'gt', 'lte', 'gte'].map((op) => [op, { type: GraphQLID }])
      ),
      in: { type: new GraphQLList(GraphQLID) },
      nin: { type: new GraphQLList(GraphQLID) },
      inq: { type: joinInput },
      ninq: { type: joinInput }
    }
  });
  const operators = (dataType: UiDataType): GraphQLInputObjectType | null => {
    if (dataType === 'Id' || dataType === 'Reference') return idOperators;
    const name = OPERATOR_TYPE_NAMES[dataType];
    return name ? sharedType(name, GraphQLInputObjectType) : null;
  };

  // Group Aggregate Results: a Date field groups by its value or by a date function. The
  // published shared schema has no input with both (its GroupByDateFunction, for DateTime and
  // Time, has only `function`), so this one is ours; queries write it inline, never by name.
  const dateGroupByClause = new GraphQLInputObjectType({
    name: 'GroupByDateClause',
    fields: {
      group: { type: GraphQLBoolean },
      function: { type: sharedType('GroupByFunction', GraphQLEnumType) }
    }
  });

  const systemValue = (record: DatasetRecord, ...names: string[]): ValueWrapper => {
    const value = names.map((name) => record[name]).find((entry) => entry !== undefined) ?? null;
    return { value, displayValue: null };
  };

  for (const object of readable) {
    const name = object.apiName;
    const record: GraphQLObjectType<RecordSource, GraphQLContext> = new GraphQLObjectType<
      RecordSource,
      GraphQLContext
    >({
      name,
      interfaces: [recordInterface],
      isTypeOf: (source: RecordSource) => source.object.apiName === name,
      fields: () => {
        const fields: GraphQLFieldConfigMap<RecordSource, GraphQLContext> = {
          Id: { type: new GraphQLNonNull(GraphQLID), resolve: (source) => source.record.Id },
          ApiName: {
            type: new GraphQLNonNull(GraphQLString),
            resolve: (source) => source.object.apiName
          },
          WeakEtag: {
            type: new GraphQLNonNull(longScalar),
            resolve: (source) =>
              Date.parse(
                String(source.record.LastModifiedDate ?? source.record.CreatedDate ?? 0)
              ) || 0
          },
          DisplayValue: {
            type: GraphQLString,
            resolve: (source, _args, context) => context.store.nameOf(source.record.Id)
          },
          LastModifiedById: {
            type: idValue,
            resolve: (source) => systemValue(source.record, 'LastModifiedById', 'CreatedById')
          },
          LastModifiedDate: {
            type: dateTimeValue,
            resolve: (source) => systemValue(source.record, 'LastModifiedDate', 'CreatedDate')
          },
          SystemModstamp: {
            type: dateTimeValue,
            resolve: (source) =>
              systemValue(source.record, 'SystemModstamp', 'LastModifiedDate', 'CreatedDate')
          },
          RecordTypeId: {
            type: idValue,
            args: { fallback: { type: GraphQLBoolean } },
            resolve: (source) => systemValue(source.record, 'RecordTypeId')
          }
        };
        for (const field of readableFields(object)) {
          if (field.apiName === 'Id') continue;
          fields[field.apiName] = {
            type: valueType(field.dataType),
            resolve: (source, _args, context): ValueWrapper => {
              const value = context.store.readPath(source.object, source.record, field.apiName);
              if (field.dataType === 'Currency') {
                // A record's amount is in the record's currency; convertCurrency in the user's.
                const args = [
                  context.store,
                  source.object,
                  source.record,
                  field.apiName,
                  value
                ] as const;
                return {
                  ...wrap(field, value, currencyDisplayValue(...args, field.scale ?? 2)),
                  convertCurrency: userCurrencyAmount(
                    context.store,
                    context.userId,
                    source.object,
                    source.record,
                    field.apiName,
                    value
                  )
                };
              }
              let displayValue = displayValueOf(field, value);
              if (field.dataType === 'Reference' && typeof value === 'string')
                displayValue = context.store.nameOf(value);
              return wrap(field, value, displayValue);
            }
          };
          const relationshipName = field.relationshipName;
          if (!relationshipName) continue;
          const parent = parentObject(field);
          const parentType = parent
            ? typesOf(parent).record
            : isPolymorphic(field)
              ? polymorphicParent(object, field)
              : undefined;
          if (!parentType) continue;
          fields[relationshipName] = {
            type: parentType,
            resolve: (source, _args, context): RecordSource | null => {
              const found = context.store.parent(source.object, source.record, relationshipName);
              if (!found || !context.store.canSee(context.userId, found.object, found.record))
                return null;
              return { object: found.object, record: found.record };
            }
          };
        }
        for (const relationship of object.childRelationships) {
          const child = model.objects[relationship.childObjectApiName];
          if (!child || !types.has(child.apiName)) continue;
          const childField = child.fields[relationship.fieldName];
          if (!childField || !fieldAccess(profile, child, childField).read) continue;
          const childTypes = typesOf(child);
          fields[relationship.relationshipName] = {
            type: childTypes.connection,
            args: {
              first: { type: GraphQLInt },
              after: { type: GraphQLString },
              where: { type: childTypes.filter },
              orderBy: { type: childTypes.orderBy },
              upperBound: { type: GraphQLInt }
            },
            resolve: (source, args: ConnectionArgs, context, info) => {
              const rows = context.store
                .children(source.record.Id, child.apiName, relationship.fieldName)
                .filter((row) => context.store.canSee(context.userId, child, row));
              return selectRecords(context, info, child, rows, args);
            }
          };
        }
        return fields;
      }
    });

    const connection = new GraphQLObjectType<Page<RecordSource>, GraphQLContext>({
      name: `${name}Connection`,
      fields: () => ({
        edges: {
          type: new GraphQLList(
            new GraphQLObjectType<{ item: RecordSource; cursor: string }, GraphQLContext>({
              name: `${name}Edge`,
              fields: {
                node: { type: record, resolve: (edge) => edge.item },
                cursor: { type: new GraphQLNonNull(GraphQLString), resolve: (edge) => edge.cursor }
              }
            })
          ),
          resolve: (page) => page.items
        },
        pageInfo: { type: new GraphQLNonNull(pageInfo), resolve: (page) => page.pageInfo },
        totalCount: { type: new GraphQLNonNull(GraphQLInt), resolve: (page) => page.totalCount },
        pageResultCount: {
          type: new GraphQLNonNull(GraphQLInt),
          resolve: (page) => page.items.length
        }
      })
    });

    const filter: GraphQLInputObjectType = new GraphQLInputObjectType({
      name: `${name}_Filter`,
      fields: () => {
        const fields: GraphQLInputFieldConfigMap = {
          and: { type: new GraphQLList(filter) },
          or: { type: new GraphQLList(filter) },
          not: { type: filter }
        };
        for (const field of readableFields(object)) {
          const fieldOperators = operators(field.dataType);
          if (fieldOperators) fields[field.apiName] = { type: fieldOperators };
          const parent = parentObject(field);
          if (parent && field.relationshipName)
            fields[field.relationshipName] = { type: typesOf(parent).filter };
          else if (isPolymorphic(field) && field.relationshipName)
            fields[field.relationshipName] = { type: polymorphicFilter(object, field) };
        }
        return fields;
      }
    });

    const orderBy: GraphQLInputObjectType = new GraphQLInputObjectType({
      name: `${name}_OrderBy`,
      fields: () => {
        const fields: GraphQLInputFieldConfigMap = {};
        for (const field of readableFields(object)) {
          if (!NOT_SORTABLE.includes(field.dataType)) {
            fields[field.apiName] = { type: orderByClause(field.dataType) };
          }
          const parent = parentObject(field);
          if (parent && field.relationshipName)
            fields[field.relationshipName] = { type: typesOf(parent).orderBy };
        }
        return fields;
      }
    });

    const groupBy: GraphQLInputObjectType = new GraphQLInputObjectType({
      name: `${name}_GroupBy`,
      fields: () => {
        const fields: GraphQLInputFieldConfigMap = {
          type: { type: sharedType('GroupByType', GraphQLEnumType) }
        };
        for (const field of readableFields(object)) {
          if (field.dataType === 'Date') {
            fields[field.apiName] = { type: dateGroupByClause };
          } else if (GROUPABLE_BY_FUNCTION.includes(field.dataType)) {
            fields[field.apiName] = {
              type: sharedType('GroupByDateFunction', GraphQLInputObjectType)
            };
          } else if (GROUPABLE.includes(field.dataType)) {
            fields[field.apiName] = { type: sharedType('GroupByClause', GraphQLInputObjectType) };
          }
          const parent = parentObject(field);
          if (parent && field.relationshipName)
            fields[field.relationshipName] = { type: typesOf(parent).groupBy };
        }
        return fields;
      }
    });

    const aggregateRecord: GraphQLObjectType<AggregateSource, GraphQLContext> =
      new GraphQLObjectType<AggregateSource, GraphQLContext>({
        name: `${name}_AggregateRecord`,
        fields: () => {
          const fields: GraphQLFieldConfigMap<AggregateSource, GraphQLContext> = {};
          for (const field of readableFields(object)) {
            const aggregateTypeName = AGGREGATE_TYPE_NAMES[field.dataType];
            if (aggregateTypeName) {
              fields[field.apiName] = {
                type: sharedType(aggregateTypeName, GraphQLObjectType),
                resolve: (source, _args, context) =>
                  aggregateField(
                    context.store,
                    source.group,
                    [...source.prefix, field.apiName].join('.'),
                    field
                  )
              };
            }
            const parent = parentObject(field);
            if (parent && field.relationshipName) {
              fields[field.relationshipName] = {
                type: typesOf(parent).aggregateRecord,
                resolve: (source): AggregateSource => ({
                  group: source.group,
                  object: parent,
                  prefix: [...source.prefix, field.relationshipName as string]
                })
              };
            }
          }
          return fields;
        }
      });

    const aggregateConnection = new GraphQLObjectType<Page<AggregateGroup>, GraphQLContext>({
      name: `${name}AggregateConnection`,
      fields: () => ({
        edges: {
          type: new GraphQLList(
            new GraphQLObjectType<{ item: AggregateGroup; cursor: string }, GraphQLContext>({
              name: `${name}AggregateEdge`,
              fields: {
                node: {
                  type: new GraphQLObjectType<AggregateGroup, GraphQLContext>({
                    name: `${name}AggregateResult`,
                    fields: {
                      aggregate: {
                        type: aggregateRecord,
                        resolve: (group): AggregateSource => ({ group, object, prefix: [] })
                      }
                    }
                  }),
                  resolve: (edge) => edge.item
                },
                cursor: { type: new GraphQLNonNull(GraphQLString), resolve: (edge) => edge.cursor }
              }
            })
          ),
          resolve: (page) => page.items
        },
        pageInfo: { type: new GraphQLNonNull(pageInfo), resolve: (page) => page.pageInfo },
        totalCount: { type: new GraphQLNonNull(GraphQLInt), resolve: (page) => page.totalCount }
      })
    });

    // The instance of the shared schema's generic RecordScope for this object.
    const scope = new GraphQLEnumType({
      name: `${name}Scope`,
      values: { EVERYTHING: {}, MINE: {}, TEAM: {} }
    });

    types.set(name, {
      record,
      connection,
      filter,
      orderBy,
      groupBy,
      aggregateRecord,
      aggregateConnection,
      scope
    });
  }

  // Polymorphic Relationship Filters: `<Object>_<Relationship>` is a union of the parents,
  // filtered through `<Object>_<Relationship>_Filters` with one field per parent object.
  const polymorphicTypes = new Map<string, GraphQLUnionType>();
  const polymorphicFilters = new Map<string, GraphQLInputObjectType>();
  function polymorphicParent(object: OrgObject, field: OrgField): GraphQLUnionType {
    const name = `${object.apiName}_${field.relationshipName}`;
    let union = polymorphicTypes.get(name);
    if (!union) {
      union = new GraphQLUnionType({
        name,
        types: () => parentObjects(field).map((parent) => typesOf(parent).record)
      });
      polymorphicTypes.set(name, union);
    }
    return union;
  }
  function polymorphicFilter(object: OrgObject, field: OrgField): GraphQLInputObjectType {
    const name = `${object.apiName}_${field.relationshipName}_Filters`;
    let input = polymorphicFilters.get(name);
    if (!input) {
      input = new GraphQLInputObjectType({
        name,
        fields: () =>
          Object.fromEntries(
            parentObjects(field).map((parent) => [parent.apiName, { type: typesOf(parent).filter }])
          )
      });
      polymorphicFilters.set(name, input);
    }
    return input;
  }

  const recordQuery = new GraphQLObjectType<unknown, GraphQLContext>({
    name: 'RecordQuery',
    fields: () =>
      Object.fromEntries(
        readable.map((object) => {
          const objectTypes = typesOf(object);
          return [
            object.apiName,
            {
              type: objectTypes.connection,
              args: {
                first: { type: GraphQLInt },
                after: { type: GraphQLString },
                where: { type: objectTypes.filter },
                orderBy: { type: objectTypes.orderBy },
                scope: { type: objectTypes.scope },
                upperBound: { type: GraphQLInt }
              },
              resolve: (
                _source: unknown,
                args: ConnectionArgs,
                context: GraphQLContext,
                info: GraphQLResolveInfo
              ) => selectRecords(context, info, object, null, args)
            }
          ];
        })
      )
  });

  const recordQueryAggregate = new GraphQLObjectType<unknown, GraphQLContext>({
    name: 'RecordQueryAggregate',
    fields: () =>
      Object.fromEntries(
        readable.map((object) => {
          const objectTypes = typesOf(object);
          return [
            object.apiName,
            {
              type: objectTypes.aggregateConnection,
              args: {
                first: { type: GraphQLInt },
                after: { type: GraphQLString },
                where: { type: objectTypes.filter },
                orderBy: { type: objectTypes.orderBy },
                groupBy: { type: objectTypes.groupBy },
                scope: { type: objectTypes.scope }
              },
              resolve: (
                _source: unknown,
                args: AggregateArgs,
                context: GraphQLContext,
                info: GraphQLResolveInfo
              ) => selectGroups(context, info, object, args)
            }
          ];
        })
      )
  });

  const uiapi = new GraphQLObjectType<unknown, GraphQLContext>({
    name: 'UIAPI',
    fields: {
      query: { type: new GraphQLNonNull(recordQuery), resolve: () => ({}) },
      aggregate: { type: new GraphQLNonNull(recordQueryAggregate), resolve: () => ({}) },
      objectInfos: {
        type: new GraphQLList(sharedType('ObjectInfo', GraphQLObjectType)),
        args: {
          apiNames: { type: new GraphQLList(new GraphQLNonNull(GraphQLString)) },
          locale: { type: GraphQLString },
          objectInfoInputs: {
            type: new GraphQLList(sharedType('ObjectInfoInput', GraphQLInputObjectType))
          }
        },
        resolve: (
          _source,
          args: { apiNames?: string[] | null; objectInfoInputs?: { apiName: string }[] | null },
          context
        ) => {
          const names = [
            ...(args.apiNames ?? []),
            ...(args.objectInfoInputs ?? []).map((input) => input.apiName)
          ];
          try {
            return names.map((apiName) => objectInfoForGraphQL(objectInfo(context, apiName)));
          } catch (error) {
            if (error instanceof UiApiError) throw new GraphQLError(error.message);
            throw error;
          }
        }
      }
    }
  });

  const query = new GraphQLObjectType({
    name: 'Query',
    fields: { uiapi: { type: new GraphQLNonNull(uiapi), resolve: () => ({}) } }
  });

  const mutation = buildMutations(profile, readable, readableFields, typesOf);

  const sharedTypes = Object.values(shared.getTypeMap()).filter(
    (type: GraphQLNamedType) => !type.name.startsWith('__')
  );
  return new GraphQLSchema({
    query,
    mutation,
    types: [...sharedTypes, ...[...types.values()].map((objectTypes) => objectTypes.record)],
    directives: shared.getDirectives()
  });
}

interface ConnectionArgs {
  first?: number | null;
  upperBound?: number | null;
  after?: string | null;
  where?: Filter | null;
  orderBy?: Filter | null;
  scope?: string | null;
}

interface AggregateArgs extends ConnectionArgs {
  groupBy?: Filter | null;
}

/** Whether the user reads a record: sharing, and the MINE scope when asked for. */
function visibility(
  context: GraphQLContext,
  object: OrgObject,
  scope: string | null | undefined
): (row: DatasetRecord) => boolean {
  const { store, userId } = context;
  if (scope === 'MINE') return (row) => row.OwnerId === userId && store.canSee(userId, object, row);
  // Owned records: the user's hierarchy, looked up once per query rather than per record.
  if (object.ownership === 'owned') {
    const below = store.hierarchyBelow(userId);
    return (row) => typeof row.OwnerId === 'string' && below.has(row.OwnerId);
  }
  return (row) => store.canSee(userId, object, row);
}

function asGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof QueryError) return new GraphQLError(error.message);
  throw error;
}

/** `rows`: a child relationship's visible records; null for every record the user can see. */
function selectRecords(
  context: GraphQLContext,
  info: GraphQLResolveInfo,
  object: OrgObject,
  rows: DatasetRecord[] | null,
  args: ConnectionArgs
): Page<RecordSource> {
  try {
    const matching =
      rows === null
        ? selectRows(context.store, object, args.where, visibility(context, object, args.scope))
        : rows.filter(compileFilter(context.store, object, args.where));
    const terms = orderTerms(
      context.store,
      object,
      args.orderBy,
      keyOrder(info, 'orderBy', context)
    );
    matching.sort(compareBy(terms, (row, path) => context.store.readPath(object, row, path)));
    const page = paginate(matching, args.first, args.after, {
      records: true,
      upperBound: args.upperBound
    });
    return {
      ...page,
      items: page.items.map(({ item, cursor }) => ({ item: { object, record: item }, cursor }))
    };
  } catch (error) {
    throw asGraphQLError(error);
  }
}

function selectGroups(
  context: GraphQLContext,
  info: GraphQLResolveInfo,
  object: OrgObject,
  args: AggregateArgs
): Page<AggregateGroup> {
  try {
    const rows = selectRows(
      context.store,
      object,
      args.where,
      visibility(context, object, args.scope)
    );
    const parts = groupKeyParts(
      context.store,
      object,
      args.groupBy,
      keyOrder(info, 'groupBy', context)
    );
    const groups = groupRows(context.store, object, rows, parts);
    const terms = orderTerms(
      context.store,
      object,
      args.orderBy,
      keyOrder(info, 'orderBy', context)
    );
    const orderPaths =
      terms.length > 0
        ? terms
        : parts.map((part) => ({ path: part.path, descending: false, nullsFirst: true }));
    // A term with a function orders by that aggregate of the group (SUM(Amount) DESC).
    const sortValue = (group: AggregateGroup, term: OrderTerm): FieldValue => {
      if (!term.fn) return group.keys.get(term.path) ?? null;
      const values = group.rows.map((row) => context.store.readPath(object, row, term.path));
      return aggregateOf(values, AGGREGATE_FUNCTIONS[term.fn] ?? 'count');
    };
    groups.sort((left, right) => {
      for (const term of orderPaths) {
        const a = sortValue(left, term);
        const b = sortValue(right, term);
        if (a === b) continue;
        if (a === null) return term.nullsFirst ? -1 : 1;
        if (b === null) return term.nullsFirst ? 1 : -1;
        // As records are ordered, so that groups by Id page in step with the records.
        const order = compareValues(a, b);
        if (order === 0) continue;
        return term.descending ? -order : order;
      }
      return 0;
    });
    return paginate(groups, args.first ?? 2000, args.after);
  } catch (error) {
    throw asGraphQLError(error);
  }
}

// ---- Mutations ----------------------------------------------------------------------------

function buildMutations(
  profile: PermissionProfile,
  readable: OrgObject[],
  readableFields: (object: OrgObject) => OrgField[],
  typesOf: (object: OrgObject) => ObjectTypes
): GraphQLObjectType | undefined {
  const idOrRef = new GraphQLNonNull(sharedType('IdOrRef', GraphQLScalarType));
  const recordDeleteInput = new GraphQLInputObjectType({
    name: 'RecordDeleteInput',
    fields: { Id: { type: idOrRef } }
  });
  const recordDeletePayload = new GraphQLObjectType({
    name: 'RecordDeletePayload',
    fields: { Id: { type: GraphQLID } }
  });
  const fields: GraphQLFieldConfigMap<unknown, GraphQLContext> = {};
  for (const object of readable) {
    const access = objectAccess(profile, object);
    const objectTypes = typesOf(object);
    const writable = (action: 'create' | 'update'): GraphQLInputFieldConfigMap =>
      Object.fromEntries(
        readableFields(object)
          .filter(
            (field) =>
              field.apiName !== 'Id' &&
              field.dataType !== 'AnyType' &&
              !field.formula &&
              (action === 'create'
                ? createAccess(profile, object, field)
                : fieldAccess(profile, object, field).edit && field.updateable)
          )
          .map((field) => [field.apiName, { type: inputScalar(field.dataType) }])
      );
    const payload = (suffix: string): GraphQLObjectType<RecordSource | null, GraphQLContext> =>
      new GraphQLObjectType<RecordSource | null, GraphQLContext>({
        name: `${object.apiName}${suffix}Payload`,
        fields: { Record: { type: objectTypes.record, resolve: (source) => source } }
      });
    const toChange = (
      action: OrgChange['action'],
      recordId: string,
      input: Record<string, unknown>,
      context: GraphQLContext
    ): void => {
      context.changes.push({
        action,
        objectApiName: object.apiName,
        recordId,
        fields: input as Record<string, FieldValue>,
        userId: context.userId
      });
    };
    if (access.create) {
      const representation = new GraphQLInputObjectType({
        name: `${object.apiName}CreateRepresentation`,
        fields: writable('create')
      });
      const input = new GraphQLInputObjectType({
        name: `${object.apiName}CreateInput`,
        fields: {
          [object.apiName]: { type: new GraphQLNonNull(representation) },
          clientMutationId: { type: GraphQLString }
        }
      });
      fields[`${object.apiName}Create`] = {
        type: payload('Create'),
        args: { input: { type: new GraphQLNonNull(input) } },
        resolve: (_source, args: { input: Record<string, Record<string, unknown>> }, context) =>
          mutate(() => {
            const record = createRecord(
              writeContext(context),
              object.apiName,
              args.input[object.apiName]
            );
            toChange('create', record.Id, args.input[object.apiName], context);
            return { object, record };
          })
      };
    }
    if (access.edit) {
      const representation = new GraphQLInputObjectType({
        name: `${object.apiName}UpdateRepresentation`,
        fields: writable('update')
      });
      const input = new GraphQLInputObjectType({
        name: `${object.apiName}UpdateInput`,
        fields: {
          Id: { type: idOrRef },
          [object.apiName]: { type: new GraphQLNonNull(representation) },
          IfUnmodifiedSince: { type: sharedType('DateTime', GraphQLScalarType) },
          clientMutationId: { type: GraphQLString }
        }
      });
      fields[`${object.apiName}Update`] = {
        type: payload('Update'),
        args: { input: { type: new GraphQLNonNull(input) } },
        resolve: (_source, args: { input: Record<string, unknown> }, context) =>
          mutate(() => {
            const changes = args.input[object.apiName] as Record<string, unknown>;
            const record = updateRecord(writeContext(context), String(args.input.Id), changes);
            toChange('update', record.Id, changes, context);
            return { object, record };
          })
      };
    }
    if (access.delete) {
      fields[`${object.apiName}Delete`] = {
        type: recordDeletePayload,
        args: { input: { type: new GraphQLNonNull(recordDeleteInput) } },
        resolve: (_source, args: { input: { Id: string } }, context) =>
          mutate(() => {
            deleteRecord(writeContext(context), args.input.Id);
            toChange('delete', args.input.Id, {}, context);
            return { Id: args.input.Id };
          })
      };
    }
  }
  if (Object.keys(fields).length === 0) return undefined;
  const mutations = new GraphQLObjectType<unknown, GraphQLContext>({
    name: 'UIAPIMutations',
    fields
  });
  const mutationsInput = new GraphQLInputObjectType({
    name: 'UIAPIMutationsInput',
    fields: { allOrNone: { type: GraphQLBoolean } }
  });
  return new GraphQLObjectType({
    name: 'Mutation',
    fields: {
      uiapi: {
        type: new GraphQLNonNull(mutations),
        args: { input: { type: mutationsInput } },
        resolve: () => ({})
      }
    }
  });
}

function writeContext(context: GraphQLContext): WriteContext {
  return { store: context.store, profile: context.profile, userId: context.userId };
}

/** Runs a write and turns a UI API save error into GraphQL errors (one per message). */
function mutate<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof UiApiError) {
      const details = error.details();
      const first = details[0];
      throw new GraphQLError(details.map((entry) => entry.message).join('\n') || error.message, {
        extensions: {
          errorCode: first?.errorCode,
          fieldErrors: details
            .filter((entry) => entry.field)
            .map((entry) => ({ field: entry.field, message: entry.message }))
        }
      });
    }
    throw error;
  }
}
