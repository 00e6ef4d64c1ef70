import { describe, expect, it } from 'vitest';
import { parseFile } from '@hms/ach/parse';
import { Agent, useTestApp } from '../../testing/test-app.ts';
import { open } from '../../platform/keyring.ts';
import { insertApprovedPayment } from '../payments/fixtures.ts';
import { buildBatch } from '../batches/service.ts';
import { getSettings, publishNeedsSecondApproval } from './service.ts';
import { auditEntries, rowById } from '../../testing/rows.ts';

// The environment gives the first start's values.
const t = useTestApp({
  HMS_ACH_COMPANY_NAME: 'Test Agency',
  HMS_ACH_SAME_DAY_CUTOFF: '14:45',
  HMS_SESSION_TTL_HOURS: '12',
  HMS_SESSION_IDLE_MINUTES: '30',
});
const admin = t.signedIn('admin');

async function current() {
  const res = await admin.get('/api/admin/settings');
  expect(res.statusCode).toBe(200);
  return JSON.parse(res.body) as Record<string, unknown> & { version: number };
}

/** Every editable value of the settings as read, with some changed, as the screen sends them. */
async function put(changes: Record<string, unknown>, version?: number) {
  const { updatedAt, updatedBy, timeZone, ...values } = await current();
  void updatedAt;
  void updatedBy;
  void timeZone;
  return admin.request('PUT', '/api/admin/settings', {
    ...values,
    ...changes,
    ...(version === undefined ? {} : { version }),
  });
}

const auditRows = () => auditEntries(t.db.kysely, { action: 'settings.updated' });

