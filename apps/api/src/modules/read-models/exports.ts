import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

// Read models "payee export" and "request export" (issue 12 item 7): payees (users, their latest payee account, the
// external id they were imported under) and requests (with program, people, steps and import ids) in the import
// formats, one keyset page at a time, so an agency's 100,000 rows are read in pages of the same size whatever the
// table holds. They write nothing.

/**
 * A keyset page (`after` the last id of the previous page, `limit` rows), optionally only these ids (the import
 * compares a row of HMS's own against what the export writes for it now).
 */
export interface ExportQuery {
  after: string | null;
  limit: number;
  ids?: readonly string[];
}

/** Citizens with a bank account (their latest), with the external id they were imported under, if any. */
export async function exportPayees(db: Kysely<Database>, q: ExportQuery, withSealed: boolean) {
  if (q.ids?.length === 0) return [];
  return (
    db
      .selectFrom('users as u')
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom('payee_accounts as pa')
            .select([
              'pa.routing_number',
              'pa.account_type',
              'pa.holder_name',
              'pa.account_last4',
              'pa.account_number_enc',
            ])
            .whereRef('pa.user_id', '=', 'u.id')
            .orderBy('pa.created_at', 'desc')
            .orderBy('pa.id', 'desc')
            .limit(1)
            .as('a'),
        (join) => join.onTrue(),
      )
      .leftJoin('imported_records as ir', (join) =>
        join.onRef('ir.entity_id', '=', 'u.id').on('ir.kind', '=', 'payees'),
      )
      .select([
        'u.id',
        'u.email',
        'u.display_name',
        'u.language',
        'ir.external_id',
        'ir.phone',
        'a.routing_number',
        'a.account_type',
        'a.holder_name',
        'a.account_last4',
      ])
      // The sealed number leaves the database only when the full numbers were asked for.
      .$if(withSealed, (b) => b.select('a.account_number_enc'))
      .where('u.practice', '=', false)
      .$if(q.after !== null, (b) => b.where('u.id', '>', q.after!))
      .$if(q.ids !== undefined, (b) => b.where('u.id', 'in', q.ids!))
      .orderBy('u.id')
      .limit(q.limit)
      .execute()
  );
}

/**
 * Requests past the draft, outside practice programs, with what the requests format says of them: the program's
 * slug, the external ids of the request and of its payee when they were imported, who decided (the staff member on
 * the last approval or rejection, or the one holding open work), when it was paid (the last `paid` step), the note.
 */
export async function exportRequests(
  db: Kysely<Database>,
  q: ExportQuery & { references?: readonly string[] },
) {
  if (q.references?.length === 0) return [];
  return db
    .selectFrom('requests as r')
    .innerJoin('programs as p', 'p.id', 'r.program_id')
    .leftJoin('imported_records as ir', (join) =>
      join.onRef('ir.entity_id', '=', 'r.id').on('ir.kind', '=', 'requests'),
    )
    .leftJoin('imported_records as pr', (join) =>
      join.onRef('pr.entity_id', '=', 'r.applicant_id').on('pr.kind', '=', 'payees'),
    )
    .leftJoin('users as holder', 'holder.id', 'r.assigned_to')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('request_events as e')
          .innerJoin('users as d', 'd.id', 'e.actor_id')
          .select('d.email')
          .whereRef('e.request_id', '=', 'r.id')
          .where('e.type', 'in', ['approved', 'rejected'])
          .orderBy('e.created_at', 'desc')
          .orderBy('e.id', 'desc')
          .limit(1)
          .as('decider'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('request_events as e')
          .select('e.created_at')
          .whereRef('e.request_id', '=', 'r.id')
          .where('e.type', '=', 'paid')
          .orderBy('e.created_at', 'desc')
          .orderBy('e.id', 'desc')
          .limit(1)
          .as('paid'),
      (join) => join.onTrue(),
    )
    .select([
      'r.id',
      'r.reference',
      'p.slug',
      'r.applicant_id',
      'r.status',
      'r.amount_requested_cents',
      'r.approved_amount_cents',
      'r.submitted_at',
      'r.decided_at',
      'ir.external_id',
      'ir.note',
      'pr.external_id as payee_external_id',
      'holder.email as holder_email',
      'decider.email as decider_email',
      'paid.created_at as paid_at',
    ])
    .where('r.status', '<>', 'draft')
    .where('p.practice', '=', false)
    .$if(q.after !== null, (b) => b.where('r.id', '>', q.after!))
    .$if(q.references !== undefined, (b) => b.where('r.reference', 'in', q.references!))
    .orderBy('r.id')
    .limit(q.limit)
    .execute();
}
