import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../platform/config.ts';
import { fieldKey, openField } from '../../platform/field-crypto.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { insertApprovedPayment } from '../payments/fixtures.ts';
import { accountFingerprint } from '../risk/service.ts';
import { rotateKeys } from './rotate.ts';
import { rowById } from '../../testing/rows.ts';

const oldKey = randomBytes(32);
const newKey = randomBytes(32);
const t = useTestApp({ HMS_ENCRYPTION_KEY: oldKey.toString('base64') });

describe('hms keys rotate', () => {
  it('re-encrypts account numbers and stored NACHA files under the new key; the file stays byte-identical', async () => {
    const db = t.db.kysely;
    const citizenId = t.citizenId;
    const programId = t.programId('home-energy-rebate');
    const p = await insertApprovedPayment(db, t.config, {
      applicantId: citizenId,
      programId,
      amountCents: 9_00,
      accountNumber: '24681357',
    });
    const fin = await t.signIn('finance');
    const batch = JSON.parse((await fin.post('/api/batches', { paymentIds: [p.paymentId] })).body);

    const rotated = parseConfig({
      ...process.env,
      HMS_DATA_DIR: t.config.dataDir,
      HMS_ENCRYPTION_KEY: newKey.toString('base64'),
      HMS_PREVIOUS_ENCRYPTION_KEYS: oldKey.toString('base64'),
    });
    // Without the old key the rotation cannot open old values and says so.
    const noOld = parseConfig({
      ...process.env,
      HMS_DATA_DIR: t.config.dataDir,
      HMS_ENCRYPTION_KEY: newKey.toString('base64'),
    });
    await expect(rotateKeys(db, noOld)).rejects.toThrow(/rotated out/);

    const underOld = (
      await db
        .selectFrom('payee_accounts')
        .select('id')
        .where('key_id', '=', fieldKey(oldKey).id)
        .execute()
    ).length;
    expect(underOld).toBeGreaterThanOrEqual(1);
    const r = await rotateKeys(db, rotated);
    expect(r).toMatchObject({ keyId: fieldKey(newKey).id, payeeAccounts: underOld, achFiles: 1 });
    const acct = await rowById(db, 'payee_accounts', p.payeeAccountId);
    expect(acct.key_id).toBe(fieldKey(newKey).id);
    expect(openField(acct.account_number_enc, [fieldKey(newKey)])).toBe('24681357');
    // The risk fingerprint follows the key, so rotated accounts still match newly written ones.
    expect(acct.fingerprint).toBe(accountFingerprint(newKey, acct.routing_number, '24681357'));
    const b = await rowById(db, 'ach_batches', batch.id);
    const text = openField(b.file_enc, [fieldKey(newKey)]);
    expect(createHash('sha256').update(text).digest('hex')).toBe(b.file_sha256);
    expect(() => openField(b.file_enc, [fieldKey(oldKey)])).toThrow();
    // A second run has nothing left to do.
    expect(await rotateKeys(db, rotated)).toMatchObject({ payeeAccounts: 0, achFiles: 0 });
  });
});