describe('agency settings', () => {
  it('start from the environment and read back with a version', async () => {
    const s = await current();
    expect(s).toMatchObject({
      companyName: 'TEST AGENCY',
      companyId: '1234567890',
      odfiRouting: '121042882',
      immediateDestination: '231380104',
      immediateOrigin: '121042882',
      sameDayCutoff: '14:45',
      prenoteWaitDays: 3,
      sessionTtlHours: 12,
      sessionIdleMinutes: 30,
      publishNeedsSecondApproval: true,
      version: 1,
      updatedBy: null,
      timeZone: 'America/New_York',
    });
    expect(await publishNeedsSecondApproval(t.db.kysely)).toBe(true);
  });

  it('refuse bad values with an error naming each field, and write nothing', async () => {
    const res = await put({
      odfiRouting: '121042883', // check digit wrong
      immediateDestination: '12345',
      immediateOrigin: '12104288x',
      companyId: '123',
      companyName: 'A NAME FAR TOO LONG FOR NACHA',
      sameDayCutoff: '25:00',
      prenoteWaitDays: 0,
      sessionTtlHours: 1,
      sessionIdleMinutes: 90, // longer than the 1-hour lifetime
    });
    expect(res.statusCode).toBe(400);
    const body = JSON.parse(res.body) as { code: string; errors: { field: string }[] };
    expect(body.code).toBe('validation.failed');
    expect(body.errors.map((e) => e.field).sort()).toEqual(
      [
        'body.companyId',
        'body.companyName',
        'body.immediateDestination',
        'body.immediateOrigin',
        'body.odfiRouting',
        'body.prenoteWaitDays',
        'body.sameDayCutoff',
        'body.sessionIdleMinutes',
      ].sort(),
    );
    expect((await current()).version).toBe(1);
    expect(await auditRows()).toEqual([]);
  });

  it('save a change, audited with each changed value before and after; the same values change nothing', async () => {
    const res = await put({ companyName: 'City of Springs', publishNeedsSecondApproval: false });
    expect(res.statusCode).toBe(200);
    const saved = JSON.parse(res.body);
    expect(saved).toMatchObject({
      companyName: 'CITY OF SPRINGS',
      publishNeedsSecondApproval: false,
      version: 2,
      updatedBy: { name: expect.any(String) },
    });
    expect(await publishNeedsSecondApproval(t.db.kysely)).toBe(false);
    const adminId = t.userId('admin');
    expect(await auditRows()).toEqual([
      expect.objectContaining({
        action: 'settings.updated',
        entity_type: 'agency_settings',
        entity_id: 'agency',
        actor_id: adminId,
        data: {
          version: 2,
          changes: {
            companyName: { before: 'TEST AGENCY', after: 'CITY OF SPRINGS' },
            publishNeedsSecondApproval: { before: true, after: false },
          },
        },
      }),
    ]);

    const again = await put({});
    expect(again.statusCode).toBe(200);
    expect(JSON.parse(again.body).version).toBe(2);
    expect(await auditRows()).toHaveLength(1);
  });

  it('refuse a change made from a stale version with 409 settings.stale_version', async () => {
    const { version } = await current();
    expect((await put({ prenoteWaitDays: 4 }, version)).statusCode).toBe(200);
    const stale = await put({ prenoteWaitDays: 5 }, version);
    expect(stale.statusCode).toBe(409);
    expect(JSON.parse(stale.body).code).toBe('settings.stale_version');
    expect((await current()).prenoteWaitDays).toBe(4);
  });

  it('apply to the next batch without a restart: the file carries the new originator, the cut-off moves', async () => {
    const db = t.db.kysely;
    const citizenId = t.citizenId;
    const energy = t.programId('home-energy-rebate');
    expect(
      (
        await put({
          companyName: 'Springs Rebates',
          companyId: '9876543210',
          odfiRouting: '011000015',
          immediateOriginName: 'Springs Treasury',
        })
      ).statusCode,
    ).toBe(200);

    const p = await insertApprovedPayment(db, t.config, {
      applicantId: citizenId,
      programId: energy,
      amountCents: 50_00,
    });
    const finance = await t.signIn('finance');
    const built = await finance.post('/api/batches', { paymentIds: [p.paymentId] });
    expect(built.statusCode).toBe(201);
    const batchId = JSON.parse(built.body).id as string;
    const stored = await rowById(db, 'ach_batches', batchId);
    const file = parseFile(open(t.config, stored.file_enc)).file;
    expect(file.header.immediateOriginName?.trim()).toBe('SPRINGS TREASURY');
    expect(file.batches[0]!.header).toMatchObject({
      companyName: 'SPRINGS REBATES',
      companyIdentification: '9876543210',
      odfiIdentification: '01100001',
    });
    expect(file.batches[0]!.entries[0]!.traceNumber).toMatch(/^01100001/);

    // 15:00 in New York on a business day: after a 14:45 cut-off, before a 16:00 one.
    const now = new Date('2026-12-01T20:00:00Z');
    const user = {
      id: t.userId('finance'),
      email: 'finance@example.gov',
      displayName: 'Finance',
      language: 'en' as const,
      roles: ['finance' as const],
      sessionId: 'test',
    };
    const another = () =>
      insertApprovedPayment(db, t.config, {
        applicantId: citizenId,
        programId: energy,
        amountCents: 10_00,
      });
    expect((await put({ sameDayCutoff: '14:45' })).statusCode).toBe(200);
    const buildOne = async () =>
      buildBatch(db, t.config, user, { paymentIds: [(await another()).paymentId] }, null, now);
    const late = await buildOne();
    expect(late).toMatchObject({ sameDay: false, effectiveDate: '2026-12-02' });
    expect((await put({ sameDayCutoff: '16:00' })).statusCode).toBe(200);
    const inTime = await buildOne();
    expect(inTime).toMatchObject({ sameDay: true, effectiveDate: '2026-12-01' });
    expect((await getSettings(db)).sameDayCutoff).toBe('16:00');
  });

  it('apply new session lifetimes to signed-in sessions at once, and to the cookie of the next sign-in', async () => {
    const db = t.db.kysely;
    const approver = await t.signIn('approver');
    const approverId = t.userId('approver');
    const age = async (o: { idleMinutes?: number; ageHours?: number }) =>
      db
        .updateTable('sessions')
        .set({
          ...(o.idleMinutes !== undefined
            ? { last_seen_at: new Date(Date.now() - o.idleMinutes * 60_000) }
            : {}),
          ...(o.ageHours !== undefined
            ? { created_at: new Date(Date.now() - o.ageHours * 3600_000) }
            : {}),
        } as never)
        .where('user_id', '=', approverId)
        .execute();

    // Idle for 20 minutes: alive under 30, ended once an admin sets 10.
    await age({ idleMinutes: 20 });
    expect((await approver.get('/api/me')).statusCode).toBe(200);
    await age({ idleMinutes: 20 });
    expect((await put({ sessionIdleMinutes: 10 })).statusCode).toBe(200);
    expect((await approver.get('/api/me')).statusCode).toBe(401);

    // Signed in 3 hours ago: alive under 12 hours, ended once the lifetime is 2 hours.
    expect((await put({ sessionIdleMinutes: 30 })).statusCode).toBe(200);
    const second = new Agent(t.app);
    const signIn = await second.signIn('approver@example.gov');
    const cookie = signIn.cookies.find((c) => c.name === 'hms_session');
    expect(cookie?.maxAge).toBe(12 * 3600);
    await age({ ageHours: 3 });
    expect((await second.get('/api/me')).statusCode).toBe(200);
    expect((await put({ sessionTtlHours: 2 })).statusCode).toBe(200);
    expect((await second.get('/api/me')).statusCode).toBe(401);
    const third = new Agent(t.app);
    const next = await third.signIn('approver@example.gov');
    expect(next.cookies.find((c) => c.name === 'hms_session')?.maxAge).toBe(2 * 3600);
  });
});
