/**
 * UI API representations: records as getRecord returns them, and object info (with the
 * field-level security of the asking user) as getObjectInfo returns it.
 */
import type { DatasetRecord, FieldValue } from '../../data/dataset';
import { simpleError } from './errors';
import { currencyDisplayValue } from './currency';
import { displayValueOf } from './format';
import {
  createAccess,
  fieldAccess,
  objectAccess,
  type OrgField,
  type OrgObject,
  type PermissionProfile
} from './model';
import type { OrgStore } from './store';

export interface FieldValueRepresentation {
  displayValue: string | null;
  value: FieldValue | RecordRepresentation;
}

export interface RecordRepresentation {
  apiName: string;
  childRelationships: Record<string, unknown>;
  eTag: string;
  fields: Record<string, FieldValueRepresentation>;
  id: string;
  lastModifiedById: string | null;
  lastModifiedDate: string | null;
  recordTypeId: string;
  recordTypeInfo: null;
  systemModstamp: string | null;
  weakEtag: number;
}

/** The master record type every object without record types reports. */
export const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

export interface ReadContext {
  store: OrgStore;
  profile: PermissionProfile;
  userId: string;
}

function weakEtag(record: DatasetRecord): number {
  const modified = record.LastModifiedDate ?? record.CreatedDate;
  return typeof modified === 'string' ? Date.parse(modified) : 0;
}

function emptyRepresentation(object: OrgObject, record: DatasetRecord): RecordRepresentation {
  const modified = typeof record.LastModifiedDate === 'string' ? record.LastModifiedDate : null;
  return {
    apiName: object.apiName,
    childRelationships: {},
    eTag: `${record.Id}-${weakEtag(record)}`,
    fields: {},
    id: record.Id,
    lastModifiedById: typeof record.LastModifiedById === 'string' ? record.LastModifiedById : null,
    lastModifiedDate: modified,
    recordTypeId: MASTER_RECORD_TYPE_ID,
    recordTypeInfo: null,
    systemModstamp: modified,
    weakEtag: weakEtag(record)
  };
}

/** A field path relative to the object: 'Name', 'Owner.Name', 'Account.Owner.Name'. */
function addPath(
  context: ReadContext,
  representation: RecordRepresentation,
  object: OrgObject,
  record: DatasetRecord,
  path: string[]
): 'ok' | 'missing' | 'forbidden' {
  const [head, ...rest] = path;
  if (rest.length === 0) {
    const field = object.fields[head];
    if (!field) return 'missing';
    if (!fieldAccess(context.profile, object, field).read) return 'forbidden';
    const value = context.store.readPath(object, record, head);
    representation.fields[head] = {
      displayValue: displayValueFor(context, object, record, field, value),
      value
    };
    return 'ok';
  }
  const relationship = context.store.relationshipField(object, head);
  if (!relationship) return 'missing';
  if (!fieldAccess(context.profile, object, relationship).read) return 'forbidden';
  const parent = context.store.parent(object, record, head);
  const existing = representation.fields[head];
  if (!parent || !context.store.canSee(context.userId, parent.object, parent.record)) {
    if (!existing) representation.fields[head] = { displayValue: null, value: null };
    return 'ok';
  }
  let nested = existing?.value as RecordRepresentation | null | undefined;
  if (!nested) {
    nested = emptyRepresentation(parent.object, parent.record);
    representation.fields[head] = {
      displayValue: context.store.nameOf(parent.record.Id),
      value: nested
    };
  }
  return addPath(context, nested, parent.object, parent.record, rest);
}

function displayValueFor(
  context: ReadContext,
  object: OrgObject,
  record: DatasetRecord,
  field: OrgField,
  value: FieldValue
): string | null {
  if (field.dataType === 'Reference' && typeof value === 'string') return null;
  // In the record's own currency (with its ISO code in a multi-currency org).
  if (field.dataType === 'Currency') {
    return currencyDisplayValue(
      context.store,
      object,
      record,
      field.apiName,
      value,
      field.scale ?? 2
    );
  }
  return displayValueOf(field, value);
}

