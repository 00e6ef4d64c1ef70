import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/test-app.ts';
import { insertDeliveries, type DeliveryStatus } from '../testing/webhook-deliveries.ts';
import { refusedField } from '../testing/refusals.ts';

// Keyset pages, through one of the lists that use them (the FINANCIAL exchange log): forward to the end and back to
// the start, every row once and in order, with the filter kept.

const t = useTestApp();
const finance = t.signedIn('finance');
const ids: string[] = []; // newest first, as the list shows them

beforeAll(async () => {
  const statuses = Array.from({ length: 23 }, (_, i): DeliveryStatus =>
    i % 3 === 0 ? 'dead' : 'delivered',
  );
  ids.push(...(await insertDeliveries(t.db.kysely, t.userId('admin'), statuses)).reverse());
});

interface Page {
  items: { id: string; status: string }[];
  nextCursor: string | null;
  prevCursor: string | null;
}
const page = async (query: string): Promise<Page> => {
  const res = await finance.get(`/api/webhooks/deliveries?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return JSON.parse(res.body) as Page;
};

describe('keyset pages', () => {
  it('pages forward to the end and back to the start, every row once, newest first', async () => {
    const seen: string[][] = [];
    let current = await page('limit=5');
    expect(current.prevCursor).toBeNull();
    seen.push(current.items.map((d) => d.id));
    while (current.nextCursor) {
      current = await page(`limit=5&cursor=${current.nextCursor}`);
      expect(current.prevCursor).not.toBeNull();
      seen.push(current.items.map((d) => d.id));
    }
    expect(seen.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
    expect(seen.flat()).toEqual(ids);

    // And back: each previous page is the page seen before it, the first one has no previous.
    for (let i = seen.length - 2; i >= 0; i -= 1) {
      current = await page(`limit=5&cursor=${current.prevCursor}`);
      expect(current.items.map((d) => d.id)).toEqual(seen[i]);
      expect(current.nextCursor).not.toBeNull();
    }
    expect(current.prevCursor).toBeNull();
  });

  it('keeps the filter on every page', async () => {
    const dead = ids.filter((_, i) => (22 - i) % 3 === 0);
    const first = await page('status=dead&limit=4');
    const second = await page(`status=dead&limit=4&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((d) => d.id)).toEqual(dead);
    expect(second.items.every((d) => d.status === 'dead')).toBe(true);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a cursor it did not make, naming the field', async () => {
    for (const bad of ['abc', Buffer.from('{"d":"x","id":"1"}').toString('base64url')]) {
      expect(refusedField(await finance.get(`/api/webhooks/deliveries?cursor=${bad}`))).toBe(
        'query.cursor',
      );
    }
  });
});
