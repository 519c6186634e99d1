/**
 * Preview stand-in for `lightning/uiRecordApi`: record reads and writes against the in-memory
 * org, with the UI API's shapes — RecordRepresentation on success, a FetchResponse-like
 * error (status, body.output.errors / fieldErrors) on failure — and the user's field access.
 */
import { UiApiError } from '../../../org/errors';
import type { FieldReference, RecordRepresentation } from '../../../org/uiApi';
import { networkDelay, session } from '../../../runtime/runtime';
import { deepFreeze, refreshRecords, registerWire } from '../../../runtime/liveWires';

interface RecordInput {
  apiName?: string;
  fields: Record<string, unknown>;
}

type FieldId = { objectApiName: string; fieldApiName: string };
type WireEmit<T> = (value: { data: T | undefined; error: unknown }) => void;

/** Rejections carry plain objects, as the platform's do once they cross LDS. */
function plainError(error: unknown): unknown {
  return error instanceof UiApiError ? deepFreeze(error.toJSON()) : error;
}

async function call<T>(action: () => T): Promise<T> {
  await networkDelay();
  try {
    return deepFreeze(action());
  } catch (error) {
    throw plainError(error);
  }
}

export function createRecord(recordInput: RecordInput): Promise<RecordRepresentation> {
  return call(() => session().createRecord(recordInput));
}

export function updateRecord(recordInput: RecordInput): Promise<RecordRepresentation> {
  return call(() => session().updateRecord(recordInput));
}

export function deleteRecord(recordId: string): Promise<void> {
  return call(() => session().deleteRecord(recordId));
}

/** Tells LDS that records changed elsewhere: wires showing them are provisioned again. */
export async function notifyRecordUpdateAvailable(
  recordIds: { recordId: string }[]
): Promise<void> {
  await refreshRecords(recordIds.map((entry) => entry.recordId));
}

function pathOf(field: FieldReference): string[] {
  return typeof field === 'string' ? field.split('.').slice(1) : field.fieldApiName.split('.');
}

function walk(record: RecordRepresentation | null | undefined, field: FieldReference) {
  const path = pathOf(field);
  let current: RecordRepresentation | null | undefined = record;
  for (let i = 0; i < path.length - 1; i++) {
    const next = current?.fields[path[i]]?.value;
    current = next && typeof next === 'object' ? next : null;
  }
  return current?.fields[path[path.length - 1]];
}

export function getFieldValue(
  record: RecordRepresentation | null | undefined,
  field: FieldReference
): unknown {
  return walk(record, field)?.value;
}

export function getFieldDisplayValue(
  record: RecordRepresentation | null | undefined,
  field: FieldReference
): string | null | undefined {
  return walk(record, field)?.displayValue;
}

interface GetRecordConfig {
  recordId?: string;
  fields?: (FieldId | string)[];
  optionalFields?: (FieldId | string)[];
  layoutTypes?: string[];
}

class GetRecordWire {
  private config: GetRecordConfig | undefined;
  private version = 0;
  private unregister: (() => void) | null = null;

  constructor(private readonly emit: WireEmit<RecordRepresentation>) {}

  connect(): void {
    this.unregister = registerWire({
      includes: (recordId) => this.config?.recordId === recordId,
      refresh: () => this.run()
    });
  }

  disconnect(): void {
    this.unregister?.();
  }

  update(config: GetRecordConfig): void {
    this.config = config;
    void this.run();
  }

  async run(): Promise<void> {
    const config = this.config;
    if (!config?.recordId) return;
    const version = ++this.version;
    await networkDelay();
    if (version !== this.version) return;
    try {
      const optional = [...(config.optionalFields ?? [])];
      if (config.layoutTypes?.length) {
        const objectApiName = session().org.store.find(config.recordId)?.object.apiName;
        const info = objectApiName ? session().getObjectInfo(objectApiName) : undefined;
        optional.push(...Object.keys(info?.fields ?? {}).map((name) => `${objectApiName}.${name}`));
      }
      const data = session().getRecord(config.recordId, config.fields ?? [], optional);
      this.emit({ data: deepFreeze(data), error: undefined });
    } catch (error) {
      this.emit({ data: undefined, error: plainError(error) });
    }
  }
}

/** A one-shot wire: computes its value from the config, no change tracking needed. */
function simpleWire<TConfig, T>(compute: (config: TConfig) => T | undefined) {
  return class {
    private version = 0;

    constructor(private readonly emit: WireEmit<T>) {}

    connect(): void {}

    disconnect(): void {}

    update(config: TConfig): void {
      const version = ++this.version;
      void networkDelay().then(() => {
        if (version !== this.version) return;
        try {
          const data = compute(config);
          if (data !== undefined) this.emit({ data: deepFreeze(data), error: undefined });
        } catch (error) {
          this.emit({ data: undefined, error: plainError(error) });
        }
      });
    }
  };
}

function objectApiNameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'objectApiName' in value) {
    return String(value.objectApiName);
  }
  return undefined;
}

export const getObjectInfo = simpleWire((config: { objectApiName?: unknown }) => {
  const apiName = objectApiNameOf(config.objectApiName);
  return apiName ? session().getObjectInfo(apiName) : undefined;
});

export const getObjectInfos = simpleWire((config: { objectApiNames?: unknown[] }) => {
  const names = (config.objectApiNames ?? [])
    .map(objectApiNameOf)
    .filter((name): name is string => !!name);
  if (names.length === 0) return undefined;
  return {
    results: names.map((name) => {
      try {
        return { result: session().getObjectInfo(name), statusCode: 200 };
      } catch (error) {
        return {
          result: plainError(error),
          statusCode: error instanceof UiApiError ? error.status : 500
        };
      }
    })
  };
});

export const getPicklistValues = simpleWire(
  (config: { recordTypeId?: string; fieldApiName?: FieldReference }) =>
    config.recordTypeId && config.fieldApiName
      ? session().getPicklistValues(config.fieldApiName)
      : undefined
);

export const getPicklistValuesByRecordType = simpleWire(
  (config: { objectApiName?: unknown; recordTypeId?: string }) => {
    const apiName = objectApiNameOf(config.objectApiName);
    if (!apiName || !config.recordTypeId) return undefined;
    const info = session().getObjectInfo(apiName);
    const picklistFieldValues = Object.fromEntries(
      Object.values(info.fields)
        .filter((field) => field.dataType === 'Picklist' || field.dataType === 'MultiPicklist')
        .map((field) => [field.apiName, session().getPicklistValues(`${apiName}.${field.apiName}`)])
    );
    return { eTag: apiName, picklistFieldValues };
  }
);

interface GetRecordsConfig {
  records?: { recordIds: string[]; fields?: FieldReference[]; optionalFields?: FieldReference[] }[];
}

/** Batch reads: one result per record, each with its own status, as getRecords returns. */
export const getRecords = simpleWire((config: GetRecordsConfig) => {
  if (!config.records?.length) return undefined;
  return {
    results: config.records.flatMap((entry) =>
      entry.recordIds.map((recordId) => {
        try {
          return {
            statusCode: 200,
            result: session().getRecord(recordId, entry.fields ?? [], entry.optionalFields ?? [])
          };
        } catch (error) {
          return {
            statusCode: error instanceof UiApiError ? error.status : 500,
            result: plainError(error)
          };
        }
      })
    )
  };
});

export { GetRecordWire as getRecord };
