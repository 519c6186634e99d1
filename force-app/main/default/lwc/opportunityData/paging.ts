/**
 * Reading every record (or group) a document's connections hold, through one wire, however many
 * pages and requests that takes, and knowing what was left out when it stops at a bound.
 *
 * The UI API returns at most 2,000 records per subquery page and 10 subqueries per query
 * (GraphQL API Developer Guide, "GraphQL API Query Limitations"); relay paging reaches 4,000
 * records unless the query sets `upperBound` ("Paginate with Record Connections"). So a read is
 * split into *units* (the same document for successive slices of the input, e.g. owner ids
 * ≤ OWNERS_PER_REQUEST) and, within a unit, *pages* of each connection (`after` cursors). The
 * wire asks for one page of every connection of the unit at a time; a connection whose pages
 * are all read is asked again with its last cursor, which answers with an empty page.
 *
 * Pure state: a component keeps a Reading, builds the wire's variables from its `request`
 * (the unit and cursors to send), and replaces it with continueReading(reading, answer) on each
 * answer. Once complete, `request` stays the last one sent: the variables no longer change, so
 * nothing is read twice; a reading done in one request takes a later answer (refresh(), or the
 * platform re-emitting after a change) as its new data, a longer one must start over.
 */
import type { Connection } from './uiApi';

/** What has been read of one connection of the document. */
export interface ConnectionRead<TNode> {
  /** Nodes of every page of every unit so far, in order. */
  nodes: TNode[];
  /** Records the connection holds, summed over the units read (totalCount, else nodes). */
  total: number;
  /** The cursor to send next in this unit: the next page, or once done the last end cursor. */
  after: string | null;
  /** Every page of the current unit is read (or the bound stopped it). */
  done: boolean;
  /** Pages read in the current unit. */
  pages: number;
  /** Nodes read in the current unit, and its totalCount when the query selects it. */
  unitNodes: number;
  unitTotal: number | null;
  /** Some unit stopped with pages left: at the page bound, or a connection that does not page. */
  truncated: boolean;
}

export interface Reading<TNodes extends Record<string, unknown>> {
  unit: number;
  units: number;
  connections: { [K in keyof TNodes]: ConnectionRead<TNodes[K]> };
  complete: boolean;
  /** Answers taken in (requests made). */
  answers: number;
  /** What to send: the next request, or once complete the last one sent. */
  request: { unit: number; after: { [K in keyof TNodes]: string | null } };
}

export interface ReadingOptions<TAlias extends string> {
  /** Connections the document pages through `after` variables; others are read in one page. */
  paged?: readonly TAlias[];
  /** Pages read per connection and unit at most (the stated bound); default unbounded. */
  maxPages?: number;
}

function emptyRead<TNode>(): ConnectionRead<TNode> {
  return {
    nodes: [],
    total: 0,
    after: null,
    done: false,
    pages: 0,
    unitNodes: 0,
    unitTotal: null,
    truncated: false
  };
}

/** A reading of `aliases` over `units` units (at least one), nothing read yet. */
export function startReading<TNodes extends Record<string, unknown>>(
  aliases: readonly (keyof TNodes & string)[],
  units = 1
): Reading<TNodes> {
  const connections = {} as { [K in keyof TNodes]: ConnectionRead<TNodes[K]> };
  const after = {} as { [K in keyof TNodes]: string | null };
  for (const alias of aliases) {
    connections[alias] = emptyRead();
    after[alias] = null;
  }
  return {
    unit: 0,
    units: Math.max(1, units),
    connections,
    complete: false,
    answers: 0,
    request: { unit: 0, after }
  };
}

/**
 * The reading after the answer to its current request: each connection's page appended (a
 * connection already done in this unit is skipped), the next cursors, the next unit once every
 * connection of this one is done, complete after the last unit.
 */
