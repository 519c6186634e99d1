/**
 * Record selection for the GraphQL API: `where` filters, `orderBy`, cursor pagination and
 * aggregate grouping, over the records the user can see. Arguments arrive as the plain
 * objects graphql-js coerces them to; key order for orderBy/groupBy comes from the query.
 */
import type { DatasetRecord, FieldValue } from '../../data/dataset';
import { literalRange, parameterRange, type DateRange } from './dateLiterals';
import type { OrgField, OrgObject } from './model';
import { epochDay } from '../../data/dates';
import { indexKey, type OrgStore } from './store';

export type Filter = Record<string, unknown>;

/** UI API page size when `first` is not given, and the largest page it serves. */
export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 2000;

export class QueryError extends Error {}

/** How a date function's result (a Long) compares: as a plain number. */
const NUMBER_FIELD: OrgField = {
  apiName: 'value',
  label: 'value',
  dataType: 'Long',
  custom: false,
  required: false,
  createable: false,
  updateable: false,
  referenceTo: [],
  relationshipName: null,
  childRelationshipName: null,
  masterDetail: false,
  picklistValues: [],
  restrictedPicklist: false,
  formula: null,
  trackHistory: false,
  scale: 0,
  precision: null,
  length: null,
  defaultValue: undefined,
  unique: false,
  autoNumberFormat: null,
  inlineHelpText: null
};

const COMPARISON_OPERATORS = [
  'eq',
  'ne',
  'lt',
  'lte',
  'gt',
  'gte',
  'in',
  'nin',
  'like',
  'includes',
  'excludes'
];

export type Predicate = (record: DatasetRecord) => boolean;

/**
 * Compiles a `where` input into a predicate once per query, so literals, ranges and patterns
 * are resolved once rather than for every record (queries scan up to 100k in benchmarks).
 */
export function compileFilter(
  store: OrgStore,
  object: OrgObject,
  filter: Filter | null | undefined
): Predicate {
  if (!filter) return () => true;
  const parts: Predicate[] = [];
  for (const [key, condition] of Object.entries(filter)) {
    if (condition === undefined || condition === null) continue;
    if (key === 'and') {
      const inner = (condition as Filter[]).map((entry) => compileFilter(store, object, entry));
      parts.push((record) => inner.every((predicate) => predicate(record)));
    } else if (key === 'or') {
      const inner = (condition as Filter[]).map((entry) => compileFilter(store, object, entry));
      if (inner.length > 0) parts.push((record) => inner.some((predicate) => predicate(record)));
    } else if (key === 'not') {
      const inner = compileFilter(store, object, condition as Filter);
      parts.push((record) => !inner(record));
    } else if (object.fields[key]) {
      const test = compileOperators(store, object.fields[key], condition as Filter);
      // A stored field is read straight off the record; a calculated one through the store.
      if (store.isCalculated(object, key))
        parts.push((record) => test(store.readPath(object, record, key)));
      else parts.push((record) => test(record[key] ?? null));
    } else {
      const relationship = store.relationshipField(object, key);
      if (relationship && relationship.referenceTo.length > 1) {
        parts.push(compilePolymorphic(store, object, key, condition as Filter));
        continue;
      }
      const parentObject = relationship
        ? store.object(relationship.referenceTo[0] ?? '')
        : undefined;
      if (!parentObject) throw new QueryError(`Unknown filter field ${key} on ${object.apiName}`);
      const inner = compileFilter(store, parentObject, condition as Filter);
      // A filter on an empty lookup only matches conditions that accept null.
      const whenMissing = acceptsMissingParent(condition as Filter);
      parts.push((record) => {
        const parent = store.parent(object, record, key);
        return parent ? inner(parent.record) : whenMissing;
      });
    }
  }
  if (parts.length === 1) return parts[0];
  return (record) => {
    for (let i = 0; i < parts.length; i++) if (!parts[i](record)) return false;
    return true;
  };
}

