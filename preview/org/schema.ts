/**
 * The GraphQL schema of the in-memory org, generated from the object model the way the UI API
 * generates its own (https://developer.salesforce.com/docs/platform/graphql/guide): one type
 * per object with `{ value displayValue }` wrappers per field, parent relationships as nested
 * records, child relationships as connections, `<Object>_Filter` / `<Object>_OrderBy` /
 * `<Object>_GroupBy` inputs, `uiapi { query { … } aggregate { … } }` for reads and
 * `uiapi { <Object>Create / Update / Delete }` for writes.
 *
 * One schema per permission profile: like the org's, it only contains what the user may
 * read (field-level security), so a query naming a hidden or misspelled field fails
 * validation with the same GraphQL error.
 */
import {
  GraphQLBoolean,
  GraphQLDirective,
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
  DirectiveLocation,
  Kind,
  specifiedDirectives,
  type GraphQLFieldConfigMap,
  type GraphQLInputFieldConfigMap,
  type GraphQLInputType,
  type GraphQLResolveInfo,
  type ValueNode
} from 'graphql';
import type { DatasetRecord, FieldValue } from '../../data/dataset';
import { DATE_LITERALS, DATE_RANGE_KEYS } from './dateLiterals';
import { UiApiError } from './errors';
import { displayValueOf } from './format';
import {
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
  compileFilter,
  orderTerms,
  paginate,
  QueryError,
  type AggregateGroup,
  type Filter,
  type OrderTerm,
  type Page
} from './query';
import type { OrgStore } from './store';
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

interface AggregateFieldSource {
  group: AggregateGroup;
  path: string;
  field: OrgField;
}

interface ValueWrapper {
  value: unknown;
  displayValue: string | null;
  label?: string;
  format?: string | null;
}

// ---- Scalars ------------------------------------------------------------------------------

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function stringScalar(name: string, pattern?: RegExp): GraphQLScalarType {
  const check = (value: unknown): string => {
    if (typeof value !== 'string' || (pattern && !pattern.test(value))) {
      throw new GraphQLError(`${name} cannot represent value: ${JSON.stringify(value)}`);
    }
    return value;
  };
  return new GraphQLScalarType({
    name,
    serialize: (value) => value,
    parseValue: check,
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.STRING)
        throw new GraphQLError(`${name} cannot represent a non-string value`);
      return check(ast.value);
    }
  });
}

function numberScalar(name: string, integer = false): GraphQLScalarType {
  const check = (value: unknown): number => {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (
      typeof number !== 'number' ||
      !Number.isFinite(number) ||
      (integer && !Number.isInteger(number))
    ) {
      throw new GraphQLError(`${name} cannot represent value: ${JSON.stringify(value)}`);
    }
    return number;
  };
  return new GraphQLScalarType({
    name,
    serialize: (value) => value,
    parseValue: check,
    parseLiteral: (ast) => {
      if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT || ast.kind === Kind.STRING)
        return check(ast.value);
      throw new GraphQLError(`${name} cannot represent a non-numeric value`);
    }
  });
}

const SCALARS = {
  Id: GraphQLID,
  Reference: GraphQLID,
  String: GraphQLString,
  TextArea: stringScalar('TextArea'),
  LongTextArea: stringScalar('LongTextArea'),
  RichTextArea: stringScalar('RichTextArea'),
  Email: stringScalar('Email'),
  Phone: stringScalar('PhoneNumber'),
  Url: stringScalar('Url'),
  Picklist: stringScalar('Picklist'),
  MultiPicklist: stringScalar('MultiPicklist'),
  Boolean: GraphQLBoolean,
  Currency: numberScalar('Currency'),
  Double: numberScalar('Double'),
  Int: GraphQLInt,
  Long: numberScalar('Long', true),
  Percent: numberScalar('Percent'),
  Date: stringScalar('Date', ISO_DATE),
  DateTime: stringScalar('DateTime', ISO_DATE_TIME),
  Time: stringScalar('Time')
} satisfies Record<UiDataType, GraphQLScalarType>;

