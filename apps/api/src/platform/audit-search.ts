import type { Kysely } from 'kysely';
import type { AuditEntry, AuditFilters } from '@hms/contracts/audit';
import { startOfZonedDay } from '@hms/contracts/business-days';
import type { PlainDate } from '@hms/contracts/business-days';
import type { Database } from './db/schema.ts';
import { badRequest } from './errors.ts';
import { containsLike } from './db/like.ts';
import { uuidOf } from './db/ids.ts';

/**
 * Reads of the audit log for the admin search and its CSV export (the owner of audit_log is platform/audit.ts; this
 * file only reads it, with the actor's name from users as platform/auth/sessions.ts does). Keyset pages on the chain's
 * own id (a number), newest first.
 */
interface Cursor {
  d: 'n' | 'p';
  id: number;
}

const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decode(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  let c: Partial<Cursor> | null;
  try {
    c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Cursor>;
  } catch {
    c = null;
  }
  if (!c || (c.d !== 'n' && c.d !== 'p') || !Number.isSafeInteger(c.id) || (c.id ?? 0) < 1)
    throw badRequest('validation.cursor_invalid', 'The cursor is not valid.', [
      {
        field: 'query.cursor',
        message:
          'Use nextCursor or prevCursor of the page you are on exactly as returned, with the same filters; leave cursor out for the first page.',
      },
    ]);
  return { d: c.d, id: c.id! };
}

/** The next calendar day of a YYYY-MM-DD date. */
function nextDay(d: string): PlainDate {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10) as PlainDate;
}

/** 400 with the field when a day does not exist (2026-02-30) or the range ends before it starts. */
export function checkAuditDates(f: AuditFilters): void {
  for (const name of ['from', 'to'] as const) {
    const v = f[name];
    if (v && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v)
      throw badRequest('validation.failed', `${name} is not a real date.`, [
        { field: `query.${name}`, message: `${name} must be a real date written YYYY-MM-DD.` },
      ]);
  }
  if (f.from && f.to && f.from > f.to)
    throw badRequest('validation.date_range_reversed', 'The date range is reversed.', [
      { field: 'query.to', message: 'to must be on or after from.' },
    ]);
}

function filtered(db: Kysely<Database>, f: AuditFilters, timeZone: string) {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select([
      'a.id',
      'a.at',
      'a.actor_kind',
      'a.actor_id',
      'a.action',
      'a.entity_type',
      'a.entity_id',
      'a.data',
      'a.ip',
      'u.display_name as actor_name',
      'u.email as actor_email',
    ]);
  const actor = f.actor?.trim();
  if (actor) {
    const actorId = uuidOf(actor);
    if (actorId) q = q.where('a.actor_id', '=', actorId);
    else {
      const like = containsLike(actor);
      q = q.where((w) => w.or([w('u.email', 'ilike', like), w('u.display_name', 'ilike', like)]));
    }
  }
  if (f.action) q = q.where('a.action', '=', f.action);
  if (f.entityType) q = q.where('a.entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('a.entity_id', '=', f.entityId);
  if (f.from) q = q.where('a.at', '>=', startOfZonedDay(f.from as PlainDate, timeZone));
  if (f.to) q = q.where('a.at', '<', startOfZonedDay(nextDay(f.to), timeZone));
  return q;
}

type Row = Awaited<ReturnType<ReturnType<typeof filtered>['execute']>>[number];

function toEntry(r: Row): AuditEntry {
  return {
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    actor: {
      kind: r.actor_kind,
      id: r.actor_id,
      name: r.actor_name ?? null,
      email: r.actor_email ?? null,
    },
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    data: r.data,
    ip: r.ip,
  };
}

/** One page of entries matching the filters, newest first. */
export async function searchAudit(
  db: Kysely<Database>,
  f: AuditFilters,
  page: { cursor?: string | undefined; limit: number },
  timeZone: string,
): Promise<{ items: AuditEntry[]; nextCursor: string | null; prevCursor: string | null }> {
  checkAuditDates(f);
  const cursor = decode(page.cursor);
  const backwards = cursor?.d === 'p';
  let q = filtered(db, f, timeZone)
    .orderBy('a.id', backwards ? 'asc' : 'desc')
    .limit(page.limit + 1);
  if (cursor) q = q.where('a.id', backwards ? '>' : '<', cursor.id);
  const read = await q.execute();
  const more = read.length > page.limit;
  const rows = read.slice(0, page.limit);
  if (backwards) rows.reverse();
  const first = rows[0] ? Number(rows[0].id) : cursor?.id;
  const last = rows.length ? Number(rows[rows.length - 1]!.id) : cursor?.id;
  const hasNewer = backwards ? more : cursor !== null;
  const hasOlder = backwards ? true : more;
  return {
    items: rows.map(toEntry),
    nextCursor: hasOlder && last ? encode({ d: 'n', id: last }) : null,
    prevCursor: hasNewer && first ? encode({ d: 'p', id: first }) : null,
  };
}

/** Every entry matching the filters, newest first, read in slices of `batch` (for the CSV export). */
export async function* allAuditEntries(
  db: Kysely<Database>,
  f: AuditFilters,
  timeZone: string,
  batch = 1000,
): AsyncGenerator<AuditEntry> {
  checkAuditDates(f);
  let before: number | null = null;
  for (;;) {
    let q = filtered(db, f, timeZone).orderBy('a.id', 'desc').limit(batch);
    if (before !== null) q = q.where('a.id', '<', before);
    const rows = await q.execute();
    for (const r of rows) yield toEntry(r);
    if (rows.length < batch) return;
    before = Number(rows[rows.length - 1]!.id);
  }
}