/**
 * `Owner: { User: { … } }` on a polymorphic parent (`<Object>_<Relationship>_Filters`): the
 * record matches when its parent is of a named object and meets that object's filter.
 */
function compilePolymorphic(
  store: OrgStore,
  object: OrgObject,
  relationshipName: string,
  condition: Filter
): Predicate {
  const byObject = new Map<string, Predicate>();
  for (const [parentName, inner] of Object.entries(condition)) {
    const parentObject = store.object(parentName);
    if (!parentObject) throw new QueryError(`Unknown object ${parentName} in ${relationshipName}`);
    byObject.set(parentName, compileFilter(store, parentObject, inner as Filter));
  }
  return (record) => {
    const parent = store.parent(object, record, relationshipName);
    const test = parent ? byObject.get(parent.object.apiName) : undefined;
    return parent !== undefined && parent !== null && test !== undefined && test(parent.record);
  };
}

function acceptsMissingParent(condition: Filter): boolean {
  return Object.values(condition).every((operators) => {
    if (!operators || typeof operators !== 'object') return true;
    const ops = operators as Filter;
    return ops.eq === null || (ops.ne !== undefined && ops.ne !== null);
  });
}

type ValueTest = (value: FieldValue) => boolean;

function compileOperators(store: OrgStore, field: OrgField, operators: Filter): ValueTest {
  const tests: ValueTest[] = [];
  for (const [op, operand] of Object.entries(operators)) {
    if (operand === undefined) continue;
    if (op === 'inq' || op === 'ninq') {
      const ids = semiJoinValues(store, operand as Filter);
      tests.push(
        op === 'inq'
          ? (value) => typeof value === 'string' && ids.has(value.slice(0, 15))
          : (value) => typeof value !== 'string' || !ids.has(value.slice(0, 15))
      );
    } else if (isDateField(field) && op in DATE_FUNCTIONS) {
      tests.push(compileDateFunction(op, operand as Filter));
    } else if (!COMPARISON_OPERATORS.includes(op)) {
      throw new QueryError(`Unsupported operator ${op}`);
    } else {
      tests.push(
        isDateField(field) ? compileDate(store, op, operand) : compileOperator(field, op, operand)
      );
    }
  }
  if (tests.length === 1) return tests[0];
  return (value) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i](value)) return false;
    return true;
  };
}

/**
 * Semi-join (`inq`) and anti-join (`ninq`): `{ <Child>: <filter>, ApiName: "<field>" }` gives
 * the values of the child's field over the children that match, as 15-character ids. Like the
 * rest of this engine it reads every row; the caller's sharing applies to the outer records.
 */
function semiJoinValues(store: OrgStore, join: Filter): Set<string> {
  const fieldName = typeof join.ApiName === 'string' ? join.ApiName : 'Id';
  const entries = Object.entries(join).filter(([key]) => key !== 'ApiName');
  if (entries.length !== 1) throw new QueryError('A semi-join names exactly one object');
  const [childName, childFilter] = entries[0];
  const child = store.object(childName);
  if (!child?.fields[fieldName]) {
    throw new QueryError(`Semi-join field ${childName}.${fieldName} does not exist`);
  }
  const values = new Set<string>();
  for (const row of selectRows(store, child, childFilter as Filter, () => true)) {
    const value = row[fieldName];
    if (typeof value === 'string') values.add(value.slice(0, 15));
  }
  return values;
}

// ---- Selection through indexes ----------------------------------------------------------

/** Field types an equality index serves (values compared as indexKey keys them). */
const EQUALITY_INDEXED = new Set(['Id', 'Reference', 'Boolean', 'Picklist', 'String', 'Email']);

/**
 * Positions (in the store's table order) of a superset of the records the filter can match,
 * from the most selective indexable condition ANDed at its top level: `eq` or `in` on an id,
 * lookup, checkbox, picklist or text field, or a range of `{ value }` dates on a Date field.
 * Null when no condition narrows the table: the caller reads every record. The filter itself
 * is still applied to each candidate, so this only decides which records are read.
 */
