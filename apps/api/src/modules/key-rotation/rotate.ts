import { sql, type Kysely } from 'kysely';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/schema.ts';
import { openField, sealedKeyId, sealField } from '../../platform/field-crypto.ts';
import { accountFingerprint } from '../risk/service.ts';
import { keyRing, type KeyRing } from '../../platform/keyring.ts';

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
  const achFiles = await resealColumn(db, ring, ['ach_batches', 'file_enc'], 'key_id');
  const nocs = await resealColumn(db, ring, ['ach_nocs', 'corrected_enc'], 'key_id');
  const webhookSecrets = await resealColumn(
    db,
    ring,
    ['webhook_endpoints', 'secret_enc'],
    'envelope',
  );
  return { keyId: ring.current.id, payeeAccounts, achFiles, nocs, webhookSecrets };
}

/** The sealed columns whose plaintext does not change with the key (a NACHA file keeps its SHA-256): only the envelope. */
type EnvelopeColumn =
  ['ach_batches', 'file_enc'] | ['ach_nocs', 'corrected_enc'] | ['webhook_endpoints', 'secret_enc'];

/**
 * Re-seals one column's values under the current key in one transaction and returns how many rows changed. The rows
 * still under an old key are found by their `key_id` column, or (webhook endpoints, as rotation always did there)
 * by the key id inside the envelope itself.
 */
async function resealColumn(
  db: Kysely<Database>,
  ring: KeyRing,
  [table, column]: EnvelopeColumn,
  staleBy: 'key_id' | 'envelope',
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const stale = staleBy === 'key_id' ? sql`key_id != ${ring.current.id}` : sql`true`;
    const { rows } = await sql<{ id: string; sealed: string }>`
      select id, ${sql.ref(column)} as sealed from ${sql.table(table)} where ${stale} for update
    `.execute(trx);
    const todo =
      staleBy === 'key_id' ? rows : rows.filter((r) => sealedKeyId(r.sealed) !== ring.current.id);
    for (const r of todo) {
      const resealed = sealField(openField(r.sealed, ring.all), ring.current);
      await sql`
        update ${sql.table(table)} set ${sql.ref(column)} = ${resealed}, key_id = ${ring.current.id}
        where id = ${r.id}
      `.execute(trx);
    }
    return todo.length;
  });
}