const VALUE_TYPE_NAMES: Record<UiDataType, string> = {
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

const NUMERIC: UiDataType[] = ['Currency', 'Double', 'Int', 'Long', 'Percent'];
const FORMATTED: UiDataType[] = [...NUMERIC, 'Date', 'DateTime', 'Time'];
const NOT_FILTERABLE: UiDataType[] = ['LongTextArea', 'RichTextArea'];
const NOT_SORTABLE: UiDataType[] = ['LongTextArea', 'RichTextArea', 'MultiPicklist'];
const NOT_GROUPABLE: UiDataType[] = [
  'LongTextArea',
  'RichTextArea',
  'MultiPicklist',
  'TextArea',
  'Currency',
  'Double',
  'Percent',
  'DateTime'
];
const NOT_AGGREGATABLE: UiDataType[] = ['LongTextArea', 'RichTextArea', 'MultiPicklist'];

const FORMATS: Partial<Record<UiDataType, string>> = {
  Date: 'M/d/yyyy',
  DateTime: 'M/d/yyyy, h:mm a',
  Currency: '$#,##0.00'
};

/** Shared types that do not depend on the objects. */
class BaseTypes {
  readonly valueTypes = new Map<string, GraphQLObjectType>();
  readonly operatorTypes = new Map<string, GraphQLInputObjectType>();
  readonly aggregateTypes = new Map<string, GraphQLObjectType>();
  readonly fieldValue = new GraphQLInterfaceType({
    name: 'FieldValue',
    fields: { displayValue: { type: GraphQLString } },
    resolveType: () => undefined
  });
  readonly pageInfo = new GraphQLObjectType({
    name: 'PageInfo',
    fields: {
      hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean) },
      hasPreviousPage: { type: new GraphQLNonNull(GraphQLBoolean) },
      startCursor: { type: GraphQLString },
      endCursor: { type: GraphQLString }
    }
  });
  readonly resultOrder = new GraphQLEnumType({
    name: 'ResultOrder',
    values: { ASC: {}, DESC: {} }
  });
  readonly nullOrder = new GraphQLEnumType({ name: 'NullOrder', values: { FIRST: {}, LAST: {} } });
  // One <Object>_OrderBy serves record and aggregate queries; its clauses name the aggregate
  // functions a field type can be ordered by (the UI API's Order By Schema).
  readonly noFunctionOrderByClause = new GraphQLInputObjectType({
    name: 'NoFunctionAggregateOrderByClause',
    fields: { order: { type: this.resultOrder }, nulls: { type: this.nullOrder } }
  });
  readonly stringOrderByClause = new GraphQLInputObjectType({
    name: 'AggregateOrderByStringClause',
    fields: {
      function: {
        type: new GraphQLEnumType({
          name: 'AggregateOrderByStringFunction',
          values: { COUNT: {}, COUNT_DISTINCT: {}, MAX: {}, MIN: {} }
        })
      },
      order: { type: this.resultOrder },
      nulls: { type: this.nullOrder }
    }
  });
  readonly numberOrderByClause = new GraphQLInputObjectType({
    name: 'AggregateOrderByNumberClause',
    fields: {
      function: {
        type: new GraphQLEnumType({
          name: 'AggregateOrderByNumberFunction',
          values: { AVG: {}, COUNT: {}, COUNT_DISTINCT: {}, MAX: {}, MIN: {}, SUM: {} }
        })
      },
      order: { type: this.resultOrder },
      nulls: { type: this.nullOrder }
    }
  });

  orderByClause(dataType: UiDataType): GraphQLInputObjectType {
    if (NUMERIC.includes(dataType)) return this.numberOrderByClause;
    if (dataType === 'Boolean' || dataType === 'Reference') return this.noFunctionOrderByClause;
    return this.stringOrderByClause;
  }
  readonly groupByClause = new GraphQLInputObjectType({
    name: 'GroupByClause',
    fields: { group: { type: GraphQLBoolean } }
  });
  readonly groupByFunction = new GraphQLEnumType({
    name: 'GroupByFunction',
    values: Object.fromEntries(Object.keys(DATE_FUNCTIONS).map((name) => [name, {}]))
  });
  readonly groupByDateFunction = new GraphQLInputObjectType({
    name: 'GroupByDateFunction',
    fields: { function: { type: this.groupByFunction }, group: { type: GraphQLBoolean } }
  });
  readonly groupByType = new GraphQLEnumType({
    name: 'GroupByType',
    values: { GROUP_BY: {}, ROLLUP: {}, CUBE: {} }
  });
  readonly dateLiteral = new GraphQLEnumType({
    name: 'DateLiteral',
    values: Object.fromEntries(DATE_LITERALS.map((name) => [name, {}]))
  });
  readonly dateRange = new GraphQLInputObjectType({
    name: 'DateRange',
    fields: Object.fromEntries(DATE_RANGE_KEYS.map((key) => [key, { type: GraphQLInt }]))
  });
  readonly recordDeleteInput = new GraphQLInputObjectType({
    name: 'RecordDeleteInput',
    fields: { Id: { type: new GraphQLNonNull(GraphQLID) } }
  });
  readonly recordDeletePayload = new GraphQLObjectType({
    name: 'RecordDeletePayload',
    fields: { Id: { type: GraphQLID } }
  });

  valueType(dataType: UiDataType): GraphQLObjectType {
    const name = VALUE_TYPE_NAMES[dataType];
    let type = this.valueTypes.get(name);
    if (!type) {
      const fields: GraphQLFieldConfigMap<ValueWrapper, GraphQLContext> = {
        value: { type: SCALARS[dataType] },
        displayValue: { type: GraphQLString },
        label: { type: GraphQLString }
      };
      if (FORMATTED.includes(dataType)) fields.format = { type: GraphQLString };
      type = new GraphQLObjectType<ValueWrapper, GraphQLContext>({
        name,
        interfaces: [this.fieldValue],
        fields
      });
      this.valueTypes.set(name, type);
    }
    return type;
  }

  operators(dataType: UiDataType): GraphQLInputObjectType | null {
    if (NOT_FILTERABLE.includes(dataType)) return null;
    const names: Partial<Record<UiDataType, string>> = {
      Id: 'IDOperators',
      Reference: 'IDOperators',
      String: 'StringOperators',
      TextArea: 'TextAreaOperators',
      Email: 'EmailOperators',
      Phone: 'PhoneNumberOperators',
      Url: 'UrlOperators',
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
    const name = names[dataType] as string;
    let type = this.operatorTypes.get(name);
    if (type) return type;
    let operand: GraphQLInputType = SCALARS[dataType];
    if (dataType === 'Date' || dataType === 'DateTime') {
      operand = new GraphQLInputObjectType({
        name: dataType === 'Date' ? 'DateInput' : 'DateTimeInput',
        fields: {
          value: { type: SCALARS[dataType] },
          literal: { type: this.dateLiteral },
          range: { type: this.dateRange }
        }
      });
    }
    const fields: GraphQLInputFieldConfigMap = {};
    if (dataType === 'Boolean') {
      fields.eq = { type: operand };
      fields.ne = { type: operand };
    } else if (dataType === 'MultiPicklist') {
      fields.eq = { type: operand };
      fields.ne = { type: operand };
      fields.includes = { type: new GraphQLList(operand) };
      fields.excludes = { type: new GraphQLList(operand) };
    } else {
      for (const op of ['eq', 'ne', 'lt', 'gt', 'lte', 'gte']) fields[op] = { type: operand };
      fields.in = { type: new GraphQLList(operand) };
      fields.nin = { type: new GraphQLList(operand) };
      if (!NUMERIC.includes(dataType) && dataType !== 'Date' && dataType !== 'DateTime') {
        fields.like = { type: operand };
      }
    }
    type = new GraphQLInputObjectType({ name, fields });
    this.operatorTypes.set(name, type);
    return type;
  }

  aggregateType(dataType: UiDataType): GraphQLObjectType | null {
    if (NOT_AGGREGATABLE.includes(dataType)) return null;
    const name = VALUE_TYPE_NAMES[dataType].replace(/Value$/, 'Aggregate');
    let type = this.aggregateTypes.get(name);
    if (type) return type;
    const fields: GraphQLFieldConfigMap<AggregateFieldSource, GraphQLContext> = {
      value: { type: SCALARS[dataType], resolve: groupedValue },
      displayValue: {
        type: GraphQLString,
        resolve: (source) => displayValueOf(source.field, groupedValue(source) as FieldValue)
      },
      label: { type: GraphQLString, resolve: (source) => source.field.label },
      count: {
        type: this.valueType('Long'),
        resolve: (source, _args, context) => aggregateValue(context.store, source, 'count')
      },
      countDistinct: {
        type: this.valueType('Long'),
        resolve: (source, _args, context) => aggregateValue(context.store, source, 'countDistinct')
      },
      grouping: { type: this.valueType('Int'), resolve: () => ({ value: 0, displayValue: null }) }
    };
    if (FORMATTED.includes(dataType))
      fields.format = { type: GraphQLString, resolve: () => FORMATS[dataType] ?? null };
    if (dataType !== 'Boolean' && dataType !== 'Id' && dataType !== 'Reference') {
      fields.max = {
        type: this.valueType(dataType),
        resolve: (source, _args, context) => aggregateValue(context.store, source, 'max')
      };
      fields.min = {
        type: this.valueType(dataType),
        resolve: (source, _args, context) => aggregateValue(context.store, source, 'min')
      };
    }
    if (NUMERIC.includes(dataType)) {
      fields.sum = {
        type: this.valueType(dataType),
        resolve: (source, _args, context) => aggregateValue(context.store, source, 'sum')
      };
      fields.avg = {
        type: this.valueType('Double'),
        resolve: (source, _args, context) => aggregateValue(context.store, source, 'avg')
      };
    }
    if (dataType === 'Date' || dataType === 'DateTime') {
      for (const fn of Object.keys(DATE_FUNCTIONS)) {
        const fieldName = fn
          .toLowerCase()
          .replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
        fields[fieldName] = {
          type: fn === 'DAY_ONLY' ? this.valueType('Date') : this.valueType('Int'),
          resolve: (source, _args, context) => dateFunctionValue(context.store, source, fn)
        };
      }
    }
    type = new GraphQLObjectType<AggregateFieldSource, GraphQLContext>({ name, fields });
    this.aggregateTypes.set(name, type);
    return type;
  }
}

