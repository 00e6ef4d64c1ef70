import type { Kysely } from 'kysely';
import type { Config } from '../platform/config.ts';
import type { Database } from '../platform/db/schema.ts';
import { uuidv7 } from '../platform/db/ids.ts';
import { seal } from '../platform/keyring.ts';

/**
 * A bank account written straight into payee_accounts, its number sealed under the current key as the API seals it:
 * what a fixture needs under a request or a payment it builds without going through the citizen's screens.
 */
export async function insertPayeeAccount(
  db: Kysely<Database>,
  config: Config,
  o: {
    userId: string;
    holderName: string;
    accountNumber: string;
    routingNumber?: string;
    accountType?: 'checking' | 'savings';
  },
): Promise<string> {
  const id = uuidv7();
  const sealed = seal(config, o.accountNumber);
  await db
    .insertInto('payee_accounts')
    .values({
      id,
      user_id: o.userId,
      holder_name: o.holderName,
      account_type: o.accountType ?? 'checking',
      routing_number: o.routingNumber ?? '011000015',
      account_number_enc: sealed.enc,
      account_last4: o.accountNumber.slice(-4),
      key_id: sealed.keyId,
    })
    .execute();
  return id;
}
