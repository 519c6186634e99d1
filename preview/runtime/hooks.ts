/**
 * `window.__preview`: the handle browser tests (and curious developers) use to inject faults
 * and read the in-memory org's request counters.
 *
 *   window.__preview.failNext('query')   the next GraphQL query or record read fails (503)
 *   window.__preview.failNext('write')   the next save, delete or mutation fails (503)
 *   window.__preview.stats()             { requests, graphqlQueries, writes, responseBytes }
 *   window.__preview.reset()             forgets this tab's writes and reloads
 */
import type { FailureKind, OrgStats } from '../org/org';
import { currentPersona, org, resetData, type PersonaInfo } from './runtime';

export interface PreviewHooks {
  failNext(kind: FailureKind, count?: number): void;
  stats(): OrgStats;
  persona(): PersonaInfo;
  reset(): void;
}

declare global {
  interface Window {
    __preview?: PreviewHooks;
  }
}

export function installHooks(): void {
  window.__preview = {
    failNext: (kind, count = 1) => org().failNext(kind, count),
    stats: () => ({ ...org().stats }),
    persona: () => currentPersona(),
    reset: () => resetData()
  };
}
