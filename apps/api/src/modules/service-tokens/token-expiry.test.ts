import { describe, expect, it } from 'vitest';
import { toZonedDate } from '@hms/contracts/business-days';
import { useTestApp } from '../../testing/test-app.ts';

const t = useTestApp();
const admin = t.signedIn('admin');

const bearer = (tok: string) => ({ authorization: `Bearer ${tok}` });
const journal = (tok: string) =>
  t.app.inject({
    method: 'GET',
    url: '/api/integration/journal?from=2026-01-01&to=2026-01-31',
    headers: bearer(tok),
  });

describe('service tokens with an expiry', () => {
  it('show who created each token, when, and its expiry; a token works through its last day', async () => {
    const today = toZonedDate(new Date(), t.config.timezone);
    const res = await admin.post('/api/service-tokens', {
      name: 'Quarter close',
      scopes: ['journal:read'],
      expiresOn: today,
    });
    expect(res.statusCode).toBe(201);
    const created = JSON.parse(res.body);
    expect(created).toMatchObject({
      createdBy: { name: expect.any(String) },
      expired: false,
      expiresAt: expect.any(String),
    });
    expect(new Date(created.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect((await journal(created.token)).statusCode).toBe(200);

    const list = JSON.parse((await admin.get('/api/service-tokens')).body).items;
    expect(list.find((i: { id: string }) => i.id === created.id)).toMatchObject({
      name: 'Quarter close',
      createdAt: created.createdAt,
      createdBy: created.createdBy,
      expiresAt: created.expiresAt,
    });
    const forever = await admin.post('/api/service-tokens', {
      name: 'No end',
      scopes: ['journal:read'],
    });
    expect(JSON.parse(forever.body)).toMatchObject({ expiresAt: null, expired: false });
  });

  it('refuse an expired token at authentication with auth.token_expired, and its rotation', async () => {
    const created = JSON.parse(
      (
        await admin.post('/api/service-tokens', {
          name: 'Short lived',
          scopes: ['journal:read'],
          expiresOn: toZonedDate(new Date(), t.config.timezone),
        })
      ).body,
    );
    // Its last day has passed.
    await t.db.kysely
      .updateTable('service_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', created.id)
      .execute();
    const refused = await journal(created.token);
    expect(refused.statusCode).toBe(401);
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'auth.token_expired' });
    expect(JSON.parse(refused.body).detail).toMatch(/Short lived" expired at/);
    const listed = JSON.parse((await admin.get('/api/service-tokens')).body).items;
    expect(listed.find((i: { id: string }) => i.id === created.id).expired).toBe(true);

    const rotate = await admin.post(`/api/service-tokens/${created.id}/rotate`);
    expect(rotate.statusCode).toBe(409);
    expect(JSON.parse(rotate.body).code).toBe('token.expired');
  });

  it('rotate a live token keeping its expiry', async () => {
    const created = JSON.parse(
      (
        await admin.post('/api/service-tokens', {
          name: 'Rotating',
          scopes: ['journal:read'],
          expiresOn: '2099-12-31',
        })
      ).body,
    );
    const rotated = JSON.parse((await admin.post(`/api/service-tokens/${created.id}/rotate`)).body);
    expect(rotated.expiresAt).toBe(created.expiresAt);
    expect(rotated.rotatedFrom).toBe(created.id);
    // 2099-12-31 in New York ends at 05:00 UTC on 2100-01-01.
    expect(rotated.expiresAt).toBe('2100-01-01T05:00:00.000Z');
  });

  it('refuse an expiry in the past or not a real date, naming the field', async () => {
    for (const expiresOn of ['2020-01-01', '2026-02-30', 'soon']) {
      const res = await admin.post('/api/service-tokens', {
        name: 'Bad',
        scopes: ['journal:read'],
        expiresOn,
      });
      expect(res.statusCode, expiresOn).toBe(400);
      expect(JSON.parse(res.body).errors[0].field).toBe('body.expiresOn');
    }
  });
});