export function candidatePositions(
  store: OrgStore,
  object: OrgObject,
  filter: Filter | null | undefined
): Int32Array | null {
  const options: { size: number; positions: () => Int32Array }[] = [];
  const consider = (size: number, positions: () => Int32Array): void => {
    options.push({ size, positions });
  };
  const visit = (clause: Filter): void => {
    for (const [key, condition] of Object.entries(clause)) {
      if (condition === undefined || condition === null) continue;
      if (key === 'and') {
        for (const inner of condition as Filter[]) if (inner) visit(inner);
        continue;
      }
      if (key === 'or') {
        considerUnion(condition as Filter[]);
        continue;
      }
      const field = object.fields[key];
      if (!field || store.isCalculated(object, key) || typeof condition !== 'object') continue;
      const operators = condition as Filter;
      if (field.dataType === 'Date') considerDates(field, operators);
      else if (isEqualityIndexed(field.dataType)) considerEquality(field, operators);
    }
  };
  const considerEquality = (field: OrgField, operators: Filter): void => {
    const values =
      operators.eq !== undefined && operators.eq !== null && typeof operators.eq !== 'object'
        ? [operators.eq]
        : Array.isArray(operators.in)
          ? (operators.in as unknown[])
          : null;
    if (!values || values.some((value) => value === null || typeof value === 'object')) return;
    const index = store.equalityIndex(object, field);
    const buckets = [...new Set(values.map((value) => indexKey(field, value as FieldValue)))].map(
      (key) => index.get(key) ?? []
    );
    const size = buckets.reduce((total, bucket) => total + bucket.length, 0);
    consider(size, () => {
      const positions = new Int32Array(size);
      let at = 0;
      for (const bucket of buckets) for (const position of bucket) positions[at++] = position;
      return buckets.length > 1 ? positions.sort() : positions;
    });
  };
  const considerDates = (field: OrgField, operators: Filter): void => {
    let from = Number.NEGATIVE_INFINITY;
    let to = Number.POSITIVE_INFINITY;
    let bounded = false;
    for (const [op, operand] of Object.entries(operators)) {
      if (operand === undefined) continue;
      const value: unknown =
        typeof operand === 'object' && operand !== null ? (operand as Filter).value : undefined;
      if (!['eq', 'gt', 'gte', 'lt', 'lte'].includes(op)) return;
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return;
      const day = epochDay(value);
      if (op === 'eq' || op === 'gte' || op === 'gt') from = Math.max(from, day);
      if (op === 'eq' || op === 'lte' || op === 'lt') to = Math.min(to, day);
      bounded = true;
    }
    if (!bounded) return;
    const index = store.dateIndex(object, field);
    const lo = lowerBound(index.days, from);
    const hi = upperBound(index.days, to);
    if (hi <= lo) {
      consider(0, () => new Int32Array(0));
      return;
    }
    consider(hi - lo, () => index.positions.slice(lo, hi).sort());
  };
  // `or`: the union of each branch's candidates, when every branch has some.
  const considerUnion = (branches: Filter[]): void => {
    const sets: Int32Array[] = [];
    for (const branch of branches) {
      const positions = branch ? candidatePositions(store, object, branch) : null;
      if (positions === null) return;
      sets.push(positions);
    }
    const size = sets.reduce((total, set) => total + set.length, 0);
    consider(size, () => {
      const all = new Int32Array(size);
      let at = 0;
      for (const set of sets) {
        all.set(set, at);
        at += set.length;
      }
      all.sort();
      // Branches may share records: keep each position once.
      let unique = 0;
      for (let i = 0; i < all.length; i++)
        if (i === 0 || all[i] !== all[i - 1]) all[unique++] = all[i];
      return all.slice(0, unique);
    });
  };
  visit(filter ?? {});
  // Most of the table anyway: a plain scan costs less than gathering positions.
  const half = store.count(object.apiName) / 2;
  const useful = options.filter((option) => option.size <= half).sort((a, b) => a.size - b.size);
  if (useful.length === 0) return null;
  // The smallest set, narrowed by the others: merging sorted positions costs far less than
  // testing each candidate record (a quarter's deals ∩ the won ones, say).
  let positions = useful[0].positions();
  for (const option of useful.slice(1)) {
    if (positions.length === 0) break;
    positions = intersectSorted(positions, option.positions());
  }
  return positions;
}

