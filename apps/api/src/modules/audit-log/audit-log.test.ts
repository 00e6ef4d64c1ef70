import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Agent, useTestApp } from '../../testing/test-app.ts';
import { appendAudit } from '../../platform/audit.ts';
import { auditVerifyReport } from '../../platform/audit-verify.ts';
import { refusedField } from '../../testing/refusals.ts';
import { auditEntries } from '../../testing/rows.ts';

const t = useTestApp();
const admin = t.signedIn('admin');

beforeAll(async () => {
  const db = t.db.kysely;
  const financeId = t.userId('finance');
  // 30 entries about three batches by the finance user, then one by a token.
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < 30; i += 1)
      await appendAudit(trx, {
        actorId: financeId,
        actorKind: 'user',
        action: i % 2 === 0 ? 'batch.built' : 'batch.cancelled',
        entityType: 'ach_batch',
        entityId: `batch-${i % 3}`,
        data: { n: i, note: i === 7 ? '=HYPERLINK("x")' : 'plain' },
        ip: '203.0.113.9',
      });
    await appendAudit(trx, {
      actorId: null,
      actorKind: 'token',
      action: 'batch.settled',
      entityType: 'ach_batch',
      entityId: 'batch-0',
    });
  });
});

type Page = {
  items: { id: number; action: string; entityId: string; actor: { name: string | null } }[];
  nextCursor: string | null;
  prevCursor: string | null;
};
const search = async (qs: string) => {
  const res = await admin.get(`/api/admin/audit?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return JSON.parse(res.body) as Page;
};

describe('the audit log for administrators', () => {
  it('finds entries by who, what, which record and when, newest first', async () => {
    const byWhat = await search('action=batch.cancelled&entityType=ach_batch&entityId=batch-1');
    // i odd and i % 3 === 1: 1, 7, 13, 19, 25.
    expect(byWhat.items).toHaveLength(5);
    expect(
      byWhat.items.every((e) => e.action === 'batch.cancelled' && e.entityId === 'batch-1'),
    ).toBe(true);
    const ids = byWhat.items.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const byWho = await search('actor=finance%40example&limit=200');
    expect(byWho.items).toHaveLength(30);
    expect(byWho.items[0]!.actor.name).toBeTruthy();
    const financeId = t.userId('finance');
    expect((await search(`actor=${financeId}&limit=200`)).items).toHaveLength(30);
    expect((await search('actor=nobody-like-this')).items).toEqual([]);

    const today = new Date().toISOString().slice(0, 10);
    expect((await search(`entityId=batch-0&from=2020-01-01&to=2020-12-31`)).items).toEqual([]);
    // batch-0: i = 0, 3, …, 27 (10 entries) and the token's settlement.
    const recent = await search(`entityId=batch-0&from=2020-01-01&to=${today}&limit=200`);
    expect(recent.items.length).toBeGreaterThanOrEqual(10);
  });

  it('pages on the server with cursors both ways', async () => {
    const first = await search('entityType=ach_batch&limit=12');
    expect(first.items).toHaveLength(12);
    expect(first.prevCursor).toBeNull();
    const second = await search(`entityType=ach_batch&limit=12&cursor=${first.nextCursor}`);
    expect(second.items[0]!.id).toBeLessThan(first.items[11]!.id);
    const back = await search(`entityType=ach_batch&limit=12&cursor=${second.prevCursor}`);
    expect(back.items.map((e) => e.id)).toEqual(first.items.map((e) => e.id));
    const third = await search(`entityType=ach_batch&limit=12&cursor=${second.nextCursor}`);
    expect(third.items).toHaveLength(7); // 31 in all
    expect(third.nextCursor).toBeNull();
  });

  it('refuses bad filters naming the field', async () => {
    const bad = await admin.get('/api/admin/audit?action=not.an.action&from=2026-13-01');
    expect(bad.statusCode).toBe(400);
    const fields = (JSON.parse(bad.body) as { errors: { field: string }[] }).errors.map(
      (e) => e.field,
    );
    expect(fields).toEqual(expect.arrayContaining(['query.action', 'query.from']));
    expect(refusedField(await admin.get('/api/admin/audit?to=2026-02-30'))).toBe('query.to');
    const reversed = await admin.get('/api/admin/audit?from=2026-02-01&to=2026-01-01');
    expect(reversed.statusCode).toBe(400);
    expect(JSON.parse(reversed.body).code).toBe('validation.date_range_reversed');
    const cursor = await admin.get('/api/admin/audit?cursor=nonsense');
    expect(JSON.parse(cursor.body).code).toBe('validation.cursor_invalid');
  });

  it('exports exactly what the filters find as CSV, formula-safe, and audits the export', async () => {
    const res = await admin.get(
      '/api/admin/audit/export.csv?action=batch.cancelled&entityType=ach_batch&entityId=batch-1',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="hms-audit-/);
    const lines = res.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'entry,at_utc,actor_kind,actor_id,actor_name,actor_email,action,action_label,entity_type,entity_id,ip,data',
    );
    expect(lines).toHaveLength(1 + 5);
    expect(
      lines
        .slice(1)
        .every((l) => l.includes(',batch.cancelled,Payment batch cancelled,ach_batch,batch-1,')),
    ).toBe(true);
    // The entry's data, as JSON in one quoted cell (it starts with {, so a spreadsheet never reads it as a formula).
    expect(res.body).toContain('"{""n"":7,""note"":""=HYPERLINK(\\""x\\"")""}"');
    const all = await admin.get('/api/admin/audit/export.csv?entityType=ach_batch');
    expect(all.body.trimEnd().split('\r\n')).toHaveLength(1 + 31);

    const exported = await search('action=audit_log.exported');
    expect(exported.items).toHaveLength(2);
    const [row] = await auditEntries(t.db.kysely, { action: 'audit_log.exported' });
    expect(row?.data).toEqual({
      filters: { action: 'batch.cancelled', entityType: 'ach_batch', entityId: 'batch-1' },
      rows: 5,
    });
  });

  it('shows the chain verification the CLI prints, and names the first broken link after tampering', async () => {
    const ok = JSON.parse((await admin.get('/api/admin/audit/verification')).body);
    expect(ok).toMatchObject({ ok: true, brokenAtId: null });
    expect(ok.text).toBe((await auditVerifyReport(t.db.kysely)).text);

    // Tamper as a database owner would (the append-only trigger must be bypassed to do it).
    const target = (await search('entityId=batch-2&limit=1')).items[0]!.id;
    await t.db.kysely.transaction().execute(async (trx) => {
      await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(trx);
      await sql`update audit_log set data = '{"n": 999}'::jsonb where id = ${target}`.execute(trx);
      await sql`alter table audit_log enable trigger audit_log_no_update_delete`.execute(trx);
    });
    const broken = JSON.parse((await admin.get('/api/admin/audit/verification')).body);
    expect(broken).toMatchObject({ ok: false, brokenAtId: target, count: null });
    expect(broken.text).toMatch(/^First broken link: entry \d+/);
    expect(broken.text).toBe((await auditVerifyReport(t.db.kysely)).text);
  });

  it('is for administrators only', async () => {
    const fin = await t.signIn('finance');
    expect((await fin.get('/api/admin/audit')).statusCode).toBe(403);
    expect((await fin.get('/api/admin/audit/export.csv')).statusCode).toBe(403);
    expect((await new Agent(t.app).get('/api/admin/audit/verification')).statusCode).toBe(401);
  });
});