// ---- Aggregate values -----------------------------------------------------------------------

function groupedValue(source: AggregateFieldSource): unknown {
  const { group, path } = source;
  if (group.keys.has(path)) return group.keys.get(path);
  throw new GraphQLError(
    `Field ${path} must be grouped or aggregated: ${group.object.apiName}. Add it to groupBy or read an aggregate function (count, sum, avg, min, max).`
  );
}

function columnValues(source: AggregateFieldSource, store: OrgStore): FieldValue[] {
  return source.group.rows.map((row) => store.readPath(source.group.object, row, source.path));
}

function aggregateValue(
  store: OrgStore,
  source: AggregateFieldSource,
  fn: AggregateFunction
): ValueWrapper {
  const value = aggregateOf(columnValues(source, store), fn);
  const field =
    fn === 'count' || fn === 'countDistinct'
      ? { ...source.field, dataType: 'Long' as const }
      : fn === 'avg'
        ? { ...source.field, dataType: 'Double' as const }
        : source.field;
  return { value, displayValue: displayValueOf(field, value), label: source.field.label };
}

function dateFunctionValue(
  store: OrgStore,
  source: AggregateFieldSource,
  fn: string
): ValueWrapper {
  const grouped = source.group.functions.get(source.path);
  if (grouped === fn && source.group.keys.has(source.path)) {
    return { value: source.group.keys.get(source.path), displayValue: null };
  }
  const first = source.group.rows[0];
  const raw = first ? store.readPath(source.group.object, first, source.path) : null;
  return { value: typeof raw === 'string' ? DATE_FUNCTIONS[fn](raw) : null, displayValue: null };
}

