import { describe, expect, it } from 'vitest';
import { addBusinessDays, toZonedDate } from '@hms/contracts/business-days';
import { useTestApp } from './testing/test-app.ts';
import { resolveEncryptionKey } from './platform/crypto-key.ts';
import { verifyAuditChain } from './platform/audit.ts';
import { overview, totalsDrift } from './modules/finance/service.ts';
import { loadProgram } from './modules/programs/service.ts';
import { seedDemo } from './seed.ts';

const t = useTestApp();

/** The first and last day of the month `back` months before this one, in the agency's zone. */
function monthBefore(today: string, back: number) {
  const d = new Date(`${today.slice(0, 7)}-15T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - back);
  const first = d.toISOString().slice(0, 8) + '01';
  d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return { from: first, to: d.toISOString().slice(0, 10) };
}

const count = async (
  table:
    | 'requests'
    | 'payments'
    | 'ach_batches'
    | 'audit_log'
    | 'email_outbox'
    | 'decision_rule_versions',
) =>
  Number(
    (
      await t.db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('demo history (issue 13 item 10)', () => {
  it('gives the finance overview paid, returned, pending and released figures, made through the services, once', async () => {
    const tz = t.config.timezone;
    const key = resolveEncryptionKey(t.config);
    const emailsBefore = await count('email_outbox');
    await seedDemo(t.db.kysely, { timeZone: tz, encryptionKey: key, config: t.config });

    const today = toZonedDate(new Date(), tz);
    // Each of the five whole months before this one has requests, approvals and settled payments of its own.
    for (let back = 1; back <= 5; back++) {
      const o = await overview(t.db.kysely, tz, monthBefore(today, back));
      expect(o.requestedCount, `requested ${o.from}`).toBeGreaterThan(0);
      expect(o.approvedCount, `approved ${o.from}`).toBeGreaterThan(0);
      expect(o.paidCount, `paid ${o.from}`).toBeGreaterThan(0);
      expect(o.paidCents, `paid ${o.from}`).toBeGreaterThan(0);
    }
    // Every decision, batch, release, settlement, return and payment made again went through the services: the
    // per-day totals the triggers kept along the way equal the figures recomputed from the rows.
    expect(await totalsDrift(t.db.kysely)).toEqual([]);
    // Over the six months: returns, payments waiting to be batched and a released batch not settled yet.
    const all = await overview(t.db.kysely, tz, {
      from: monthBefore(today, 6).from,
      to: today,
    });
    expect(all.returnedCount).toBeGreaterThan(0);
    expect(all.returnedCents).toBeGreaterThan(0);
    expect(all.pendingPaymentCount).toBeGreaterThan(0);
    expect(all.releasedCount).toBeGreaterThan(0);
    expect(all.returnRate).toBeGreaterThan(0);
    expect(all.returnRate).toBeLessThan(0.2);
    // The newest batch went out LAST_BATCH_DAYS_AGO business days ago and is released, not settled.
    const released = await t.db.kysely
      .selectFrom('ach_batches')
      .select(['file_date', 'status'])
      .orderBy('built_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(released).toEqual({ file_date: addBusinessDays(today, -2), status: 'released' });
    // Notifications of change wait for a supervisor.
    const nocs = await t.db.kysely.selectFrom('ach_nocs').select('status').execute();
    expect(nocs.map((n) => n.status)).toEqual(['pending', 'pending']);

    // One program is over its budget: the administrators cut the bonus's budget below what its approvals committed.
    const slugs = await t.db.kysely.selectFrom('programs').select('slug').execute();
    const rows = await Promise.all(slugs.map(({ slug }) => loadProgram(t.db.kysely, { slug })));
    const over = rows.filter((p) => Number(p.committed_cents) > Number(p.budget_cents));
    expect(over.map((p) => p.slug)).toEqual(['heat-pump-bonus']);
    expect(Number(over[0]!.budget_cents)).toBeLessThan(3_000_000);

    // Through the services: every decision, batch, settlement and return file is in the audit chain, which holds;
    // and a step dated months ago emailed nobody.
    const audited = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action'])
      .where('at', '<', new Date(Date.now() - 86_400_000))
      .execute();
    const actions = new Set(audited.map((a) => a.action));
    for (const a of [
      'request.decision.approve',
      'request.decision.reject',
      'payment.create',
      'batch.built',
      'batch.released',
      'batch.settled',
      'returns.imported',
    ])
      expect(actions, a).toContain(a);
    expect(await verifyAuditChain(t.db.kysely)).toMatchObject({ ok: true });
    expect(await count('email_outbox')).toBe(emailsBefore);
    // Dual control held: no batch was released by the person who built it.
    const self = await t.db.kysely
      .selectFrom('ach_batches')
      .select('id')
      .whereRef('released_by', '=', 'built_by')
      .execute();
    expect(self).toEqual([]);

    // The Home Energy Rebate approves small clean rebates at submission (issue 14): its demo rules are live, every
    // test case passing, automation on, all by the demo administrator.
    const rules = await t.db.kysely
      .selectFrom('decision_rule_versions as v')
      .innerJoin('programs as p', 'p.id', 'v.program_id')
      .leftJoin('program_automation as a', 'a.program_id', 'v.program_id')
      .select(['p.slug', 'v.version', 'v.status', 'a.enabled', 'v.published_by'])
      .execute();
    expect(rules).toEqual([
      {
        slug: 'home-energy-rebate',
        version: 1,
        status: 'live',
        enabled: true,
        published_by: t.userId('admin'),
      },
    ]);

    // A second start adds nothing.
    const before = await Promise.all(
      (['requests', 'payments', 'ach_batches', 'audit_log', 'decision_rule_versions'] as const).map(
        count,
      ),
    );
    await seedDemo(t.db.kysely, { timeZone: tz, encryptionKey: key, config: t.config });
    expect(
      await Promise.all(
        (
          ['requests', 'payments', 'ach_batches', 'audit_log', 'decision_rule_versions'] as const
        ).map(count),
      ),
    ).toEqual(before);
  }, 180_000);
});
