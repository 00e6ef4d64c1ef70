import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import { verifyAuditChain } from '../audit.ts';
import { open } from '../keyring.ts';
import type { Database } from './schema.ts';

/**
 * What a restored database must prove before anyone works on it: the audit chain verifies, every account number
 * opens with the configured keys, and every NACHA file opens and still has the SHA-256 it was built with. An
 * operations read across the tables that hold sealed data (their modules keep writing them; this only reads).
 */
export interface RestoreCheck {
  ok: boolean;
  audit: { ok: boolean; entries: number; brokenAtId: number | null };
  accounts: { total: number; readable: number };
  files: { total: number; intact: number };
}

function opens(config: Config, sealed: string): string | null {
  try {
    return open(config, sealed);
  } catch {
    return null;
  }
}

export async function checkRestored(db: Kysely<Database>, config: Config): Promise<RestoreCheck> {
  const audit = await verifyAuditChain(db);
  const accounts = await db.selectFrom('payee_accounts').select('account_number_enc').execute();
  const files = await db.selectFrom('ach_batches').select(['file_enc', 'file_sha256']).execute();
  const readable = accounts.filter((a) => opens(config, a.account_number_enc) !== null).length;
  const intact = files.filter((f) => {
    const text = opens(config, f.file_enc);
    return text !== null && createHash('sha256').update(text).digest('hex') === f.file_sha256;
  }).length;
  const result = {
    audit: audit.ok
      ? { ok: true, entries: audit.count, brokenAtId: null }
      : { ok: false, entries: 0, brokenAtId: audit.brokenAtId },
    accounts: { total: accounts.length, readable },
    files: { total: files.length, intact },
  };
  return {
    ok: result.audit.ok && readable === accounts.length && intact === files.length,
    ...result,
  };
}
