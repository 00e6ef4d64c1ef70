import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, type FakeReply } from './fake-api.test-helper.ts';
import { getQueryOptions } from './get-query.ts';

afterEach(() => vi.unstubAllGlobals());

describe('getQueryOptions', () => {
  it('GETs the path with its parameters under the given key, and the data is the response body', async () => {
    const calls = fakeApi({
      'GET /api/staff/u1': () => ({ body: { id: 'u1', displayName: 'Sam' } }),
      'GET /api/admin/audit': () => ({ body: { items: [], nextCursor: null } }),
    });
    const client = new QueryClient();
    const one = getQueryOptions(['staff', 'u1'], '/api/staff/{userId}', {
      params: { path: { userId: 'u1' } },
    });
    expect(one.queryKey).toEqual(['staff', 'u1']);
    expect(await client.fetchQuery(one)).toEqual({ id: 'u1', displayName: 'Sam' });
    await client.fetchQuery(
      getQueryOptions(['audit'], '/api/admin/audit', { params: { query: { limit: 5 } } }),
    );
    expect(calls.map((c) => `${c.method} ${c.url.pathname}${c.url.search}`)).toEqual([
      'GET /api/staff/u1',
      'GET /api/admin/audit?limit=5',
    ]);
  });

  it('passes the query’s abort signal on, so a cancelled query cancels its request', async () => {
    let answer: (reply: FakeReply) => void = () => {};
    const calls = fakeApi(() => new Promise((resolve) => (answer = resolve)));
    const client = new QueryClient();
    const pending = client.fetchQuery(getQueryOptions(['settings'], '/api/admin/settings'));
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    await client.cancelQueries({ queryKey: ['settings'] });
    expect(calls[0]?.request.signal.aborted).toBe(true);
    answer({ body: {} });
    await pending.catch(() => undefined);
  });
});