function isEqualityIndexed(dataType: string): boolean {
  return EQUALITY_INDEXED.has(dataType);
}

/** The positions in both ascending arrays, ascending. */
function intersectSorted(a: Int32Array, b: Int32Array): Int32Array {
  const result = new Int32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else {
      result[n++] = a[i];
      i++;
      j++;
    }
  }
  return result.slice(0, n);
}

/** First position whose day is ≥ day. */
function lowerBound(days: Int32Array, day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position whose day is > day. */
function upperBound(days: Int32Array, day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid] <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The records of an object that pass `visible` and match the filter, in table order: the
 * candidates an index selects (candidatePositions), else every record.
 */
export function selectRows(
  store: OrgStore,
  object: OrgObject,
  filter: Filter | null | undefined,
  visible: (record: DatasetRecord) => boolean
): DatasetRecord[] {
  const predicate = compileFilter(store, object, filter);
  const rows = store.tableOf(object.apiName);
  const positions = candidatePositions(store, object, filter);
  const result: DatasetRecord[] = [];
  if (positions === null) {
    for (const row of rows) if (visible(row) && predicate(row)) result.push(row);
    return result;
  }
  for (let i = 0; i < positions.length; i++) {
    const row = rows[positions[i]];
    if (visible(row) && predicate(row)) result.push(row);
  }
  return result;
}

/** `CALENDAR_YEAR: { value: { eq: 2026 } }` (DateFunctionInput) on a Date or DateTime field. */
function compileDateFunction(fn: string, input: Filter): ValueTest {
  const operators = (input.value ?? input.convertTimezoneValue) as Filter | undefined;
  if (!operators) throw new QueryError(`${fn} needs a value`);
  const tests = Object.entries(operators)
    .filter(([, operand]) => operand !== undefined)
    .map(([op, operand]) => compileOperator(NUMBER_FIELD, op, operand));
  return (value) => {
    if (typeof value !== 'string') return false;
    const part = DATE_FUNCTIONS[fn](value);
    return tests.every((test) => test(part as FieldValue));
  };
}

function isDateField(field: OrgField): boolean {
  return field.dataType === 'Date' || field.dataType === 'DateTime';
}

/** DateInput / DateTimeInput: { value } or { literal } or { range }, as a date range. */
function dateOperand(store: OrgStore, operand: unknown): DateRange | null | 'null' {
  if (operand === null) return 'null';
  if (typeof operand === 'string') return { from: operand, to: operand };
  const input = operand as {
    value?: string | null;
    literal?: string;
    range?: Record<string, unknown>;
  };
  if (input.value !== undefined) {
    if (input.value === null) return 'null';
    return { from: input.value, to: input.value };
  }
  if (input.literal) return literalRange(input.literal, store.today);
  if (input.range) return parameterRange(input.range, store.today);
  return null;
}

function compileDate(store: OrgStore, op: string, operand: unknown): ValueTest {
  if (op === 'in' || op === 'nin') {
    const tests = ((operand as unknown[]) ?? []).map((item) => compileDate(store, 'eq', item));
    return op === 'in'
      ? (value) => tests.some((test) => test(value))
      : (value) => !tests.some((test) => test(value));
  }
  const range = dateOperand(store, operand);
  if (range === null) throw new QueryError('A date filter needs a value, literal or range');
  if (range === 'null') {
    if (op === 'eq') return (value) => value === null;
    if (op === 'ne') return (value) => value !== null;
    return () => false;
  }
  // A DateTime compared with a date (or literal) is compared on its day; with a full
  // date-time value, on the instant.
  const exact = range.from.length > 10;
  const from = exact ? Date.parse(range.from) : range.from.slice(0, 10);
  const to = exact ? Date.parse(range.to) : range.to.slice(0, 10);
  const key = (value: string): number | string => (exact ? Date.parse(value) : value.slice(0, 10));
  const within = (subject: number | string): boolean => subject >= from && subject <= to;
  const compare: Record<string, (subject: number | string) => boolean> = {
    eq: within,
    ne: (subject) => !within(subject),
    lt: (subject) => subject < from,
    lte: (subject) => subject <= to,
    gt: (subject) => subject > to,
    gte: (subject) => subject >= from
  };
  const test = compare[op];
  if (!test) throw new QueryError(`Operator ${op} is not supported on date fields`);
  return (value) => (typeof value === 'string' ? test(key(value)) : op === 'ne');
}

function likeToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/%/g, '.*')
    .replace(/_/g, '.');
  return new RegExp(`^${escaped}$`, 'is');
}

