/**
 * Types for the Lightning data and navigation modules that @salesforce/lightning-types (0.8)
 * does not declare. Written once, from the documented APIs (LWC Developer Guide: "GraphQL Wire
 * Adapter", "lightning/uiRecordApi", "lightning/navigation", "Toast Notifications"), so every
 * component and test type-checks against the same contract. `@salesforce/user/Id` is already
 * declared by @salesforce/lightning-types and is not repeated here.
 */
/// <reference types="@salesforce/lightning-types" />

declare module 'lightning/graphql' {
  import type { WireAdapterConstructor } from 'lwc';
  /** A GraphQL error as the UI API returns it. */
  export interface GraphQLError {
    message: string;
    locations?: { line: number; column: number }[];
    path?: (string | number)[];
    extensions?: Record<string, unknown>;
    paths?: string[];
  }
  /** What the `graphql` wire adapter provisions. `refresh` re-runs the query. */
  export interface GraphQLResult<TData = unknown> {
    data?: TData;
    errors?: GraphQLError[] | readonly GraphQLError[];
    refresh?: () => Promise<void>;
  }
  /** A parsed query document; opaque to components. */
  export interface GraphQLDocument {
    readonly __graphqlDocument: true;
  }
  export interface GraphQLConfig {
    query: GraphQLDocument | undefined;
    variables?: Record<string, unknown>;
    operationName?: string;
  }
  /** Tagged template that parses a static query at compile time. */
  export function gql(strings: TemplateStringsArray, ...values: unknown[]): GraphQLDocument;
  /**
   * The wire adapter: `@wire(graphql, { query, variables: '$variables' })`. Declared as a wire
   * adapter constructor so `@wire` type-checks; the data is `any` here so each component types
   * its own response shape on the decorated method or property.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  export const graphql: WireAdapterConstructor<GraphQLConfig, GraphQLResult<any>>;
  /** Imperative mutation (Winter '25+): executes a mutation document. */
  export function executeMutation<TData = unknown>(config: {
    query: GraphQLDocument;
    variables?: Record<string, unknown>;
    operationName?: string;
  }): Promise<GraphQLResult<TData>>;
  /** Re-runs the wire that provisioned `result`. */
  export function refreshGraphQL(result: GraphQLResult): Promise<void>;
}

declare module 'lightning/uiRecordApi' {
  import type { WireAdapterConstructor } from 'lwc';
  /** A field reference imported from `@salesforce/schema/Object.Field`. */
  export interface FieldId {
    objectApiName: string;
    fieldApiName: string;
  }
  export interface ObjectId {
    objectApiName: string;
  }
  export interface FieldValueRepresentation {
    value: unknown;
    displayValue: string | null;
  }
  export interface RecordRepresentation {
    apiName: string;
    id: string;
    fields: Record<string, FieldValueRepresentation>;
    childRelationships?: Record<string, unknown>;
    lastModifiedDate?: string;
    recordTypeId?: string | null;
    systemModstamp?: string;
  }
  export interface RecordInput {
    apiName?: string;
    fields: Record<string, unknown>;
    allowSaveOnDuplicate?: boolean;
  }
  export interface WireResult<T> {
    data?: T;
    error?: unknown;
  }
  export function createRecord(recordInput: RecordInput): Promise<RecordRepresentation>;
  export function updateRecord(
    recordInput: RecordInput,
    clientOptions?: { ifUnmodifiedSince?: string }
  ): Promise<RecordRepresentation>;
  export function deleteRecord(recordId: string): Promise<void>;
  /** Wire adapter: `@wire(getRecord, { recordId: '$recordId', fields: [...] })`. */
  export const getRecord: WireAdapterConstructor<
    {
      recordId: string | undefined;
      fields?: (FieldId | string)[];
      optionalFields?: (FieldId | string)[];
      layoutTypes?: string[];
      modes?: string[];
    },
    WireResult<RecordRepresentation>
  >;
  export function getFieldValue(
    record: RecordRepresentation | undefined | null,
    field: FieldId | string
  ): unknown;
  export function getFieldDisplayValue(
    record: RecordRepresentation | undefined | null,
    field: FieldId | string
  ): string | null | undefined;
  export function notifyRecordUpdateAvailable(recordIds: { recordId: string }[]): Promise<void>;
  /** Wire adapter for the object's metadata, including field-level access. */
  export const getObjectInfo: WireAdapterConstructor<
    { objectApiName: ObjectId | string | undefined },
    WireResult<ObjectInfo>
  >;
  export interface ObjectInfoField {
    apiName: string;
    label: string;
    dataType: string;
    required: boolean;
    updateable: boolean;
    createable: boolean;
    inlineHelpText?: string | null;
    /** Text fields: the most characters the field holds (0 when not text). */
    length?: number;
    /** Number fields: digits in all, and after the decimal point (0 when not a number). */
    precision?: number;
    scale?: number;
  }
  export interface ObjectInfo {
    apiName: string;
    label: string;
    labelPlural: string;
    createable: boolean;
    updateable: boolean;
    deletable: boolean;
    fields: Record<string, ObjectInfoField>;
    defaultRecordTypeId?: string;
  }
  export interface PicklistValue {
    label: string;
    value: string;
    attributes?: unknown;
    validFor?: number[];
  }
  export interface PicklistValues {
    values: PicklistValue[];
    defaultValue?: PicklistValue | null;
    controllerValues?: Record<string, number>;
  }
  export const getPicklistValues: WireAdapterConstructor<
    { recordTypeId: string | undefined; fieldApiName: FieldId | string },
    WireResult<PicklistValues>
  >;
  /** Every picklist of an object for one record type. */
  export const getPicklistValuesByRecordType: WireAdapterConstructor<
    { objectApiName: ObjectId | string | undefined; recordTypeId: string | undefined },
    WireResult<{ picklistFieldValues: Record<string, PicklistValues> }>
  >;
}

