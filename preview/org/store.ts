/**
 * The in-memory org's records and the rules for reading them: ids, relationship traversal,
 * formula fields (computed on read, never stored, as the platform does) and sharing through
 * the management hierarchy.
 */
import type { CurrencySettings, Dataset, DatasetRecord, FieldValue } from '../../data/dataset';
import { epochDay } from '../../data/dates';
import { recordId } from '../../data/ids';
import { evaluateFormula } from './formula';
import type { OrgField, OrgModel, OrgObject, ProfileName } from './model';

/**
 * Fields the platform calculates but whose formula is not in our metadata (standard fields).
 * Custom formula fields are evaluated from their metadata formula instead; this registry
 * exists only because the platform defines these, so there is no formula text to read.
 */
const PLATFORM_CALCULATED: Record<string, (record: DatasetRecord) => FieldValue> = {
  'Opportunity.ExpectedRevenue': (record) =>
    typeof record.Amount === 'number' && typeof record.Probability === 'number'
      ? (record.Amount * record.Probability) / 100
      : null
};

export interface StoredRecord {
  object: OrgObject;
  record: DatasetRecord;
}

/**
 * A field's values → the positions (in table order) of the records holding them, for `eq` and
 * `in` filters; values keyed as filters compare them (ids on 15 characters, text lower case).
 */
export type EqualityIndex = Map<FieldValue, number[]>;

/** A Date field's non-null values (epoch days) in ascending order with their records' positions. */
export interface DateIndex {
  days: Int32Array;
  positions: Int32Array;
}

/**
 * The records' days of a Date field in ascending order (ties in table order), by a counting
 * sort over the days they span: building it for a million records takes milliseconds.
 */
function sortedDays(rows: readonly DatasetRecord[], fieldApiName: string): DateIndex {
  const dayOf = new Int32Array(rows.length);
  const has = new Uint8Array(rows.length);
  let count = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let position = 0; position < rows.length; position++) {
    const value = rows[position][fieldApiName];
    if (typeof value !== 'string' || value.length < 10) continue;
    const day = epochDay(value);
    dayOf[position] = day;
    has[position] = 1;
    count++;
    if (day < min) min = day;
    if (day > max) max = day;
  }
  const days = new Int32Array(count);
  const positions = new Int32Array(count);
  if (count === 0) return { days, positions };
  const starts = new Int32Array(max - min + 2);
  for (let position = 0; position < rows.length; position++)
    if (has[position]) starts[dayOf[position] - min + 1]++;
  for (let d = 1; d < starts.length; d++) starts[d] += starts[d - 1];
  for (let position = 0; position < rows.length; position++) {
    if (!has[position]) continue;
    const at = starts[dayOf[position] - min]++;
    days[at] = dayOf[position];
    positions[at] = position;
  }
  return { days, positions };
}

/** The key an equality filter compares a field's value on (see query.ts `comparable`). */
export function indexKey(field: OrgField, value: FieldValue): FieldValue {
  if (typeof value !== 'string') return value;
  if (field.dataType === 'Id' || field.dataType === 'Reference') return value.slice(0, 15);
  return value.toLowerCase();
}

export class OrgStore {
  readonly today: string;
  /** Multi-currency settings (preview/org/currency.ts reads them); null in a single-currency org. */
  readonly currency: CurrencySettings | null;
  private readonly tables = new Map<string, Map<string, DatasetRecord>>();
  private readonly objectById = new Map<string, string>();
  private readonly sequences = new Map<string, number>();
  private readonly views = new WeakMap<DatasetRecord, DatasetRecord>();
  /** Calculated fields only (formulas, ExpectedRevenue), per record: reading one needs no copy. */
  private readonly calculatedValues = new WeakMap<DatasetRecord, Record<string, FieldValue>>();
  private readonly calculatedFields = new Map<string, Set<string>>();
  /**
   * Per object, built on first use and dropped on any write to it: the records in table order
   * and indexes of the fields filters name. A large org (a million opportunities) is then
   * filtered by reading only the records an index selects, as a database would.
   */
  private readonly tableRows = new Map<string, DatasetRecord[]>();
  private readonly equalityIndexes = new Map<string, Map<string, EqualityIndex>>();
  private readonly dateIndexes = new Map<string, Map<string, DateIndex>>();
  private readonly relationshipFields = new Map<string, Map<string, OrgField>>();
  private subordinates = new Map<string, Set<string>>();
  private clockTick = 0;
  private undoLog: (() => void)[] | null = null;

