import { describe, expect, it } from 'vitest';
import { riskSignalKinds } from '@hms/contracts/risk';
import { useTestApp } from '../../testing/test-app.ts';
import { resolveEncryptionKey } from '../../platform/crypto-key.ts';
import { seedApprovalsDemo } from './seed.ts';

const t = useTestApp();

describe('approvals demo seed', () => {
  it('adds nothing without the encryption key (unit tests), then requests in every review state and every risk signal, once', async () => {
    expect(await seedApprovalsDemo(t.db.kysely, { timeZone: 'America/New_York' })).toEqual({
      requestsCreated: 0,
    });
    const key = resolveEncryptionKey(t.config);
    const first = await seedApprovalsDemo(t.db.kysely, {
      timeZone: 'America/New_York',
      encryptionKey: key,
    });
    expect(first.requestsCreated).toBeGreaterThan(40);
    expect(
      await seedApprovalsDemo(t.db.kysely, { timeZone: 'America/New_York', encryptionKey: key }),
    ).toEqual({ requestsCreated: 0 });
    const statuses = new Set(
      (await t.db.kysely.selectFrom('requests').select('status').execute()).map((r) => r.status),
    );
    for (const s of [
      'submitted',
      'in_review',
      'needs_info',
      'awaiting_second_approval',
      'approved',
      'rejected',
      'paid',
    ])
      expect(statuses.has(s as never), s).toBe(true);
    const kinds = new Set(
      (await t.db.kysely.selectFrom('risk_signals').select('kind').execute()).map((r) => r.kind),
    );
    expect([...kinds].sort()).toEqual([...riskSignalKinds].sort());
  });
});