/** String comparisons are case-insensitive in SOQL and the GraphQL API; ids compare on 15. */
function comparable(field: OrgField, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (field.dataType === 'Id' || field.dataType === 'Reference') return value.slice(0, 15);
  return value.toLowerCase();
}

/**
 * Id equality on 15 characters without building a 15-character copy of every record's id: an
 * 18-character id given in the filter matches as is, any other by its first 15.
 */
function compileIdMembership(operand: unknown): (value: FieldValue) => boolean {
  const ids = (Array.isArray(operand) ? operand : [operand]).filter(
    (item): item is string => typeof item === 'string'
  );
  const full = new Set(ids.filter((id) => id.length === 18));
  const short = new Set(ids.map((id) => id.slice(0, 15)));
  return (value) => typeof value === 'string' && (full.has(value) || short.has(value.slice(0, 15)));
}

function compileOperator(field: OrgField, op: string, operand: unknown): ValueTest {
  if (
    (field.dataType === 'Id' || field.dataType === 'Reference') &&
    operand !== null &&
    ['eq', 'ne', 'in', 'nin'].includes(op)
  ) {
    const member = compileIdMembership(operand);
    if (op === 'eq' || op === 'in') return (value) => value !== null && member(value);
    return (value) => value === null || !member(value);
  }
  // A Set: a VP's filter lists a thousand owner ids, tested against every candidate record.
  const list = new Set(
    Array.isArray(operand) ? operand.map((item) => comparable(field, item)) : []
  );
  const target = comparable(field, operand);
  switch (op) {
    case 'eq':
      return operand === null
        ? (value) => value === null
        : (value) => value !== null && comparable(field, value) === target;
    case 'ne':
      return operand === null
        ? (value) => value !== null
        : (value) => value === null || comparable(field, value) !== target;
    case 'in':
      return (value) => value !== null && list.has(comparable(field, value));
    case 'nin':
      return (value) => value === null || !list.has(comparable(field, value));
    case 'like': {
      const pattern = likeToRegExp(String(operand));
      return (value) => value !== null && pattern.test(String(value));
    }
    case 'includes':
    case 'excludes': {
      const groups = ((operand as string[]) ?? []).map((group) => group.split(';'));
      return (value) => {
        const selected = new Set(String(value ?? '').split(';'));
        const hit = groups.some((group) => group.every((part) => selected.has(part)));
        return op === 'includes' ? hit : !hit;
      };
    }
    default: {
      if (operand === null) return () => false;
      const b = target as number | string;
      const order: Record<string, (a: number | string) => boolean> = {
        lt: (a) => a < b,
        lte: (a) => a <= b,
        gt: (a) => a > b,
        gte: (a) => a >= b
      };
      const test = order[op];
      return (value) => value !== null && test(comparable(field, value) as number | string);
    }
  }
}