  constructor(
    readonly model: OrgModel,
    dataset: Dataset,
    today: string = dataset.meta.today,
    /** Keep the dataset's records as they are (a dataset made for this org alone). */
    adopt = false
  ) {
    this.today = today;
    this.currency = dataset.meta.currency ?? null;
    for (const object of Object.values(model.objects)) {
      this.tables.set(object.apiName, new Map());
      const byRelationship = new Map<string, OrgField>();
      const calculated = new Set<string>();
      for (const field of Object.values(object.fields)) {
        if (field.relationshipName) byRelationship.set(field.relationshipName, field);
        if (field.formula || `${object.apiName}.${field.apiName}` in PLATFORM_CALCULATED)
          calculated.add(field.apiName);
      }
      this.calculatedFields.set(object.apiName, calculated);
      this.relationshipFields.set(object.apiName, byRelationship);
    }
    for (const [objectApiName, rows] of Object.entries(dataset.records)) {
      const table = this.tables.get(objectApiName);
      if (!table) continue;
      for (const row of rows) {
        table.set(row.Id, adopt ? row : { ...row });
        this.objectById.set(row.Id, objectApiName);
      }
      this.sequences.set(objectApiName, rows.length);
    }
  }

  object(objectApiName: string): OrgObject | undefined {
    return this.model.objects[objectApiName];
  }

  rows(objectApiName: string): IterableIterator<DatasetRecord> {
    return (this.tables.get(objectApiName) ?? new Map<string, DatasetRecord>()).values();
  }

  count(objectApiName: string): number {
    return this.tables.get(objectApiName)?.size ?? 0;
  }

  find(id: string): StoredRecord | undefined {
    const objectApiName = this.objectById.get(id);
    if (!objectApiName) return undefined;
    const record = this.tables.get(objectApiName)?.get(id);
    const object = this.model.objects[objectApiName];
    return record && object ? { object, record } : undefined;
  }

  /** The record as read: stored fields plus calculated ones. Cached until the record changes. */
  view(object: OrgObject, record: DatasetRecord): DatasetRecord {
    const cached = this.views.get(record);
    if (cached) return cached;
    const view: DatasetRecord = { ...record, ...this.calculated(object, record) };
    this.views.set(record, view);
    return view;
  }

  /** The calculated fields of a record, computed once until the record changes. */
  private calculated(object: OrgObject, record: DatasetRecord): Record<string, FieldValue> {
    const cached = this.calculatedValues.get(record);
    if (cached) return cached;
    const values: Record<string, FieldValue> = {};
    for (const fieldApiName of this.calculatedFields.get(object.apiName) ?? []) {
      const field = object.fields[fieldApiName];
      const platform = PLATFORM_CALCULATED[`${object.apiName}.${fieldApiName}`];
      values[fieldApiName] = platform
        ? platform(record)
        : this.evaluateFormulaField(object, record, field);
    }
    this.calculatedValues.set(record, values);
    return values;
  }

  private evaluateFormulaField(
    object: OrgObject,
    record: DatasetRecord,
    field: OrgField
  ): FieldValue {
    try {
      const value = evaluateFormula(field.formula ?? '', {
        today: this.today,
        field: (path) => this.readPath(object, record, path, false)
      });
      if (value === null) return null;
      if (['Currency', 'Double', 'Int', 'Long', 'Percent'].includes(field.dataType)) {
        return typeof value === 'number' && Number.isFinite(value) ? value : null;
      }
      return value;
    } catch {
      return null;
    }
  }

  /** A field or a dotted path through parent relationships (Owner.ManagerId). */
  readPath(
    object: OrgObject,
    record: DatasetRecord,
    path: string,
    withFormulas = true
  ): FieldValue {
    const dot = path.indexOf('.');
    if (dot < 0) {
      const calculated = withFormulas && this.isCalculated(object, path);
      const value = (calculated ? this.calculated(object, record) : record)[path];
      return value === undefined ? null : value;
    }
    const parent = this.parent(object, record, path.slice(0, dot));
    return parent
      ? this.readPath(parent.object, parent.record, path.slice(dot + 1), withFormulas)
      : null;
  }

  isCalculated(object: OrgObject, fieldApiName: string): boolean {
    return this.calculatedFields.get(object.apiName)?.has(fieldApiName) ?? false;
  }

  // ---- Indexes ----------------------------------------------------------------------------

