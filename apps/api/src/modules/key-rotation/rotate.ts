import type { Kysely } from 'kysely';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/schema.ts';
import { openField, sealedKeyId, sealField } from '../../platform/field-crypto.ts';
import { accountFingerprint } from '../risk/service.ts';
import { keyRing } from '../../platform/keyring.ts';

export interface RotationReport {
  keyId: string;
  payeeAccounts: number;
  achFiles: number;
  nocs: number;
  webhookSecrets: number;
}

/**
 * Re-encrypts every sealed value (payee account numbers, stored NACHA files, NOC corrections, webhook secrets) under
 * the current key. Old keys come from HMS_PREVIOUS_ENCRYPTION_KEYS (and the embedded key file when
 * HMS_ENCRYPTION_KEY replaced it). Row by row in one transaction per table, so a failure leaves each table either
 * rotated or untouched; running it again only touches rows still under an old key.
 */
export async function rotateKeys(db: Kysely<Database>, config: Config): Promise<RotationReport> {
  const ring = keyRing(config);
  const reseal = (v: string) => sealField(openField(v, ring.all), ring.current);
  const stale = (v: string) => sealedKeyId(v) !== ring.current.id;

  const payeeAccounts = await db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('payee_accounts')
      .select(['id', 'account_number_enc', 'routing_number'])
      .where('key_id', '!=', ring.current.id)
      .forUpdate()
      .execute();
    for (const r of rows) {
      const accountNumber = openField(r.account_number_enc, ring.all);
      await trx
        .updateTable('payee_accounts')
        .set({
          account_number_enc: sealField(accountNumber, ring.current),
          key_id: ring.current.id,
          // Fingerprints are keyed with the encryption key: recompute them, or the shared-account risk signal would
          // stop matching rotated accounts against new ones.
          fingerprint: accountFingerprint(ring.current.key, r.routing_number, accountNumber),
        })
        .where('id', '=', r.id)
        .execute();
    }
    return rows.length;
  });
  const achFiles = await db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('ach_batches')
      .select(['id', 'file_enc'])
      .where('key_id', '!=', ring.current.id)
      .forUpdate()
      .execute();
    // The plaintext file is unchanged (its SHA-256 still matches); only its envelope changes.
    for (const r of rows)
      await trx
        .updateTable('ach_batches')
        .set({ file_enc: reseal(r.file_enc), key_id: ring.current.id })
        .where('id', '=', r.id)
        .execute();
    return rows.length;
  });
  const nocs = await db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('ach_nocs')
      .select(['id', 'corrected_enc'])
      .where('key_id', '!=', ring.current.id)
      .forUpdate()
      .execute();
    for (const r of rows)
      await trx
        .updateTable('ach_nocs')
        .set({ corrected_enc: reseal(r.corrected_enc), key_id: ring.current.id })
        .where('id', '=', r.id)
        .execute();
    return rows.length;
  });
  const webhookSecrets = await db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('webhook_endpoints')
      .select(['id', 'secret_enc'])
      .forUpdate()
      .execute();
    const todo = rows.filter((r) => stale(r.secret_enc));
    for (const r of todo)
      await trx
        .updateTable('webhook_endpoints')
        .set({ secret_enc: reseal(r.secret_enc), key_id: ring.current.id })
        .where('id', '=', r.id)
        .execute();
    return todo.length;
  });
  return { keyId: ring.current.id, payeeAccounts, achFiles, nocs, webhookSecrets };
}
