import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { recordRequestEvent } from './service.ts';

/** The system approves a request in review for this amount, the step the applicant is told about; returns its id. */
export function recordApproval(
  db: Kysely<Database>,
  requestId: string,
  amountCents: number,
): Promise<string> {
  return db.transaction().execute((trx) =>
    recordRequestEvent(trx, {
      requestId,
      type: 'approved',
      actor: { id: null, kind: 'system' },
      fromStatus: 'in_review',
      toStatus: 'approved',
      data: { amountCents },
      visibleToApplicant: true,
    }),
  );
}