export function continueReading<TNodes extends Record<string, unknown>>(
  reading: Reading<TNodes>,
  answer: { [K in keyof TNodes]?: Connection<TNodes[K]> | null },
  options: ReadingOptions<keyof TNodes & string> = {}
): Reading<TNodes> {
  if (reading.complete) {
    // Read in one request: a new answer can only be that request's again (refresh(), or the
    // platform re-emitting after a change), and replaces it. Otherwise it is not ours to place.
    if (reading.answers !== 1 || reading.units !== 1) return reading;
    const aliases = Object.keys(reading.connections) as (keyof TNodes & string)[];
    return continueReading(startReading<TNodes>(aliases), answer, options);
  }
  const maxPages = options.maxPages ?? Number.POSITIVE_INFINITY;
  const paged = new Set<string>(options.paged ?? []);
  const connections = { ...reading.connections };
  let unitDone = true;
  for (const alias of Object.keys(connections) as (keyof TNodes & string)[]) {
    const read = connections[alias];
    if (read.done) continue;
    const page = answer[alias];
    const nodes: TNodes[typeof alias][] = [];
    for (const edge of page?.edges ?? []) if (edge?.node) nodes.push(edge.node);
    const pages = read.pages + 1;
    const info = page?.pageInfo;
    const more = Boolean(info?.hasNextPage && info.endCursor);
    const next = paged.has(alias) && more && pages < maxPages;
    // totalCount is the same on every page of a unit: count it with the unit's first page.
    const unitTotal = typeof page?.totalCount === 'number' ? page.totalCount : null;
    const total =
      read.pages === 0
        ? read.total + (unitTotal ?? nodes.length)
        : read.total + (unitTotal === null ? nodes.length : 0);
    const unitNodes = read.unitNodes + nodes.length;
    // Left out: pages past the bound, or records past what paging reaches (4,000 without
    // upperBound), which end the pages while totalCount still counts them.
    const leftOut = (more && !next) || (!next && unitTotal !== null && unitNodes < unitTotal);
    connections[alias] = {
      nodes: nodes.length > 0 ? [...read.nodes, ...nodes] : read.nodes,
      total,
      after: info?.endCursor ?? read.after,
      done: !next,
      pages,
      unitNodes,
      unitTotal,
      truncated: read.truncated || leftOut
    };
    if (next) unitDone = false;
  }
  const answers = reading.answers + 1;
  if (!unitDone)
    return { ...reading, connections, answers, request: requestOf(reading.unit, connections) };
  if (reading.unit + 1 < reading.units) {
    for (const alias of Object.keys(connections) as (keyof TNodes & string)[]) {
      connections[alias] = {
        ...connections[alias],
        after: null,
        done: false,
        pages: 0,
        unitNodes: 0,
        unitTotal: null
      };
    }
    const unit = reading.unit + 1;
    return { ...reading, unit, connections, answers, request: requestOf(unit, connections) };
  }
  return { ...reading, connections, complete: true, answers };
}

function requestOf<TNodes extends Record<string, unknown>>(
  unit: number,
  connections: { [K in keyof TNodes]: ConnectionRead<TNodes[K]> }
): Reading<TNodes>['request'] {
  const after = {} as { [K in keyof TNodes]: string | null };
  for (const alias of Object.keys(connections) as (keyof TNodes)[]) {
    after[alias] = connections[alias].after;
  }
  return { unit, after };
}

/** The nodes read of every connection. */
export function readingNodes<TNodes extends Record<string, unknown>>(
  reading: Reading<TNodes>
): { [K in keyof TNodes]: TNodes[K][] } {
  const nodes = {} as { [K in keyof TNodes]: TNodes[K][] };
  for (const alias of Object.keys(reading.connections) as (keyof TNodes)[]) {
    nodes[alias] = reading.connections[alias].nodes;
  }
  return nodes;
}

/** Connections that stopped with records left, with what was read of how many. */
export function truncatedConnections<TNodes extends Record<string, unknown>>(
  reading: Reading<TNodes>
): { alias: keyof TNodes & string; shown: number; total: number }[] {
  const result: { alias: keyof TNodes & string; shown: number; total: number }[] = [];
  for (const alias of Object.keys(reading.connections) as (keyof TNodes & string)[]) {
    const read = reading.connections[alias];
    if (read.truncated) result.push({ alias, shown: read.nodes.length, total: read.total });
  }
  return result;
}

/** `items` in slices of at most `size` (at least one slice, empty for no items). */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    chunks.push(items.slice(start, start + size));
  }
  return chunks.length > 0 ? chunks : [[]];
}

/** Nodes as a connection, for the normalisers that read one. */
export function connectionOf<TNode>(nodes: readonly TNode[]): Connection<TNode> {
  return { edges: nodes.map((node) => ({ node })) };
}
