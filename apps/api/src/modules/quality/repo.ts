import { sql, type Insertable, type Transaction } from 'kysely';
import type { Database, Queryable } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';

type Trx = Transaction<Database>;

export async function shareRows(db: Queryable) {
  return db
    .selectFrom('quality_shares as s')
    .leftJoin('users as u', 'u.id', 's.changed_by')
    .select([
      's.program_id',
      's.human_bp',
      's.automated_bp',
      's.changed_by',
      's.changed_at',
      'u.display_name as changed_by_name',
    ])
    .execute();
}

export async function sharesOfProgram(trx: Trx, programId: string) {
  return trx
    .selectFrom('quality_shares')
    .select(['human_bp', 'automated_bp'])
    .where('program_id', '=', programId)
    .executeTakeFirst();
}

export async function upsertShares(
  trx: Trx,
  row: { program_id: string; human_bp: number; automated_bp: number; changed_by: string },
) {
  return trx
    .insertInto('quality_shares')
    .values({ ...row, changed_at: new Date() })
    .onConflict((oc) =>
      oc.column('program_id').doUpdateSet({
        human_bp: row.human_bp,
        automated_bp: row.automated_bp,
        changed_by: row.changed_by,
        changed_at: new Date(),
      }),
    )
    .execute();
}

export async function insertSample(
  trx: Trx,
  s: Omit<Insertable<Database['quality_samples']>, 'id'>,
) {
  const id = uuidv7();
  await trx
    .insertInto('quality_samples')
    .values({ ...s, id })
    .execute();
  return id;
}

/** Pending samples, oldest first: what the queue shows (no outcome, decider or rule leaves this query). */
export async function pendingSamples(db: Queryable) {
  return db
    .selectFrom('quality_samples as s')
    .innerJoin('requests as r', 'r.id', 's.request_id')
    .innerJoin('programs as p', 'p.id', 's.program_id')
    .leftJoin('quality_rechecks as c', 'c.sample_id', 's.id')
    .where('c.id', 'is', null)
    .select([
      's.id',
      's.request_id',
      's.program_id',
      'p.name_en as program_name',
      'r.reference',
      'r.applicant_id',
      sql<string>`r.amount_requested_cents::bigint`.as('amount_requested_cents'),
      's.decider_id',
      's.first_approver_id',
      's.drawn_at',
    ])
    .orderBy('s.drawn_at')
    .orderBy('s.id')
    .execute();
}

/** One sample with what the rules need, locked when a re-check is about to be written. */
export async function sampleForRecheck(db: Queryable, id: string, lock: boolean) {
  let q = db
    .selectFrom('quality_samples as s')
    .innerJoin('requests as r', 'r.id', 's.request_id')
    .leftJoin('quality_rechecks as c', 'c.sample_id', 's.id')
    .where('s.id', '=', id)
    .select([
      's.id',
      's.request_id',
      's.outcome',
      's.decider_id',
      's.first_approver_id',
      'r.reference',
      'r.applicant_id',
      'c.id as recheck_id',
    ]);
  if (lock) q = q.forUpdate('s');
  return q.executeTakeFirst();
}

export async function insertRecheck(
  trx: Trx,
  c: {
    sample_id: string;
    reviewer_id: string;
    outcome: 'approve' | 'reject';
    agrees: boolean;
    note: string;
  },
) {
  const id = uuidv7();
  await trx
    .insertInto('quality_rechecks')
    .values({ ...c, id })
    .execute();
  return id;
}

/** Re-checked samples with both sides and their names, newest re-check first; `disagreeing` keeps only misses. */
export async function rechecked(
  db: Queryable,
  o: { sampleId?: string; programId?: string; disagreeing?: boolean },
) {
  let q = db
    .selectFrom('quality_samples as s')
    .innerJoin('quality_rechecks as c', 'c.sample_id', 's.id')
    .innerJoin('requests as r', 'r.id', 's.request_id')
    .innerJoin('programs as p', 'p.id', 's.program_id')
    .innerJoin('users as cu', 'cu.id', 'c.reviewer_id')
    .leftJoin('users as du', 'du.id', 's.decider_id')
    .select([
      's.id',
      's.program_id',
      'p.name_en as program_name',
      'r.reference',
      's.source',
      's.outcome',
      's.amount_cents',
      's.decider_id',
      'du.display_name as decider_name',
      's.rule_version_id',
      's.rule_version',
      's.rule_id',
      's.rule_position',
      's.decided_at',
      'c.outcome as recheck_outcome',
      'c.agrees',
      'c.note',
      'c.reviewer_id',
      'cu.display_name as reviewer_name',
      'c.created_at as rechecked_at',
    ])
    .orderBy('c.created_at', 'desc')
    .orderBy('s.id');
  if (o.sampleId) q = q.where('s.id', '=', o.sampleId);
  if (o.programId) q = q.where('s.program_id', '=', o.programId);
  if (o.disagreeing) q = q.where('c.agrees', '=', false);
  return q.execute();
}

/** Re-checks counted per program, source and rule version: the rates' raw counts. */
export async function agreementCounts(db: Queryable) {
  return db
    .selectFrom('quality_samples as s')
    .innerJoin('quality_rechecks as c', 'c.sample_id', 's.id')
    .innerJoin('programs as p', 'p.id', 's.program_id')
    .select([
      's.program_id',
      'p.name_en as program_name',
      's.source',
      's.rule_version_id',
      sql<number | null>`max(s.rule_version)`.as('rule_version'),
      sql<string>`count(*)`.as('checked'),
      sql<string>`count(*) filter (where c.agrees)`.as('agreed'),
    ])
    .groupBy(['s.program_id', 'p.name_en', 's.source', 's.rule_version_id'])
    .orderBy('p.name_en')
    .execute();
}

/** Practice space: samples (and their re-checks) of practice requests go when the practice data is cleared. */
export async function deleteOfRequests(trx: Trx, requestIds: readonly string[]) {
  if (requestIds.length === 0) return;
  const samples = trx
    .selectFrom('quality_samples')
    .select('id')
    .where('request_id', 'in', requestIds);
  await trx.deleteFrom('quality_rechecks').where('sample_id', 'in', samples).execute();
  await trx.deleteFrom('quality_samples').where('request_id', 'in', requestIds).execute();
}