// ---- Ordering ---------------------------------------------------------------------------

export interface OrderTerm {
  /** Dotted path through parent relationships. */
  path: string;
  descending: boolean;
  nullsFirst: boolean;
  /** Aggregate queries may order by a function of the group (AVG, COUNT, SUM, …). */
  fn?: string;
}

/**
 * Flattens an orderBy input (`{ CloseDate: { order: DESC }, Owner: { Name: { order: ASC } } }`)
 * into terms, in the order the query wrote them (`keyOrder` gives that order).
 */
export function orderTerms(
  store: OrgStore,
  object: OrgObject,
  orderBy: Filter | null | undefined,
  keyOrder: (path: string[]) => string[]
): OrderTerm[] {
  const terms: OrderTerm[] = [];
  const walk = (current: OrgObject, input: Filter, prefix: string[]): void => {
    const keys = keyOrder(prefix).filter((key) => input[key] !== undefined && input[key] !== null);
    for (const key of keys) {
      const clause = input[key] as Filter;
      if (current.fields[key]) {
        const descending = clause.order === 'DESC';
        // SOQL defaults: nulls first when ascending, last when descending.
        const nullsFirst = clause.nulls ? clause.nulls === 'FIRST' : !descending;
        const fn = typeof clause.function === 'string' ? clause.function : undefined;
        terms.push({
          path: [...prefix, key].join('.'),
          descending,
          nullsFirst,
          ...(fn ? { fn } : {})
        });
      } else {
        const relationship = store.relationshipField(current, key);
        const parentObject = relationship
          ? store.object(relationship.referenceTo[0] ?? '')
          : undefined;
        if (parentObject) walk(parentObject, clause, [...prefix, key]);
      }
    }
  };
  if (orderBy) walk(object, orderBy, []);
  return terms;
}

/** How orderBy compares two non-null values: numbers and booleans as such, text without case. */
export function compareValues(a: FieldValue, b: FieldValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const left = String(a).toLowerCase();
  const right = String(b).toLowerCase();
  return left < right ? -1 : left > right ? 1 : 0;
}

export function compareBy(
  terms: OrderTerm[],
  read: (row: DatasetRecord, path: string) => FieldValue
) {
  return (left: DatasetRecord, right: DatasetRecord): number => {
    for (const term of terms) {
      const a = read(left, term.path);
      const b = read(right, term.path);
      if (a === null && b === null) continue;
      if (a === null) return term.nullsFirst ? -1 : 1;
      if (b === null) return term.nullsFirst ? 1 : -1;
      const order = compareValues(a, b);
      if (order !== 0) return term.descending ? -order : order;
    }
    // Ties keep a stable, id-based order so pages never overlap.
    return left.Id < right.Id ? -1 : left.Id > right.Id ? 1 : 0;
  };
}

// ---- Pagination -------------------------------------------------------------------------

export function encodeCursor(offset: number): string {
  return btoa(`v1:${offset}`);
}

export function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  let decoded = '';
  try {
    decoded = atob(cursor);
  } catch {
    throw new QueryError(`Invalid cursor: ${cursor}`);
  }
  const match = /^v1:(\d+)$/.exec(decoded);
  if (!match) throw new QueryError(`Invalid cursor: ${cursor}`);
  return Number(match[1]) + 1;
}