  /** The object's records in table order (insertion order), as an array. */
  tableOf(objectApiName: string): DatasetRecord[] {
    let rows = this.tableRows.get(objectApiName);
    if (!rows) {
      rows = [...this.rows(objectApiName)];
      this.tableRows.set(objectApiName, rows);
    }
    return rows;
  }

  /** Positions in tableOf() by the field's stored value (see indexKey). */
  equalityIndex(object: OrgObject, field: OrgField): EqualityIndex {
    let byField = this.equalityIndexes.get(object.apiName);
    if (!byField) {
      byField = new Map();
      this.equalityIndexes.set(object.apiName, byField);
    }
    let index = byField.get(field.apiName);
    if (!index) {
      index = new Map();
      const rows = this.tableOf(object.apiName);
      for (let position = 0; position < rows.length; position++) {
        const key = indexKey(field, rows[position][field.apiName] ?? null);
        const bucket = index.get(key);
        if (bucket) bucket.push(position);
        else index.set(key, [position]);
      }
      byField.set(field.apiName, index);
    }
    return index;
  }

  /** A Date field's values in ascending order, with positions in tableOf(). */
  dateIndex(object: OrgObject, field: OrgField): DateIndex {
    let byField = this.dateIndexes.get(object.apiName);
    if (!byField) {
      byField = new Map();
      this.dateIndexes.set(object.apiName, byField);
    }
    let index = byField.get(field.apiName);
    if (!index) {
      index = sortedDays(this.tableOf(object.apiName), field.apiName);
      byField.set(field.apiName, index);
    }
    return index;
  }

  /**
   * Builds, for objects of at least `minRecords` records, the indexes filters use (lookups,
   * checkboxes, picklists and Date fields), as a database keeps them: a large org then answers
   * its first queries as fast as the next ones.
   */
  prepareIndexes(minRecords = 10_000): void {
    for (const object of Object.values(this.model.objects)) {
      if (this.count(object.apiName) < minRecords) continue;
      for (const field of Object.values(object.fields)) {
        if (this.isCalculated(object, field.apiName)) continue;
        if (field.dataType === 'Date') this.dateIndex(object, field);
        else if (['Reference', 'Boolean', 'Picklist'].includes(field.dataType))
          this.equalityIndex(object, field);
      }
    }
  }

  /** Drops the object's table array and indexes: the next read rebuilds them. */
  private changed(objectApiName: string): void {
    this.tableRows.delete(objectApiName);
    this.equalityIndexes.delete(objectApiName);
    this.dateIndexes.delete(objectApiName);
  }

  relationshipField(object: OrgObject, relationshipName: string): OrgField | undefined {
    return this.relationshipFields.get(object.apiName)?.get(relationshipName);
  }

  parent(
    object: OrgObject,
    record: DatasetRecord,
    relationshipName: string
  ): StoredRecord | undefined {
    const field = this.relationshipField(object, relationshipName);
    if (!field) return undefined;
    const id = record[field.apiName];
    return typeof id === 'string' ? this.find(id) : undefined;
  }

  children(parentId: string, childObjectApiName: string, fieldName: string): DatasetRecord[] {
    const object = this.object(childObjectApiName);
    const field = object?.fields[fieldName];
    const result: DatasetRecord[] = [];
    if (!object || !field) return result;
    const rows = this.tableOf(childObjectApiName);
    for (const position of this.equalityIndex(object, field).get(indexKey(field, parentId)) ?? []) {
      if (rows[position][fieldName] === parentId) result.push(rows[position]);
    }
    return result;
  }

  nameOf(id: string): string | null {
    const found = this.find(id);
    if (!found) return null;
    const name = found.record[found.object.nameField];
    return name === null || name === undefined ? null : String(name);
  }

  // ---- Time -----------------------------------------------------------------------------

  /** Now, on the org's today: a deterministic clock so saved records sort and compare stably. */
  now(): string {
    this.clockTick++;
    const seconds = 12 * 3600 + this.clockTick;
    const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
    const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
    const ss = String(seconds % 60).padStart(2, '0');
    return `${this.today}T${hh}:${mm}:${ss}.000Z`;
  }

  // ---- Sharing --------------------------------------------------------------------------

  user(userId: string): DatasetRecord | undefined {
    return this.tables.get('User')?.get(userId);
  }

