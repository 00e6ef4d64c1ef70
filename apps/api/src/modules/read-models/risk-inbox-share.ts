import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

/**
 * Read model "risk inbox share": open requests (what the approvals inbox lists) counted by risk level, from the
 * requests, and by signal kind, from the risk module's signals (bench/risk measures the demo inbox with it).
 */
export async function riskInboxShare(db: Kysely<Database>) {
  const open = ['submitted', 'in_review', 'needs_info', 'awaiting_second_approval'];
  const levels = await sql<{ level: string; n: number }>`
    select risk_level as level, count(*)::int as n from requests
    where status in (${sql.join(open)}) group by risk_level order by risk_level
  `.execute(db);
  const kinds = await sql<{ kind: string; n: number }>`
    select s.kind, count(*)::int as n from risk_signals s join requests r on r.id = s.request_id
    where r.status in (${sql.join(open)}) group by s.kind order by s.kind
  `.execute(db);
  const byLevel = Object.fromEntries(levels.rows.map((r) => [r.level, r.n])) as Record<
    string,
    number
  >;
  return {
    open: levels.rows.reduce((a, r) => a + r.n, 0),
    byLevel,
    byKind: Object.fromEntries(kinds.rows.map((r) => [r.kind, r.n])) as Record<string, number>,
  };
}