export interface Page<T> {
  items: { item: T; cursor: string }[];
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/**
 * How far relay paging reaches a record connection without `upperBound`, and the page sizes
 * allowed with one: "Using pagination without an upper-bound limit lets you retrieve up to
 * 4,000 records only" (GraphQL API Developer Guide, "Paginate with Record Connections"); with
 * `upperBound`, "first can have a value from 200 to 2000 only" and paging reaches upperBound
 * records ("Paginate with Upper-Bound Limit", API v59.0 and later).
 */
export const RECORD_CONNECTION_REACH = 4000;
export const UPPER_BOUND_MIN_PAGE = 200;

export interface PageOptions {
  /** A record connection (not an aggregate one): paging stops at its reach. */
  records?: boolean;
  upperBound?: number | null;
}

export function paginate<T>(
  all: T[],
  first: number | null | undefined,
  after: string | null | undefined,
  options: PageOptions = {}
): Page<T> {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (size < 0 || size > MAX_PAGE_SIZE) {
    throw new QueryError(
      `The value of first must be between 0 and ${MAX_PAGE_SIZE}, but was ${size}.`
    );
  }
  const upperBound = options.upperBound ?? null;
  if (options.records && upperBound !== null && size < UPPER_BOUND_MIN_PAGE) {
    throw new QueryError(
      `With upperBound, the value of first must be between ${UPPER_BOUND_MIN_PAGE} and ${MAX_PAGE_SIZE}, but was ${size}.`
    );
  }
  // Records past the reach are counted in totalCount but no page reaches them.
  const reach = !options.records
    ? all.length
    : Math.min(all.length, upperBound ?? RECORD_CONNECTION_REACH);
  const start = decodeCursor(after);
  const slice = all.slice(start, Math.min(start + size, reach));
  const items = slice.map((item, index) => ({ item, cursor: encodeCursor(start + index) }));
  return {
    items,
    totalCount: all.length,
    pageInfo: {
      hasNextPage: start + size < reach,
      hasPreviousPage: start > 0,
      startCursor: items[0]?.cursor ?? null,
      endCursor: items[items.length - 1]?.cursor ?? null
    }
  };
}

// ---- Aggregates -------------------------------------------------------------------------

/** The date functions a groupBy may apply (GroupByFunction), as functions of an ISO date. */
export const DATE_FUNCTIONS: Record<string, (iso: string) => number | string> = {
  CALENDAR_MONTH: (iso) => Number(iso.slice(5, 7)),
  CALENDAR_QUARTER: (iso) => Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1,
  CALENDAR_YEAR: (iso) => Number(iso.slice(0, 4)),
  DAY_IN_MONTH: (iso) => Number(iso.slice(8, 10)),
  DAY_IN_WEEK: (iso) => new Date(`${iso.slice(0, 10)}T00:00:00Z`).getUTCDay() + 1,
  DAY_IN_YEAR: (iso) => {
    const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
    return Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
  },
  DAY_ONLY: (iso) => iso.slice(0, 10),
  FISCAL_MONTH: (iso) => Number(iso.slice(5, 7)),
  FISCAL_QUARTER: (iso) => Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1,
  FISCAL_YEAR: (iso) => Number(iso.slice(0, 4)),
  HOUR_IN_DAY: (iso) => (iso.length > 10 ? Number(iso.slice(11, 13)) : 0),
  WEEK_IN_MONTH: (iso) => Math.floor((Number(iso.slice(8, 10)) - 1) / 7) + 1,
  WEEK_IN_YEAR: (iso) => {
    const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
    const day = Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / 86_400_000);
    return Math.floor(day / 7) + 1;
  }
};

export interface GroupKeyPart {
  path: string;
  fn: string | null;
}

/** Flattens a groupBy input into the grouped paths (with date functions), in query order. */
export function groupKeyParts(
  store: OrgStore,
  object: OrgObject,
  groupBy: Filter | null | undefined,
  keyOrder: (path: string[]) => string[]
): GroupKeyPart[] {
  const parts: GroupKeyPart[] = [];
  const walk = (current: OrgObject, input: Filter, prefix: string[]): void => {
    for (const key of keyOrder(prefix)) {
      const clause = input[key] as Filter | undefined | null;
      if (!clause || key === 'type') continue;
      if (current.fields[key]) {
        const fn = typeof clause.function === 'string' ? clause.function : null;
        if (clause.group === true || fn) parts.push({ path: [...prefix, key].join('.'), fn });
      } else {
        const relationship = store.relationshipField(current, key);
        const parentObject = relationship
          ? store.object(relationship.referenceTo[0] ?? '')
          : undefined;
        if (parentObject) walk(parentObject, clause, [...prefix, key]);
      }
    }
  };
  if (groupBy) walk(object, groupBy, []);
  return parts;
}