  /** The user and everyone who reports to them, directly or not (role hierarchy). */
  hierarchyBelow(userId: string): Set<string> {
    let cached = this.subordinates.get(userId);
    if (cached) return cached;
    cached = new Set([userId]);
    const queue = [userId];
    const users = [...this.rows('User')];
    while (queue.length > 0) {
      const managerId = queue.shift() as string;
      for (const user of users) {
        if (user.ManagerId === managerId && !cached.has(user.Id)) {
          cached.add(user.Id);
          queue.push(user.Id);
        }
      }
    }
    this.subordinates.set(userId, cached);
    return cached;
  }

  /** Users who manage someone get the manager permission sets; everyone else the rep one. */
  profileOf(userId: string): ProfileName {
    return this.hierarchyBelow(userId).size > 1 ? 'manager' : 'rep';
  }

  /** Private sharing: a record is visible to its owner and everyone above the owner. */
  canSee(userId: string, object: OrgObject, record: DatasetRecord): boolean {
    switch (object.ownership) {
      case 'public':
        return true;
      case 'owned':
        return (
          typeof record.OwnerId === 'string' && this.hierarchyBelow(userId).has(record.OwnerId)
        );
      case 'master': {
        const master = this.masterOf(object, record);
        return master ? this.canSee(userId, master.object, master.record) : false;
      }
    }
  }

  masterOf(object: OrgObject, record: DatasetRecord): StoredRecord | undefined {
    const masterField = Object.values(object.fields).find(
      (field) =>
        field.masterDetail || (object.apiName.endsWith('History') && field.apiName === 'ParentId')
    );
    const id = masterField ? record[masterField.apiName] : undefined;
    return typeof id === 'string' ? this.find(id) : undefined;
  }

  // ---- Writes (raw; checks live in writes.ts) -------------------------------------------

  newId(objectApiName: string): string {
    const sequence = (this.sequences.get(objectApiName) ?? 0) + 1;
    this.sequences.set(objectApiName, sequence);
    let id = recordId(objectApiName, sequence);
    // History objects share the 017 prefix; skip ids another object already took.
    while (this.objectById.has(id)) {
      const next = (this.sequences.get(objectApiName) ?? 0) + 1;
      this.sequences.set(objectApiName, next);
      id = recordId(objectApiName, next + 100_000);
    }
    return id;
  }

  /** Starts recording how to undo writes, for all-or-none GraphQL mutations. */
  beginTransaction(): void {
    this.undoLog = [];
  }

  endTransaction(commit: boolean): void {
    const log = this.undoLog ?? [];
    this.undoLog = null;
    if (!commit) for (const undo of log.reverse()) undo();
  }

  /** The next value of an auto-number field: one more than the highest number so far. */
  nextAutoNumber(object: OrgObject, field: OrgField): string {
    const format = /^(.*)\{(0+)\}(.*)$/.exec(field.autoNumberFormat ?? '');
    const [prefix, zeros, suffix] = format ? [format[1], format[2], format[3]] : ['', '0', ''];
    let highest = 0;
    for (const row of this.rows(object.apiName)) {
      const value = row[field.apiName];
      if (typeof value !== 'string' || !value.startsWith(prefix)) continue;
      const number = Number(value.slice(prefix.length, value.length - suffix.length));
      if (Number.isInteger(number)) highest = Math.max(highest, number);
    }
    return `${prefix}${String(highest + 1).padStart(zeros.length, '0')}${suffix}`;
  }

  insert(objectApiName: string, record: DatasetRecord): void {
    const table = this.tables.get(objectApiName);
    if (!table) throw new Error(`No table for ${objectApiName}`);
    this.undoLog?.push(() => this.remove(objectApiName, record.Id));
    table.set(record.Id, record);
    this.changed(objectApiName);
    this.objectById.set(record.Id, objectApiName);
    if (objectApiName === 'User') this.subordinates = new Map();
  }

  /** Replaces a record (a new object, so cached views of the old one are dropped). */
  replace(objectApiName: string, record: DatasetRecord): void {
    const previous = this.tables.get(objectApiName)?.get(record.Id);
    if (previous) this.undoLog?.push(() => this.replace(objectApiName, previous));
    this.tables.get(objectApiName)?.set(record.Id, record);
    this.changed(objectApiName);
    if (objectApiName === 'User') this.subordinates = new Map();
  }

  remove(objectApiName: string, id: string): void {
    const previous = this.tables.get(objectApiName)?.get(id);
    if (previous) this.undoLog?.push(() => this.insert(objectApiName, previous));
    this.tables.get(objectApiName)?.delete(id);
    this.changed(objectApiName);
    this.objectById.delete(id);
  }
}
