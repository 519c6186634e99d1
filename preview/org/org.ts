/**
 * The in-memory org: the sample dataset behind the preview's lightning/graphql and
 * lightning/uiRecordApi, runnable in Node for tests and benchmarks.
 *
 *   const org = new InMemoryOrg(model, dataset);
 *   const session = org.session(userId);          // sharing and FLS of that user
 *   session.graphql({ query, variables });        // { data, errors } as the UI API answers
 *   session.createRecord({ apiName, fields });    // RecordRepresentation, or throws UiApiError
 *
 * `org.stats` counts requests and response bytes (the scorecard benchmark reads them), and
 * `org.failNext('query' | 'write')` makes the next request fail like an unavailable server.
 */
import {
  GraphQLError,
  GraphQLSchema,
  Kind,
  OperationTypeNode,
  TypeInfo,
  executeSync,
  parse,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FormattedExecutionResult
} from 'graphql';
import type { Dataset, FieldValue } from '../../data/dataset';
import { INJECTED_FAILURE_MESSAGE, injectedFailure, UiApiError } from './errors';
import type { OrgModel, PermissionProfile, ProfileName } from './model';
import { buildSchema, type GraphQLContext } from './schema';
import { OrgStore } from './store';
import {
  fullRepresentation,
  objectInfo,
  picklistValues,
  recordRepresentation,
  type FieldReference,
  type ObjectInfoRepresentation,
  type PicklistValuesRepresentation,
  type RecordRepresentation
} from './uiApi';
import { createRecord, deleteRecord, updateRecord, type OrgChange } from './writes';

export type { OrgChange } from './writes';
export type FailureKind = 'query' | 'write';

export interface GraphQLRequest {
  query: string | DocumentNode;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export interface OrgStats {
  /** Every API call: GraphQL queries and mutations, record reads and writes, object info. */
  requests: number;
  graphqlQueries: number;
  writes: number;
  /** UTF-8 size of the JSON responses, what a browser would download. */
  responseBytes: number;
}

export interface RecordInput {
  apiName?: string;
  fields: Record<string, unknown>;
}

const encoder = new TextEncoder();

export class InMemoryOrg {
  readonly store: OrgStore;
  readonly stats: OrgStats = { requests: 0, graphqlQueries: 0, writes: 0, responseBytes: 0 };
  /** Every successful write, in order; the preview persists it to survive a reload. */
  readonly journal: OrgChange[] = [];
  private readonly schemas = new Map<ProfileName, GraphQLSchema>();
  /** Injected failures waiting, in order: let `skip` requests through, then fail `fail`. */
  private readonly pending: Record<FailureKind, { skip: number; fail: number }[]> = {
    query: [],
    write: []
  };
  private readonly failingOperations = new Set<string>();
  private readonly listeners = new Set<(change: OrgChange) => void>();

  constructor(
    readonly model: OrgModel,
    dataset: Dataset,
    /** adopt: keep the dataset's records rather than copy them (a dataset made for this org). */
    options: { today?: string; adopt?: boolean } = {}
  ) {
    this.store = new OrgStore(model, dataset, options.today, options.adopt);
  }

  get today(): string {
    return this.store.today;
  }

  session(userId: string): OrgSession {
    if (!this.store.user(userId)) throw new Error(`No user ${userId} in the org`);
    return new OrgSession(this, userId);
  }

  /**
   * The next `count` requests of this kind fail with a 503-style error — after `after` more
   * succeed, so a test can fail the second write of a save, or the seventh.
   */
  failNext(kind: FailureKind, count = 1, after = 0): void {
    this.pending[kind].push({ skip: after, fail: count });
  }

  /**
   * Every request of the named GraphQL operation fails from now on, as in an org that cannot
   * answer that query (an object the UI API does not expose there, say).
   */
  failOperation(operationName: string): void {
    this.failingOperations.add(operationName);
  }

  /** The server is back: pending failures and failing operations are forgotten. */
  recover(): void {
    this.pending.query.length = 0;
    this.pending.write.length = 0;
    this.failingOperations.clear();
  }

  /** @internal */
  failsOperation(document: DocumentNode): boolean {
    return document.definitions.some(
      (definition) =>
        definition.kind === Kind.OPERATION_DEFINITION &&
        definition.name !== undefined &&
        this.failingOperations.has(definition.name.value)
    );
  }