export interface AggregateGroup {
  object: OrgObject;
  rows: DatasetRecord[];
  /** Grouped paths → the group's value (after any date function). */
  keys: Map<string, FieldValue>;
  /** Grouped paths → the date function applied, for reading function fields. */
  functions: Map<string, string>;
}

export function groupRows(
  store: OrgStore,
  object: OrgObject,
  rows: DatasetRecord[],
  parts: GroupKeyPart[]
): AggregateGroup[] {
  const functions = new Map(
    parts.filter((part) => part.fn).map((part) => [part.path, part.fn as string])
  );
  if (parts.length === 0) return [{ object, rows, keys: new Map(), functions }];
  if (parts.length === 1) return groupByOne(store, object, rows, parts[0], functions);
  const groups = new Map<string, AggregateGroup>();
  const values: FieldValue[] = new Array<FieldValue>(parts.length);
  for (const row of rows) {
    let signature = '';
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      const raw = store.readPath(object, row, part.path);
      const value = part.fn && typeof raw === 'string' ? DATE_FUNCTIONS[part.fn](raw) : raw;
      values[i] = value;
      // Typed and separated, so null, false, 'false' and 0 stay distinct groups.
      signature += `${typeof value}:${String(value)}\u0000`;
    }
    let group = groups.get(signature);
    if (!group) {
      const keys = new Map<string, FieldValue>();
      parts.forEach((part, i) => keys.set(part.path, values[i]));
      group = { object, rows: [], keys, functions };
      groups.set(signature, group);
    }
    group.rows.push(row);
  }
  return [...groups.values()];
}

/** One grouped field: its value is the group's key (a Map keeps null, false and 'false' apart). */
function groupByOne(
  store: OrgStore,
  object: OrgObject,
  rows: DatasetRecord[],
  part: GroupKeyPart,
  functions: Map<string, string>
): AggregateGroup[] {
  const groups = new Map<FieldValue, AggregateGroup>();
  const stored = !part.path.includes('.') && !store.isCalculated(object, part.path);
  for (const row of rows) {
    const raw = stored ? (row[part.path] ?? null) : store.readPath(object, row, part.path);
    const value = part.fn && typeof raw === 'string' ? DATE_FUNCTIONS[part.fn](raw) : raw;
    let group = groups.get(value);
    if (!group) {
      group = { object, rows: [], keys: new Map([[part.path, value]]), functions };
      groups.set(value, group);
    }
    group.rows.push(row);
  }
  return [...groups.values()];
}

export type AggregateFunction = 'count' | 'countDistinct' | 'sum' | 'avg' | 'min' | 'max';

/** An aggregate over a column, ignoring nulls as SOQL does (SUM of nothing is null). */
export function aggregateOf(column: FieldValue[], fn: AggregateFunction): FieldValue {
  const values = column.filter((value) => value !== null && value !== undefined);
  switch (fn) {
    case 'count':
      return values.length;
    case 'countDistinct':
      return new Set(values.map((item) => (typeof item === 'string' ? item.toLowerCase() : item)))
        .size;
    case 'sum':
      return values.length === 0
        ? null
        : (values as number[]).reduce((total, item) => total + item, 0);
    case 'avg':
      return values.length === 0
        ? null
        : (values as number[]).reduce((total, item) => total + item, 0) / values.length;
    case 'min':
    case 'max':
      if (values.length === 0) return null;
      return values.reduce((best, item) => {
        const better =
          fn === 'min'
            ? (item as number | string) < (best as number | string)
            : (item as number | string) > (best as number | string);
        return better ? item : best;
      });
  }
}
