/**
 * `window.__preview`: the handle browser tests (and curious developers) use to inject faults
 * and read the in-memory org's request counters.
 *
 *   window.__preview.failNext('query')   the next GraphQL query or record read fails (503)
 *   window.__preview.failNext('write')   the next save, delete or mutation fails (503)
 *   window.__preview.failNext('write', 1, 2)   the third one fails (two go through first)
 *   window.__preview.recover()           the server is back: no more injected failures
 *   window.__preview.stats()             { requests, graphqlQueries, writes, responseBytes }
 *   window.__preview.reset()             forgets this tab's writes and reloads
 *   window.__preview.lds                 the platform stand-ins themselves (graphql query,
 *                                        executeMutation, createRecord, updateRecord, …), to
 *                                        drive data from a test exactly as a component would
 */
import type { FailureKind, OrgStats } from '../org/org';
import { executeMutation, gql } from '../modules/lightning/graphql/graphql';
import {
  createRecord,
  deleteRecord,
  notifyRecordUpdateAvailable,
  updateRecord
} from '../modules/lightning/uiRecordApi/uiRecordApi';
import { currentPersona, networkDelay, org, resetData, session, type PersonaInfo } from './runtime';

export interface PreviewHooks {
  failNext(kind: FailureKind, count?: number, after?: number): void;
  recover(): void;
  stats(): OrgStats;
  persona(): PersonaInfo;
  reset(): void;
  lds: {
    /** A GraphQL query as the graphql wire runs it (after the simulated latency). */
    query(query: string, variables?: Record<string, unknown>): Promise<unknown>;
    executeMutation: typeof executeMutation;
    createRecord: typeof createRecord;
    updateRecord: typeof updateRecord;
    deleteRecord: typeof deleteRecord;
    notifyRecordUpdateAvailable: typeof notifyRecordUpdateAvailable;
  };
}

declare global {
  interface Window {
    __preview?: PreviewHooks;
  }
}

export function installHooks(): void {
  window.__preview = {
    failNext: (kind, count = 1, after = 0) => org().failNext(kind, count, after),
    recover: () => org().recover(),
    stats: () => ({ ...org().stats }),
    persona: () => currentPersona(),
    reset: () => resetData(),
    lds: {
      query: async (query, variables) => {
        await networkDelay();
        return session().graphql({ query, variables: variables ?? {} });
      },
      executeMutation: (config) => executeMutation({ ...config, query: toDocument(config.query) }),
      createRecord,
      updateRecord,
      deleteRecord,
      notifyRecordUpdateAvailable
    }
  };
}

/** Tests pass query text across the page boundary; components pass gql documents. */
function toDocument(query: unknown): ReturnType<typeof gql> {
  if (typeof query !== 'string') return query as ReturnType<typeof gql>;
  const strings = Object.assign([query], { raw: [query] }) as TemplateStringsArray;
  return gql(strings);
}