  /** Consumes one pending failure of this kind, if any. */
  takeFailure(kind: FailureKind): boolean {
    const next = this.pending[kind][0];
    if (!next) return false;
    if (next.skip > 0) {
      next.skip--;
      return false;
    }
    next.fail--;
    if (next.fail <= 0) this.pending[kind].shift();
    return true;
  }

  onChange(listener: (change: OrgChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** @internal */
  emit(changes: OrgChange[]): void {
    for (const change of changes) {
      this.journal.push(change);
      for (const listener of this.listeners) listener(change);
    }
  }

  schemaFor(profileName: ProfileName): GraphQLSchema {
    let schema = this.schemas.get(profileName);
    if (!schema) {
      schema = buildSchema(this.model, this.model.profiles[profileName]);
      this.schemas.set(profileName, schema);
    }
    return schema;
  }

  /** @internal */
  count<T>(response: T, kind: 'graphql' | 'write' | 'other', json?: string): T {
    this.stats.requests++;
    if (kind === 'graphql') this.stats.graphqlQueries++;
    if (kind === 'write') this.stats.writes++;
    this.stats.responseBytes += encoder.encode(json ?? JSON.stringify(response ?? null)).length;
    return response;
  }

  /**
   * Re-applies journalled writes (as the user who made them) after a reload; entries that no
   * longer apply are dropped. Listeners are not told: nothing is rendered yet.
   */
  replay(journal: OrgChange[]): void {
    for (const change of journal) {
      const session = this.session(change.userId);
      try {
        if (change.action === 'create')
          session.createRecord({ apiName: change.objectApiName, fields: change.fields }, false);
        else if (change.action === 'update')
          session.updateRecord({ fields: { ...change.fields, Id: change.recordId } }, false);
        else session.deleteRecord(change.recordId, false);
        this.journal.push(change);
      } catch {
        // The dataset changed under the journal; skip what no longer fits.
      }
    }
  }
}

/** Drops fields marked @optional that the user's schema does not have, as the UI API does. */
export function withoutHiddenOptionalFields(
  schema: GraphQLSchema,
  document: DocumentNode
): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const optional = node.directives?.some((directive) => directive.name.value === 'optional');
        if (optional && !typeInfo.getFieldDef()) return null;
        return undefined;
      }
    })
  );
}

function formatErrors(errors: readonly GraphQLError[]): FormattedExecutionResult['errors'] {
  // graphql-js appends spelling suggestions ("Did you mean …?") that the org does not send.
  return errors.map((error) => {
    const formatted = error.toJSON();
    return { ...formatted, message: formatted.message.replace(/ Did you mean .*\?$/, '') };
  });
}

export class OrgSession {
  readonly profileName: ProfileName;

  constructor(
    readonly org: InMemoryOrg,
    readonly userId: string
  ) {
    this.profileName = org.store.profileOf(userId);
  }

  get profile(): PermissionProfile {
    return this.org.model.profiles[this.profileName];
  }

  private get readContext() {
    return { store: this.org.store, profile: this.profile, userId: this.userId };
  }

