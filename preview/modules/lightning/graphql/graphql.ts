/**
 * Preview stand-in for `lightning/graphql`: the `graphql` wire adapter, `gql`, `refreshGraphQL`
 * and `executeMutation`, executed by the in-memory org against the schema generated from the
 * package metadata. Results are read-only and carry `refresh`, as from LDS.
 */
import { parse, print, type DocumentNode } from 'graphql';
import type { FormattedExecutionResult } from 'graphql';
import { networkDelay, session } from '../../../runtime/runtime';
import { deepFreeze, jsonIncludesId, registerWire } from '../../../runtime/liveWires';

interface GraphQLConfig {
  query?: DocumentNode;
  variables?: Record<string, unknown>;
  operationName?: string;
}

interface WireResult {
  data: unknown;
  errors: FormattedExecutionResult['errors'];
  refresh: () => Promise<void>;
}

const parsed = new Map<string, DocumentNode>();

/** Parses a query once; interpolated values may be fragments written with gql. */
export function gql(strings: TemplateStringsArray, ...values: unknown[]): DocumentNode {
  let text = strings[0];
  values.forEach((value, index) => {
    const piece =
      value && typeof value === 'object' && 'kind' in value
        ? print(value as DocumentNode)
        : String(value);
    text += piece + strings[index + 1];
  });
  let document = parsed.get(text);
  if (!document) {
    document = parse(text);
    parsed.set(text, document);
  }
  return document;
}

async function execute(config: GraphQLConfig): Promise<FormattedExecutionResult> {
  await networkDelay();
  return session().graphql({
    query: config.query as DocumentNode,
    variables: config.variables ?? {},
    operationName: config.operationName ?? null
  });
}

const adapterOfResult = new WeakMap<object, GraphqlWire>();

function configKey(config: GraphQLConfig): string {
  return JSON.stringify({
    variables: config.variables ?? null,
    operationName: config.operationName
  });
}

class GraphqlWire {
  private config: GraphQLConfig | undefined;
  private configKey = '';
  private lastJson = '';
  private version = 0;
  private unregister: (() => void) | null = null;

  constructor(private readonly emit: (value: WireResult) => void) {}

  connect(): void {
    this.unregister = registerWire({
      includes: (recordId) => jsonIncludesId(this.lastJson, recordId),
      refresh: () => this.run()
    });
  }

  disconnect(): void {
    this.unregister?.();
    this.unregister = null;
  }

  update(config: GraphQLConfig): void {
    // LWC calls update whenever a reactive value the config reads changes, equal or not; a
    // config asking exactly what the current one asks starts no new request (refresh() does).
    const key = configKey(config);
    if (this.config?.query === config.query && key === this.configKey) return;
    this.config = config;
    this.configKey = key;
    void this.run();
  }

  async run(): Promise<void> {
    const config = this.config;
    // LDS waits until the query and its reactive variables are available: a `variables`
    // config whose getter returns undefined means "not ready", not "no variables".
    if (!config?.query) return;
    if ('variables' in config && config.variables === undefined) return;
    const version = ++this.version;
    const result = await execute(config);
    if (version !== this.version) return;
    this.lastJson = JSON.stringify(result);
    const value: WireResult = {
      data: deepFreeze(result.data ?? undefined),
      errors: deepFreeze(result.errors ?? undefined),
      refresh: () => this.run()
    };
    adapterOfResult.set(value, this);
    this.emit(value);
  }
}

/** The wire adapter: `@wire(graphql, { query: QUERY, variables: '$variables' })`. */
export { GraphqlWire as graphql };

/** Re-runs the wire that provisioned `result`. */
export function refreshGraphQL(result: object): Promise<void> {
  return adapterOfResult.get(result)?.run() ?? Promise.resolve();
}

/** Executes a mutation (Winter '25 imperative API); resolves with `{ data, errors }`. */
export async function executeMutation(config: GraphQLConfig): Promise<FormattedExecutionResult> {
  const result = await execute(config);
  return deepFreeze(result);
}
