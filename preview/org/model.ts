/**
 * The schema the in-memory org runs on: objects, fields, validation rules, before-save Flows and
 * permission profiles in the UI API's vocabulary (dataType 'Currency', 'Reference', …). It is
 * derived from the metadata in force-app (see fromMetadata.ts), never written by hand, so a
 * field or Flow missing from the metadata is missing here too.
 */
import type { FieldValue } from '../../data/dataset';

export type UiDataType =
  | 'Id'
  | 'Reference'
  | 'String'
  | 'TextArea'
  | 'LongTextArea'
  | 'RichTextArea'
  | 'Email'
  | 'Phone'
  | 'Url'
  | 'Picklist'
  | 'MultiPicklist'
  | 'Boolean'
  | 'Currency'
  | 'Double'
  | 'Int'
  | 'Long'
  | 'Percent'
  | 'Date'
  | 'DateTime'
  | 'Time'
  /** History OldValue/NewValue: the UI API's AnyType union (a value of any of five types). */
  | 'AnyType';

export interface PicklistEntry {
  value: string;
  label: string;
  default?: boolean;
}

export interface OrgField {
  apiName: string;
  label: string;
  dataType: UiDataType;
  custom: boolean;
  /** Required on create and update (a required custom field, or a master-detail). */
  required: boolean;
  createable: boolean;
  updateable: boolean;
  /** For references: the objects it may point to. */
  referenceTo: string[];
  /** For references: the parent relationship name (Owner, Account, Rep__r). */
  relationshipName: string | null;
  /** For references: the child relationship name seen from the parent (Coaching_Sessions__r). */
  childRelationshipName: string | null;
  masterDetail: boolean;
  picklistValues: PicklistEntry[];
  restrictedPicklist: boolean;
  /** Formula text when the field is calculated by the platform. */
  formula: string | null;
  trackHistory: boolean;
  scale: number | null;
  /** Number fields: digits in all (the metadata's precision); null when not a number. */
  precision: number | null;
  length: number | null;
  defaultValue: FieldValue | undefined;
  /** Unique fields reject a second record with the same value (case-insensitive). */
  unique: boolean;
  /** Auto-number fields (a Name like CS-{000000}): the platform numbers new records. */
  autoNumberFormat: string | null;
  inlineHelpText: string | null;
}

export interface ChildRelationship {
  relationshipName: string;
  childObjectApiName: string;
  fieldName: string;
}

export interface OrgObject {
  apiName: string;
  label: string;
  labelPlural: string;
  custom: boolean;
  keyPrefix: string;
  nameField: string;
  fields: Record<string, OrgField>;
  childRelationships: ChildRelationship[];
  /** The history object that records changes to tracked fields, when any field is tracked. */
  historyObject: string | null;
  /** Whether records are owned (OwnerId) or belong to a master record. */
  ownership: 'owned' | 'master' | 'public';
}

export interface OrgValidationRule {
  objectApiName: string;
  name: string;
  active: boolean;
  formula: string;
  message: string;
  displayField: string | null;
}

/** A start condition of a record-triggered Flow: `<field> IsNull <value>`. */
export interface OrgFlowCondition {
  field: string;
  operator: 'IsNull';
  value: boolean;
}

/** An assignment of a before-save Flow: `$Record.<field>` takes `$Record.<fromField>`. */
export interface OrgFlowAssignment {
  field: string;
  fromField: string;
}

/**
 * An active before-save record-triggered Flow, as far as the package uses them: start
 * conditions joined by AND, then a chain of assignments from the record's own fields.
 */
export interface OrgRecordFlow {
  /** The Flow's API name (its file name). */
  name: string;
  objectApiName: string;
  recordTriggerType: 'Create' | 'Update' | 'CreateAndUpdate';
  conditions: OrgFlowCondition[];
  assignments: OrgFlowAssignment[];
}

export interface ObjectPermission {
  read: boolean;
  create: boolean;
  edit: boolean;
  delete: boolean;
}

export interface FieldPermission {
  read: boolean;
  edit: boolean;
}

/** What one persona's permission sets grant, per object and per field ('Object.Field'). */
export interface PermissionProfile {
  name: string;
  objects: Record<string, ObjectPermission>;
  fields: Record<string, FieldPermission>;
}

export type ProfileName = 'manager' | 'rep';

export interface OrgModel {
  objects: Record<string, OrgObject>;
  validationRules: OrgValidationRule[];
  /** Before-save Flows, run in name order (the platform gives no order between Flows). */
  recordFlows: OrgRecordFlow[];
  profiles: Record<ProfileName, PermissionProfile>;
}

/** Object-level access: standard objects without a grant stay readable (org defaults). */
export function objectAccess(profile: PermissionProfile, object: OrgObject): ObjectPermission {
  const granted = profile.objects[object.apiName];
  if (granted) return granted;
  if (object.custom) return { read: false, create: false, edit: false, delete: false };
  return { read: true, create: false, edit: false, delete: false };
}

/** Field-level security: custom fields need a grant; standard fields follow the object. */
export function fieldAccess(
  profile: PermissionProfile,
  object: OrgObject,
  field: OrgField
): FieldPermission {
  const objectGrant = objectAccess(profile, object);
  if (!objectGrant.read) return { read: false, edit: false };
  if (field.apiName === 'Id' || field.apiName === object.nameField) {
    return { read: true, edit: objectGrant.edit && field.updateable };
  }
  const granted = profile.fields[`${object.apiName}.${field.apiName}`];
  if (granted) {
    return { read: granted.read, edit: granted.edit && field.updateable && !field.formula };
  }
  // Master-detail and required fields are always visible to whoever can read the object.
  if (!field.custom || field.masterDetail || field.required) {
    return { read: true, edit: objectGrant.edit && field.updateable && !field.formula };
  }
  return { read: false, edit: false };
}

/**
 * Whether the user may set a field when creating a record. Creating needs the object's Create
 * permission, not Edit: a user who may create but not edit (a log such as a plan review) sets
 * the fields their field-level security lets them edit, and the fields that have none (standard,
 * required and master-detail fields) with the record.
 */
export function createAccess(
  profile: PermissionProfile,
  object: OrgObject,
  field: OrgField
): boolean {
  if (!objectAccess(profile, object).create || !field.createable || field.formula) return false;
  const granted = profile.fields[`${object.apiName}.${field.apiName}`];
  if (granted) return granted.read && granted.edit;
  return !field.custom || field.masterDetail || field.required;
}