declare module 'lightning/uiObjectInfoApi' {
  export {
    getObjectInfo,
    getPicklistValues,
    getPicklistValuesByRecordType
  } from 'lightning/uiRecordApi';
  export type {
    ObjectInfo,
    ObjectInfoField,
    PicklistValue,
    PicklistValues
  } from 'lightning/uiRecordApi';
}

declare module 'lightning/navigation' {
  import type { LightningElement, WireAdapterConstructor } from 'lwc';
  /** A PageReference (standard__recordPage, standard__objectPage, standard__namedPage, …). */
  export interface PageReference {
    type: string;
    attributes: Record<string, string | undefined>;
    state?: Record<string, string | undefined>;
  }
  // A mixin's base constructor must accept any arguments (TypeScript's mixin pattern).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Constructor<T> = new (...args: any[]) => T;
  export interface NavigationMixinApi {
    [NavigationMixin.Navigate](pageReference: PageReference, replace?: boolean): void;
    [NavigationMixin.GenerateUrl](pageReference: PageReference): Promise<string>;
  }
  export const NavigationMixin: {
    <T extends Constructor<LightningElement>>(base: T): T & Constructor<NavigationMixinApi>;
    readonly Navigate: unique symbol;
    readonly GenerateUrl: unique symbol;
  };
  /** Wire adapter for the current page's PageReference. */
  export const CurrentPageReference: WireAdapterConstructor<
    Record<string, never>,
    PageReference | undefined
  >;
}

declare module 'lightning/platformShowToastEvent' {
  export type ToastVariant = 'info' | 'success' | 'warning' | 'error';
  export type ToastMode = 'dismissible' | 'pester' | 'sticky';
  export interface ShowToastEventDetail {
    title: string;
    message?: string;
    messageData?: (string | { url: string; label: string })[];
    variant?: ToastVariant;
    mode?: ToastMode;
  }
  export class ShowToastEvent extends CustomEvent<ShowToastEventDetail> {
    constructor(detail: ShowToastEventDetail);
  }
}

declare module '@salesforce/label/*' {
  const label: string;
  export default label;
}

declare module '@salesforce/schema/*' {
  import type { FieldId } from 'lightning/uiRecordApi';
  const field: FieldId & { objectApiName: string };
  export default field;
}

declare module '@salesforce/resourceUrl/*' {
  const url: string;
  export default url;
}

declare module 'lightning/actions' {
  /** Fired by a quick action's (ScreenAction) component to close the action's modal. */
  export class CloseActionScreenEvent extends CustomEvent<null> {
    constructor();
  }
}
