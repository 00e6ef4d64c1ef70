import type { Transaction } from 'kysely';
import type { Database, Queryable } from '../../platform/db/schema.ts';
import { deleteRowsOfRequests } from '../../platform/db/rows-of-requests.ts';

export async function replaceSignals(
  trx: Transaction<Database>,
  requestId: string,
  signals: Array<{
    kind: string;
    level: 'low' | 'medium' | 'high';
    explanation: string;
    data: Record<string, unknown>;
  }>,
  now: Date,
) {
  await trx.deleteFrom('risk_signals').where('request_id', '=', requestId).execute();
  if (signals.length > 0) {
    await trx
      .insertInto('risk_signals')
      .values(
        signals.map((s) => ({
          request_id: requestId,
          kind: s.kind,
          level: s.level,
          explanation: s.explanation,
          data: JSON.stringify(s.data),
          computed_at: now,
        })),
      )
      .execute();
  }
}

export async function signalsOf(db: Queryable, requestId: string) {
  return db
    .selectFrom('risk_signals')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('kind')
    .execute();
}

/** Practice space: the risk signals of these (practice) requests go when the practice data is cleared. */
export function deleteSignalsOfRequests(
  trx: Transaction<Database>,
  requestIds: readonly string[],
): Promise<number> {
  return deleteRowsOfRequests(trx, 'risk_signals', requestIds);
}