  /** Executes a GraphQL query or mutation; never throws, errors come back in `errors`. */
  graphql(request: GraphQLRequest): FormattedExecutionResult {
    const schema = this.org.schemaFor(this.profileName);
    let document: DocumentNode;
    try {
      document = typeof request.query === 'string' ? parse(request.query) : request.query;
    } catch (error) {
      return this.org.count({ errors: formatErrors([error as GraphQLError]) }, 'graphql');
    }
    const isMutation = document.definitions.some(
      (definition) =>
        definition.kind === Kind.OPERATION_DEFINITION &&
        definition.operation === OperationTypeNode.MUTATION
    );
    if (this.org.failsOperation(document) || this.org.takeFailure(isMutation ? 'write' : 'query')) {
      const failure = new GraphQLError(INJECTED_FAILURE_MESSAGE, {
        extensions: { errorCode: 'SERVICE_UNAVAILABLE', statusCode: 503 }
      });
      return this.org.count({ errors: formatErrors([failure]) }, isMutation ? 'write' : 'graphql');
    }
    document = withoutHiddenOptionalFields(schema, document);
    const validationErrors = validate(schema, document);
    if (validationErrors.length > 0) {
      return this.org.count({ errors: formatErrors(validationErrors) }, 'graphql');
    }
    const context: GraphQLContext = {
      store: this.org.store,
      profile: this.profile,
      userId: this.userId,
      rawVariables: request.variables ?? {},
      changes: []
    };
    if (isMutation) this.org.store.beginTransaction();
    const result = executeSync({
      schema,
      document,
      variableValues: request.variables ?? undefined,
      operationName: request.operationName ?? undefined,
      contextValue: context
    });
    const formatted: FormattedExecutionResult = {
      data: result.data,
      ...(result.errors ? { errors: formatErrors(result.errors) } : {})
    };
    // A mutation is all-or-none by default: on any error nothing is kept.
    if (isMutation) {
      const commit = !result.errors;
      this.org.store.endTransaction(commit);
      if (!commit) context.changes.length = 0;
    }
    this.org.emit(context.changes);
    // Serialised once: what the browser downloads, counted, and parsed back as the response.
    const json = JSON.stringify(formatted);
    return this.org.count(
      JSON.parse(json) as FormattedExecutionResult,
      isMutation ? 'write' : 'graphql',
      json
    );
  }

  private guardWrite(): void {
    if (this.org.takeFailure('write')) throw this.org.count(injectedFailure(), 'write');
  }

  private guardRead(): void {
    if (this.org.takeFailure('query')) throw this.org.count(injectedFailure(), 'other');
  }

  private writeContext() {
    return { store: this.org.store, profile: this.profile, userId: this.userId };
  }

  private counted<T>(kind: 'write' | 'other', action: () => T): T {
    try {
      return this.org.count(action(), kind);
    } catch (error) {
      if (error instanceof UiApiError) this.org.count(error.toJSON(), kind);
      throw error;
    }
  }

  createRecord(input: RecordInput, notify = true): RecordRepresentation {
    const apiName = input.apiName ?? '';
    this.guardWrite();
    return this.counted('write', () => {
      const record = createRecord(this.writeContext(), apiName, input.fields);
      const change: OrgChange = {
        action: 'create',
        objectApiName: apiName,
        recordId: record.Id,
        fields: input.fields as Record<string, FieldValue>,
        userId: this.userId
      };
      if (notify) this.org.emit([change]);
      const object = this.org.store.object(apiName);
      return object
        ? fullRepresentation(this.readContext, object, record)
        : recordRepresentation(this.readContext, record.Id);
    });
  }

  updateRecord(input: RecordInput, notify = true): RecordRepresentation {
    this.guardWrite();
    return this.counted('write', () => {
      const { Id, ...fields } = input.fields;
      const record = updateRecord(this.writeContext(), String(Id), fields);
      const found = this.org.store.find(record.Id);
      if (notify && found) {
        this.org.emit([
          {
            action: 'update',
            objectApiName: found.object.apiName,
            recordId: record.Id,
            fields: fields as Record<string, FieldValue>,
            userId: this.userId
          }
        ]);
      }
      return found
        ? fullRepresentation(this.readContext, found.object, record)
        : recordRepresentation(this.readContext, record.Id);
    });
  }

  deleteRecord(recordId: string, notify = true): void {
    this.guardWrite();
    const found = this.org.store.find(recordId);
    this.counted('write', () => {
      deleteRecord(this.writeContext(), recordId);
      return null;
    });
    if (notify && found) {
      this.org.emit([
        {
          action: 'delete',
          objectApiName: found.object.apiName,
          recordId,
          fields: {},
          userId: this.userId
        }
      ]);
    }
  }

  getRecord(
    recordId: string,
    fields: FieldReference[] = [],
    optionalFields: FieldReference[] = []
  ): RecordRepresentation {
    this.guardRead();
    return this.counted('other', () =>
      recordRepresentation(this.readContext, recordId, fields, optionalFields)
    );
  }

  getObjectInfo(objectApiName: string): ObjectInfoRepresentation {
    return this.counted('other', () => objectInfo(this.readContext, objectApiName));
  }

  getPicklistValues(field: FieldReference): PicklistValuesRepresentation {
    return this.counted('other', () => picklistValues(this.readContext, field));
  }
}