const AGGREGATE_FUNCTIONS: Record<string, AggregateFunction> = {
  AVG: 'avg',
  COUNT: 'count',
  COUNT_DISTINCT: 'countDistinct',
  MAX: 'max',
  MIN: 'min',
  SUM: 'sum'
};

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
  const base = new BaseTypes();
  const types = new Map<string, ObjectTypes>();
  const readable = Object.values(model.objects).filter(
    (object) => objectAccess(profile, object).read
  );
  const readableFields = (object: OrgObject): OrgField[] =>
    Object.values(object.fields).filter((field) => fieldAccess(profile, object, field).read);
  const parentObject = (field: OrgField): OrgObject | undefined => {
    // Polymorphic owners (User or Group) resolve to User: our records are owned by users.
    const target = field.referenceTo.includes('User') ? 'User' : field.referenceTo[0];
    const object = target ? model.objects[target] : undefined;
    return object && objectAccess(profile, object).read ? object : undefined;
  };

  const recordInterface = new GraphQLInterfaceType({
    name: 'Record',
    fields: () => ({
      Id: { type: new GraphQLNonNull(GraphQLID) },
      ApiName: { type: new GraphQLNonNull(GraphQLString) },
      WeakEtag: { type: new GraphQLNonNull(SCALARS.Long) },
      DisplayValue: { type: GraphQLString }
    }),
    resolveType: (source: RecordSource) => source.object.apiName
  });

  const typesOf = (object: OrgObject): ObjectTypes => types.get(object.apiName) as ObjectTypes;

  for (const object of readable) {
    const name = object.apiName;
    const record: GraphQLObjectType<RecordSource, GraphQLContext> = new GraphQLObjectType<
      RecordSource,
      GraphQLContext
    >({
      name,
      interfaces: [recordInterface],
      fields: () => {
        const fields: GraphQLFieldConfigMap<RecordSource, GraphQLContext> = {
          Id: { type: new GraphQLNonNull(GraphQLID), resolve: (source) => source.record.Id },
          ApiName: {
            type: new GraphQLNonNull(GraphQLString),
            resolve: (source) => source.object.apiName
          },
          WeakEtag: {
            type: new GraphQLNonNull(SCALARS.Long),
            resolve: (source) =>
              Date.parse(
                String(source.record.LastModifiedDate ?? source.record.CreatedDate ?? 0)
              ) || 0
          },
          DisplayValue: {
            type: GraphQLString,
            resolve: (source, _args, context) => context.store.nameOf(source.record.Id)
          }
        };
        for (const field of readableFields(object)) {
          if (field.apiName === 'Id') continue;
          fields[field.apiName] = {
            type: base.valueType(field.dataType),
            resolve: (source, _args, context): ValueWrapper => {
              const value = context.store.readPath(source.object, source.record, field.apiName);
              let displayValue = displayValueOf(field, value);
              if (field.dataType === 'Reference' && typeof value === 'string')
                displayValue = context.store.nameOf(value);
              return {
                value,
                displayValue,
                label: field.label,
                format: FORMATS[field.dataType] ?? null
              };
            }
          };
          const parent = field.relationshipName ? parentObject(field) : undefined;
          if (parent && field.relationshipName) {
            fields[field.relationshipName] = {
              type: typesOf(parent).record,
              resolve: (source, _args, context): RecordSource | null => {
                const found = context.store.parent(
                  source.object,
                  source.record,
                  field.relationshipName as string
                );
                if (!found || !context.store.canSee(context.userId, found.object, found.record))
                  return null;
                return { object: found.object, record: found.record };
              }
            };
          }
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
        pageInfo: { type: new GraphQLNonNull(base.pageInfo), resolve: (page) => page.pageInfo },
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
          const operators = base.operators(field.dataType);
          if (operators) fields[field.apiName] = { type: operators };
          const parent = field.relationshipName ? parentObject(field) : undefined;
          if (parent && field.relationshipName)
            fields[field.relationshipName] = { type: typesOf(parent).filter };
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
            fields[field.apiName] = { type: base.orderByClause(field.dataType) };
          }
          const parent = field.relationshipName ? parentObject(field) : undefined;
          if (parent && field.relationshipName)
            fields[field.relationshipName] = { type: typesOf(parent).orderBy };
        }
        return fields;
      }
    });

    const groupBy: GraphQLInputObjectType = new GraphQLInputObjectType({
      name: `${name}_GroupBy`,
      fields: () => {
        const fields: GraphQLInputFieldConfigMap = { type: { type: base.groupByType } };
        for (const field of readableFields(object)) {
          if (field.dataType === 'Date' || field.dataType === 'DateTime') {
            fields[field.apiName] = { type: base.groupByDateFunction };
          } else if (!NOT_GROUPABLE.includes(field.dataType)) {
            fields[field.apiName] = { type: base.groupByClause };
          }
          const parent = field.relationshipName ? parentObject(field) : undefined;
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
            const aggregateType = base.aggregateType(field.dataType);
            if (aggregateType) {
              fields[field.apiName] = {
                type: aggregateType,
                resolve: (source): AggregateFieldSource => ({
                  group: source.group,
                  path: [...source.prefix, field.apiName].join('.'),
                  field
                })
              };
            }
            const parent = field.relationshipName ? parentObject(field) : undefined;
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
        pageInfo: { type: new GraphQLNonNull(base.pageInfo), resolve: (page) => page.pageInfo },
        totalCount: { type: new GraphQLNonNull(GraphQLInt), resolve: (page) => page.totalCount }
      })
    });

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
              ) =>
                selectRecords(context, info, object, visibleRows(context, object, args.scope), args)
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
      aggregate: { type: new GraphQLNonNull(recordQueryAggregate), resolve: () => ({}) }
    }
  });

  const query = new GraphQLObjectType({
    name: 'Query',
    fields: { uiapi: { type: new GraphQLNonNull(uiapi), resolve: () => ({}) } }
  });

  const mutation = buildMutations(profile, base, readable, readableFields, typesOf);

  const optional = new GraphQLDirective({
    name: 'optional',
    description: 'Omits the field instead of failing when the user cannot see it.',
    locations: [DirectiveLocation.FIELD]
  });
  const category = new GraphQLDirective({
    name: 'category',
    args: { name: { type: GraphQLString } },
    locations: [
      DirectiveLocation.FIELD,
      DirectiveLocation.VARIABLE_DEFINITION,
      DirectiveLocation.QUERY
    ]
  });

  return new GraphQLSchema({
    query,
    mutation,
    types: [...types.values()].map((objectTypes) => objectTypes.record),
    directives: [...specifiedDirectives, optional, category]
  });
}

interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  where?: Filter | null;
  orderBy?: Filter | null;
  scope?: string | null;
}

interface AggregateArgs extends ConnectionArgs {
  groupBy?: Filter | null;
}

function visibleRows(
  context: GraphQLContext,
  object: OrgObject,
  scope: string | null | undefined
): DatasetRecord[] {
  const rows: DatasetRecord[] = [];
  for (const row of context.store.rows(object.apiName)) {
    if (!context.store.canSee(context.userId, object, row)) continue;
    if (scope === 'MINE' && row.OwnerId !== context.userId) continue;
    rows.push(row);
  }
  return rows;
}

function asGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof QueryError) return new GraphQLError(error.message);
  throw error;
}

function selectRecords(
  context: GraphQLContext,
  info: GraphQLResolveInfo,
  object: OrgObject,
  rows: DatasetRecord[],
  args: ConnectionArgs
): Page<RecordSource> {
  try {
    const predicate = compileFilter(context.store, object, args.where);
    const matching = rows.filter(predicate);
    const terms = orderTerms(
      context.store,
      object,
      args.orderBy,
      keyOrder(info, 'orderBy', context)
    );
    matching.sort(compareBy(terms, (row, path) => context.store.readPath(object, row, path)));
    const page = paginate(matching, args.first, args.after);
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
    const rows = visibleRows(context, object, args.scope).filter(
      compileFilter(context.store, object, args.where)
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
        const order = a < b ? -1 : 1;
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
  base: BaseTypes,
  readable: OrgObject[],
  readableFields: (object: OrgObject) => OrgField[],
  typesOf: (object: OrgObject) => ObjectTypes
): GraphQLObjectType | undefined {
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
              !field.formula &&
              fieldAccess(profile, object, field).edit &&
              (action === 'create' ? field.createable : field.updateable)
          )
          .map((field) => [field.apiName, { type: SCALARS[field.dataType] }])
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
          Id: { type: new GraphQLNonNull(GraphQLID) },
          [object.apiName]: { type: new GraphQLNonNull(representation) },
          IfUnmodifiedSince: { type: SCALARS.DateTime },
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
        type: base.recordDeletePayload,
        args: { input: { type: new GraphQLNonNull(base.recordDeleteInput) } },
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
