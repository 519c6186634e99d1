import {
  type Connection,
  chunked,
  connectionOf,
  continueReading,
  readingNodes,
  startReading,
  truncatedConnections
} from 'c/opportunityData';

type Nodes = { deals: { id: number }; totals: { id: number } };

/** A page of `ids`, with more after it when `next` names the cursor. */
function page(ids: number[], next: string | null, totalCount?: number): Connection<{ id: number }> {
  return {
    edges: ids.map((id) => ({ node: { id } })),
    ...(totalCount === undefined ? {} : { totalCount }),
    pageInfo: { hasNextPage: next !== null, endCursor: next ?? `end-${ids.join('.')}` }
  };
}

describe('reading every page', () => {
  it('asks for the next page of a connection until it has no more, and only of that one', () => {
    let reading = startReading<Nodes>(['deals', 'totals']);
    expect(reading.request).toEqual({ unit: 0, after: { deals: null, totals: null } });
    reading = continueReading(
      reading,
      { deals: page([1, 2], 'c2', 5), totals: page([9], null, 1) },
      { paged: ['deals', 'totals'] }
    );
    // Totals are all read: asked again after their last cursor, which answers nothing.
    expect(reading.request.after).toEqual({ deals: 'c2', totals: 'end-9' });
    expect(reading.complete).toBe(false);
    reading = continueReading(
      reading,
      { deals: page([3, 4], 'c4', 5), totals: page([], null, 1) },
      { paged: ['deals', 'totals'] }
    );
    reading = continueReading(
      reading,
      { deals: page([5], null, 5), totals: page([], null, 1) },
      { paged: ['deals', 'totals'] }
    );
    expect(reading.complete).toBe(true);
    expect(reading.answers).toBe(3);
    expect(readingNodes(reading).deals.map((node) => node.id)).toEqual([1, 2, 3, 4, 5]);
    expect(readingNodes(reading).totals.map((node) => node.id)).toEqual([9]);
    expect(reading.connections.deals.total).toBe(5);
    expect(truncatedConnections(reading)).toEqual([]);
    // Complete: the request stays the last one sent, so the wire's variables stop changing.
    expect(reading.request.after).toEqual({ deals: 'c4', totals: 'end-9' });
  });

  it('reads unit after unit (slices of the owners), from the first page of each', () => {
    let reading = startReading<Nodes>(['deals', 'totals'], 2);
    reading = continueReading(reading, { deals: page([1], null, 1), totals: page([7], null, 1) });
    expect(reading.request).toEqual({ unit: 1, after: { deals: null, totals: null } });
    reading = continueReading(reading, { deals: page([2], null, 1), totals: page([], null, 0) });
    expect(reading.complete).toBe(true);
    expect(readingNodes(reading).deals.map((node) => node.id)).toEqual([1, 2]);
    expect(reading.connections.deals.total).toBe(2);
  });

  it('stops at the bound and says what it left out; a connection that does not page, too', () => {
    let reading = startReading<Nodes>(['deals', 'totals']);
    reading = continueReading(
      reading,
      { deals: page([1, 2], 'c2', 6), totals: page([9], 'more', 4) },
      { paged: ['deals'], maxPages: 2 }
    );
    reading = continueReading(
      reading,
      { deals: page([3, 4], 'c4', 6), totals: page([], null, 4) },
      { paged: ['deals'], maxPages: 2 }
    );
    expect(reading.complete).toBe(true);
    expect(truncatedConnections(reading)).toEqual([
      { alias: 'deals', shown: 4, total: 6 },
      { alias: 'totals', shown: 1, total: 4 }
    ]);
  });

  it('takes a new answer to a one-request reading as its data, and ignores it after more', () => {
    const once = continueReading(startReading<Nodes>(['deals', 'totals']), {
      deals: page([1], null),
      totals: page([], null)
    });
    const again = continueReading(once, { deals: page([1, 2], null), totals: page([], null) });
    expect(readingNodes(again).deals.map((node) => node.id)).toEqual([1, 2]);
    let twice = startReading<Nodes>(['deals', 'totals'], 2);
    twice = continueReading(twice, { deals: page([1], null), totals: page([], null) });
    twice = continueReading(twice, { deals: page([2], null), totals: page([], null) });
    expect(continueReading(twice, { deals: page([8], null), totals: page([], null) })).toBe(twice);
  });

  it('slices owners for requests, and wraps nodes as a connection', () => {
    expect(chunked([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunked([], 2)).toEqual([[]]);
    expect(connectionOf([{ id: 1 }])).toEqual({ edges: [{ node: { id: 1 } }] });
  });
});