function fieldPath(
  objectApiName: string,
  field: string | { objectApiName: string; fieldApiName: string }
): string[] {
  const text = typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`;
  const parts = text.split('.');
  return parts[0] === objectApiName ? parts.slice(1) : parts;
}

export type FieldReference = string | { objectApiName: string; fieldApiName: string };

export function recordRepresentation(
  context: ReadContext,
  recordId: string,
  fields: FieldReference[] = [],
  optionalFields: FieldReference[] = []
): RecordRepresentation {
  const found = context.store.find(recordId);
  if (!found || !context.store.canSee(context.userId, found.object, found.record)) {
    throw simpleError(404, 'Not Found', 'NOT_FOUND', 'The requested resource does not exist');
  }
  const { object, record } = found;
  const representation = emptyRepresentation(object, record);
  const problems: string[] = [];
  for (const field of fields) {
    const outcome = addPath(
      context,
      representation,
      object,
      record,
      fieldPath(object.apiName, field)
    );
    if (outcome !== 'ok') problems.push(fieldPath(object.apiName, field).join('.'));
  }
  for (const field of optionalFields) {
    addPath(context, representation, object, record, fieldPath(object.apiName, field));
  }
  if (problems.length > 0) {
    throw simpleError(
      400,
      'Bad Request',
      'INVALID_FIELD',
      `No such column '${problems[0]}' on entity '${object.apiName}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`
    );
  }
  return representation;
}

/** Every readable field of a record (what a save returns). */
export function fullRepresentation(
  context: ReadContext,
  object: OrgObject,
  record: DatasetRecord
): RecordRepresentation {
  const readable = Object.values(object.fields)
    .filter((field) => fieldAccess(context.profile, object, field).read)
    .map((field) => field.apiName);
  return recordRepresentation(context, record.Id, [], readable);
}

export interface ObjectInfoFieldRepresentation {
  apiName: string;
  calculated: boolean;
  compound: boolean;
  createable: boolean;
  custom: boolean;
  dataType: string;
  filterable: boolean;
  inlineHelpText: string | null;
  label: string;
  length: number;
  nameField: boolean;
  polymorphicForeignKey: boolean;
  precision: number;
  reference: boolean;
  referenceToInfos: { apiName: string; nameFields: string[] }[];
  relationshipName: string | null;
  required: boolean;
  scale: number;
  sortable: boolean;
  updateable: boolean;
}

export interface ObjectInfoRepresentation {
  apiName: string;
  associateEntityType: null;
  associateParentEntity: null;
  childRelationships: { childObjectApiName: string; fieldName: string; relationshipName: string }[];
  createable: boolean;
  custom: boolean;
  defaultRecordTypeId: string;
  deletable: boolean;
  dependentFields: Record<string, never>;
  feedEnabled: boolean;
  fields: Record<string, ObjectInfoFieldRepresentation>;
  keyPrefix: string;
  label: string;
  labelPlural: string;
  layoutable: boolean;
  mruEnabled: boolean;
  nameFields: string[];
  queryable: boolean;
  recordTypeInfos: Record<
    string,
    {
      available: boolean;
      defaultRecordTypeMapping: boolean;
      master: boolean;
      name: string;
      recordTypeId: string;
    }
  >;
  searchable: boolean;
  themeInfo: null;
  updateable: boolean;
}

export function objectInfo(context: ReadContext, objectApiName: string): ObjectInfoRepresentation {
  const object = context.store.object(objectApiName);
  const access = object ? objectAccess(context.profile, object) : undefined;
  if (!object || !access?.read) {
    throw simpleError(
      403,
      'Forbidden',
      'INSUFFICIENT_ACCESS',
      `You don't have access to the ${objectApiName} object.`
    );
  }
  const fields: Record<string, ObjectInfoFieldRepresentation> = {};
  for (const field of Object.values(object.fields)) {
    const fieldGrant = fieldAccess(context.profile, object, field);
    if (!fieldGrant.read) continue;
    const isReference = field.dataType === 'Reference';
    fields[field.apiName] = {
      apiName: field.apiName,
      calculated: field.formula !== null,
      compound: false,
      createable: createAccess(context.profile, object, field),
      custom: field.custom,
      dataType: field.dataType,
      filterable: !['LongTextArea', 'RichTextArea'].includes(field.dataType),
      inlineHelpText: field.inlineHelpText,
      label: field.label,
      length: field.length ?? 0,
      nameField: field.apiName === object.nameField,
      polymorphicForeignKey: field.referenceTo.length > 1,
      precision: field.precision ?? (field.dataType === 'Currency' ? 18 : 0),
      reference: isReference,
      referenceToInfos: field.referenceTo.map((apiName) => ({ apiName, nameFields: ['Name'] })),
      relationshipName: field.relationshipName,
      required: field.required,
      scale: field.scale ?? 0,
      sortable: !['LongTextArea', 'RichTextArea', 'MultiPicklist'].includes(field.dataType),
      updateable: access.edit && fieldGrant.edit && field.updateable
    };
  }
  return {
    apiName: object.apiName,
    associateEntityType: null,
    associateParentEntity: null,
    childRelationships: object.childRelationships.map((relationship) => ({
      childObjectApiName: relationship.childObjectApiName,
      fieldName: relationship.fieldName,
      relationshipName: relationship.relationshipName
    })),
    createable: access.create,
    custom: object.custom,
    defaultRecordTypeId: MASTER_RECORD_TYPE_ID,
    deletable: access.delete,
    dependentFields: {},
    feedEnabled: false,
    fields,
    keyPrefix: object.keyPrefix,
    label: object.label,
    labelPlural: object.labelPlural,
    layoutable: true,
    mruEnabled: true,
    nameFields: [object.nameField],
    queryable: true,
    recordTypeInfos: {
      [MASTER_RECORD_TYPE_ID]: {
        available: true,
        defaultRecordTypeMapping: true,
        master: true,
        name: 'Master',
        recordTypeId: MASTER_RECORD_TYPE_ID
      }
    },
    searchable: true,
    themeInfo: null,
    updateable: access.edit
  };
}

export interface PicklistValuesRepresentation {
  controllerValues: Record<string, number>;
  defaultValue: { attributes: null; label: string; validFor: number[]; value: string } | null;
  eTag: string;
  url: string;
  values: { attributes: null; label: string; validFor: number[]; value: string }[];
}

export function picklistValues(
  context: ReadContext,
  field: FieldReference
): PicklistValuesRepresentation {
  const [objectApiName, fieldApiName] =
    typeof field === 'string' ? field.split('.') : [field.objectApiName, field.fieldApiName];
  const object = context.store.object(objectApiName);
  const orgField = object?.fields[fieldApiName];
  if (!object || !orgField || !fieldAccess(context.profile, object, orgField).read) {
    throw simpleError(404, 'Not Found', 'NOT_FOUND', 'The requested resource does not exist');
  }
  const values = orgField.picklistValues.map((entry) => ({
    attributes: null,
    label: entry.label,
    validFor: [],
    value: entry.value
  }));
  const defaultEntry = orgField.picklistValues.find((entry) => entry.default);
  return {
    controllerValues: {},
    defaultValue: defaultEntry
      ? { attributes: null, label: defaultEntry.label, validFor: [], value: defaultEntry.value }
      : null,
    eTag: `${objectApiName}.${fieldApiName}`,
    url: `/services/data/v62.0/ui-api/object-info/${objectApiName}/picklist-values/${MASTER_RECORD_TYPE_ID}/${fieldApiName}`,
    values
  };
}
