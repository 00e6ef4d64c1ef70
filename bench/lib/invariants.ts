// The money invariants HMS must hold after any load or any crash, checked against the database itself. Shared by the
// load test (bench/load/run.ts) and the crash drills: they pass what their clients were told (acknowledged
// submissions, approvals, settlements) and get one named check per invariant, each with pass/fail and what broke.
//
//   const checks = await checkInvariants({ databaseUrl, env: { HMS_ENCRYPTION_KEY: key }, acknowledged });
//   process.stdout.write(formatChecks(checks));
//
// Read-only: it opens its own small pool (or uses the Kysely instance given) and writes nothing.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as KyselyModule from '../../apps/api/node_modules/kysely/dist/esm/index.js';
import type { Kysely } from '../../apps/api/node_modules/kysely/dist/esm/index.js';
import { openDb } from '../../apps/api/src/platform/db/connect.ts';
import type { Database } from '../../apps/api/src/platform/db/schema.ts';
import { parseConfig, type Config } from '../../apps/api/src/platform/config.ts';
import { open } from '../../apps/api/src/platform/keyring.ts';
import { auditVerifyResult } from '../../apps/api/src/platform/audit-verify.ts';
import { parseFile } from '../../packages/ach/src/parse.ts';

// kysely is a dependency of the api package; load its sql tag from there (the bench has no copy of its own).
const requireFromApi = createRequire(new URL('../../apps/api/package.json', import.meta.url));
const { sql } = requireFromApi('kysely') as typeof KyselyModule;

export interface InvariantCheck {
  name: string;
  ok: boolean;
  /** How many things the check looked at (requests, payments, batches, audit entries). */
  checked: number;
  /** One line per violation (at most MAX_DETAILS, then a count of the rest); empty when ok. */
  details: string[];
}

/** What the clients were told succeeded: each must be in the database, whatever happened to the server after. */
export interface Acknowledged {
  /** A submit answered 200/201 with this request id and reference. */
  submissions?: ReadonlyArray<{ requestId: string; reference: string }>;
  /** An approval answered with the request's status approved and this payment id. */
  approvals?: ReadonlyArray<{ requestId: string; paymentId: string }>;
  /** A settlement answered 200 for this batch. */
  settlements?: ReadonlyArray<{ batchId: string }>;
}

/** What a webhook receiver got, in arrival order, duplicates included (the crash drills run one). */
export interface WebhookReceipt {
  /** The `webhook-id` header (the event id). */
  id: string;
  body: string;
}

export interface InvariantInput {
  /** The database to check: a URL (a pool of its own is opened and closed) or a Kysely instance (left open). */
  databaseUrl?: string;
  db?: Kysely<Database>;
  /**
   * The API's environment as far as the keys go (HMS_ENCRYPTION_KEY, HMS_PREVIOUS_ENCRYPTION_KEYS, HMS_DATA_DIR for
   * the embedded key file): NACHA files are sealed at rest and must be opened to be compared with their batches.
   */
  env: Record<string, string | undefined>;
  acknowledged?: Acknowledged;
  /**
   * A webhook receiver's log: every copy of an id must carry the body HMS stored for it, and, with `endpointId`
   * (the endpoint the receiver is registered as), every delivery HMS marked delivered must have arrived.
   */
  webhooks?: { receipts: readonly WebhookReceipt[]; endpointId?: string };
}

const MAX_DETAILS = 20;

function check(name: string, checked: number, problems: string[]): InvariantCheck {
  const details = problems.slice(0, MAX_DETAILS);
  if (problems.length > MAX_DETAILS) details.push(`… and ${problems.length - MAX_DETAILS} more`);
  return { name, ok: problems.length === 0, checked, details };
}

async function rows<T>(db: Kysely<Database>, query: KyselyModule.RawBuilder<T>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

async function acknowledgedSubmissionsExist(
  db: Kysely<Database>,
  acks: ReadonlyArray<{ requestId: string; reference: string }>,
): Promise<InvariantCheck> {
  const problems: string[] = [];
  const ids = acks.map((a) => a.requestId);
  const found = new Map<string, { reference: string; status: string }>();
  for (let i = 0; i < ids.length; i += 1000) {
    const part = ids.slice(i, i + 1000);
    for (const r of await rows<{ id: string; reference: string; status: string }>(
      db,
      sql`select id, reference, status from requests where id = any(${part}::uuid[])`,
    ))
      found.set(r.id, r);
  }
  for (const a of acks) {
    const r = found.get(a.requestId);
    if (!r)
      problems.push(`request ${a.requestId} (${a.reference}) was acknowledged but is missing`);
    else if (r.reference !== a.reference)
      problems.push(
        `request ${a.requestId} has reference ${r.reference}, acknowledged ${a.reference}`,
      );
    else if (r.status === 'draft')
      problems.push(`request ${a.reference} was acknowledged as submitted but is still a draft`);
  }
  return check('every acknowledged submission exists', acks.length, problems);
}

const LIVE = `('pending', 'prenote_sent', 'batched', 'released', 'settled')`;

/**
 * Approved and paid requests have exactly one live payment (not returned, not cancelled) of the approved amount,
 * settled when the request is paid; every other request has none. Acknowledged approvals name that payment.
 */
async function oneLivePaymentPerApproval(
  db: Kysely<Database>,
  acks: ReadonlyArray<{ requestId: string; paymentId: string }>,
): Promise<InvariantCheck> {
  const problems: string[] = [];
  const counted = await rows<{
    id: string;
    reference: string;
    status: string;
    approved_amount_cents: number | null;
    live: number;
    live_amount: number | null;
    settled: number;
  }>(
    db,
    sql`select r.id, r.reference, r.status, r.approved_amount_cents,
          count(p.id)::int as live, min(p.amount_cents)::bigint as live_amount,
          count(p.id) filter (where p.status = 'settled')::int as settled
        from requests r
        left join payments p on p.request_id = r.id and p.status in ${sql.raw(LIVE)}
        where r.status in ('approved', 'paid') or p.id is not null
        group by r.id`,
  );
  for (const r of counted) {
    const approved = r.status === 'approved' || r.status === 'paid';
    if (!approved) {
      problems.push(`${r.reference} is ${r.status} but has ${r.live} live payment(s)`);
      continue;
    }
    if (r.live !== 1) {
      problems.push(`${r.reference} is ${r.status} with ${r.live} live payments (want exactly 1)`);
      continue;
    }
    if (Number(r.live_amount) !== Number(r.approved_amount_cents))
      problems.push(
        `${r.reference}: payment of ${r.live_amount} cents, approved ${r.approved_amount_cents}`,
      );
    if (r.status === 'paid' && r.settled !== 1)
      problems.push(`${r.reference} is paid but its payment is not settled`);
  }
  if (acks.length > 0) {
    const payments = new Map<string, { request_id: string }>();
    const ids = acks.map((a) => a.paymentId);
    for (let i = 0; i < ids.length; i += 1000) {
      for (const p of await rows<{ id: string; request_id: string }>(
        db,
        sql`select id, request_id from payments where id = any(${ids.slice(i, i + 1000)}::uuid[])`,
      ))
        payments.set(p.id, p);
    }
    for (const a of acks) {
      const p = payments.get(a.paymentId);
      if (!p) problems.push(`payment ${a.paymentId} of an acknowledged approval is missing`);
      else if (p.request_id !== a.requestId)
        problems.push(`payment ${a.paymentId} belongs to ${p.request_id}, not ${a.requestId}`);
    }
  }
  return check(
    'every approved request has exactly one live payment',
    counted.length + acks.length,
    problems,
  );
}

/** A payment's money is in at most one batch that was not cancelled, and the payment points at that batch. */
async function noPaymentInTwoBatches(db: Kysely<Database>): Promise<InvariantCheck> {
  const problems: string[] = [];
  const doubled = await rows<{ payment_id: string; batches: string[] }>(
    db,
    sql`select e.payment_id, array_agg(e.batch_id::text order by e.batch_id) as batches
        from ach_entries e join ach_batches b on b.id = e.batch_id
        where e.kind = 'payment' and b.status <> 'cancelled'
        group by e.payment_id having count(*) > 1`,
  );
  for (const d of doubled)
    problems.push(
      `payment ${d.payment_id} is paid in ${d.batches.length} batches: ${d.batches.join(', ')}`,
    );
  const mismatched = await rows<{
    id: string;
    status: string;
    batch_id: string | null;
    entry_batch: string | null;
  }>(
    db,
    sql`select p.id, p.status, p.batch_id, e.batch_id as entry_batch
        from payments p
        left join lateral (
          select e.batch_id from ach_entries e join ach_batches b on b.id = e.batch_id
          where e.payment_id = p.id and e.kind = 'payment' and b.status <> 'cancelled' limit 1
        ) e on true
        where (p.status in ('released', 'settled', 'returned') and (e.batch_id is null or p.batch_id is distinct from e.batch_id)
               -- settled with no batch at all: paid outside HMS's files (the demo seed's first rows, written settled)
               and not (p.status = 'settled' and p.batch_id is null and e.batch_id is null))
           or (p.status = 'batched' and p.batch_id is null)
           or (p.status in ('pending', 'prenote_sent') and e.batch_id is not null)`,
  );
  for (const m of mismatched)
    problems.push(
      m.entry_batch === null && m.status !== 'batched'
        ? `payment ${m.id} is ${m.status} but no batch carries its money (no NACHA entry)`
        : `payment ${m.id} is ${m.status} with batch ${m.batch_id ?? 'none'}, its money entry is in ${m.entry_batch ?? 'no batch'}`,
    );
  const stateless = await rows<{
    batch_id: string;
    status: string;
    payment_id: string;
    payment_status: string;
  }>(
    db,
    sql`select b.id as batch_id, b.status, p.id as payment_id, p.status as payment_status
        from ach_batches b join ach_entries e on e.batch_id = b.id and e.kind = 'payment'
        join payments p on p.id = e.payment_id
        where (b.status = 'released' and p.status not in ('released', 'returned'))
           or (b.status = 'settled' and p.status not in ('settled', 'returned'))
           or (b.status = 'built' and p.status <> 'batched')`,
  );
  for (const s of stateless)
    problems.push(
      `batch ${s.batch_id} is ${s.status} but its payment ${s.payment_id} is ${s.payment_status}`,
    );
  const total = await rows<{ n: number }>(db, sql`select count(*)::int as n from payments`);
  return check('no payment is in two batches', total[0]!.n, problems);
}

/**
 * Every batch's stored totals equal its NACHA file, read back with the project's own parser: the file opens with the
 * keys and has the SHA-256 it was built with, parses without errors, its control totals are the batch's, and its
 * entries are the batch's entries (trace number, amount, transaction code), one for one.
 */
async function batchTotalsEqualFiles(
  db: Kysely<Database>,
  config: Config,
): Promise<InvariantCheck> {
  const problems: string[] = [];
  const batches = await rows<{
    id: string;
    entry_count: number;
    total_cents: number;
    file_enc: string;
    file_sha256: string;
  }>(
    db,
    sql`select id, entry_count, total_cents::bigint as total_cents, file_enc, file_sha256 from ach_batches order by id`,
  );
  const entries = await rows<{
    batch_id: string;
    trace_number: string;
    amount_cents: number;
    transaction_code: number;
  }>(
    db,
    sql`select batch_id, trace_number, amount_cents::bigint as amount_cents, transaction_code from ach_entries`,
  );
  const byBatch = new Map<string, Map<string, { amount: number; code: number }>>();
  for (const e of entries) {
    const m = byBatch.get(e.batch_id) ?? new Map();
    m.set(e.trace_number, { amount: Number(e.amount_cents), code: e.transaction_code });
    byBatch.set(e.batch_id, m);
  }
  for (const b of batches) {
    let text: string;
    try {
      text = open(config, b.file_enc);
    } catch (err) {
      problems.push(
        `batch ${b.id}: its file does not open with the keys (${(err as Error).message})`,
      );
      continue;
    }
    if (createHash('sha256').update(text).digest('hex') !== b.file_sha256) {
      problems.push(`batch ${b.id}: the file's SHA-256 is not the one it was built with`);
      continue;
    }
    const parsed = parseFile(text);
    if (parsed.errors.length > 0) {
      problems.push(
        `batch ${b.id}: the file does not parse: ${parsed.errors.map((e) => e.message).join('; ')}`,
      );
      continue;
    }
    const fileEntries = parsed.file.batches.flatMap((x) => x.entries);
    const control = parsed.file.control!;
    const credits = fileEntries.reduce((t, e) => t + e.amount, 0);
    if (control.totalCredit !== Number(b.total_cents) || credits !== Number(b.total_cents))
      problems.push(
        `batch ${b.id}: total ${b.total_cents} cents, file control credits ${control.totalCredit}, entries ${credits}`,
      );
    if (control.totalDebit !== 0)
      problems.push(`batch ${b.id}: the file debits ${control.totalDebit} cents`);
    if (fileEntries.length !== b.entry_count)
      problems.push(
        `batch ${b.id}: ${b.entry_count} entries stored, ${fileEntries.length} in the file`,
      );
    const stored = byBatch.get(b.id) ?? new Map<string, { amount: number; code: number }>();
    if (stored.size !== fileEntries.length)
      problems.push(
        `batch ${b.id}: ${stored.size} entry rows, ${fileEntries.length} entries in the file`,
      );
    for (const e of fileEntries) {
      const s = stored.get(e.traceNumber);
      if (!s) problems.push(`batch ${b.id}: file entry ${e.traceNumber} has no entry row`);
      else if (s.amount !== e.amount || s.code !== e.transactionCode)
        problems.push(
          `batch ${b.id}: entry ${e.traceNumber} is ${s.amount} cents code ${s.code}, the file says ${e.amount} code ${e.transactionCode}`,
        );
    }
  }
  return check("every batch's totals equal its file", batches.length, problems);
}

async function acknowledgedSettlementsHeld(
  db: Kysely<Database>,
  acks: ReadonlyArray<{ batchId: string }>,
): Promise<InvariantCheck> {
  const problems: string[] = [];
  const ids = [...new Set(acks.map((a) => a.batchId))];
  const found = new Map<string, string>();
  if (ids.length > 0)
    for (const b of await rows<{ id: string; status: string }>(
      db,
      sql`select id, status from ach_batches where id = any(${ids}::uuid[])`,
    ))
      found.set(b.id, b.status);
  for (const id of ids) {
    const status = found.get(id);
    if (status !== 'settled')
      problems.push(`batch ${id} was acknowledged settled but is ${status ?? 'missing'}`);
  }
  return check('every acknowledged settlement holds', ids.length, problems);
}

async function auditChainVerifies(db: Kysely<Database>): Promise<InvariantCheck> {
  const r = await auditVerifyResult(db);
  return {
    name: 'the audit chain verifies',
    ok: r.ok,
    checked: r.count ?? 0,
    details: r.ok ? [] : [r.text],
  };
}

/**
 * Money never moves twice, whatever retries or crashes happen: no batch released, settled or cancelled twice (audit),
 * no payment announced settled or returned twice (outbox, what integrations hear), no payment returned twice, no
 * request paid twice, and no payment settled while its batch is not.
 */
async function moneyMovesOnce(db: Kysely<Database>): Promise<InvariantCheck> {
  const problems: string[] = [];
  for (const e of await rows<{ type: string; aggregate_id: string; n: number }>(
    db,
    sql`select type, aggregate_id, count(*)::int as n from outbox_events
        where type in ('batch.released', 'payment.settled', 'payment.returned')
        group by type, aggregate_id having count(*) > 1`,
  ))
    problems.push(`${e.type} announced ${e.n} times for ${e.aggregate_id}`);
  for (const a of await rows<{ action: string; entity_id: string; n: number }>(
    db,
    sql`select action, entity_id, count(*)::int as n from audit_log
        where action in ('batch.released', 'batch.settled', 'batch.cancelled')
        group by action, entity_id having count(*) > 1`,
  ))
    problems.push(`${a.action} audited ${a.n} times for batch ${a.entity_id}`);
  for (const r of await rows<{ payment_id: string; n: number }>(
    db,
    sql`select payment_id, count(*)::int as n from ach_returns group by payment_id having count(*) > 1`,
  ))
    problems.push(`payment ${r.payment_id} recorded as returned ${r.n} times`);
  for (const p of await rows<{ request_id: string; n: number }>(
    db,
    sql`select request_id, count(*)::int as n from request_events where type = 'paid'
        group by request_id having count(*) > 1`,
  ))
    problems.push(`request ${p.request_id} paid ${p.n} times`);
  for (const s of await rows<{ id: string; batch_status: string }>(
    db,
    sql`select p.id, b.status as batch_status from payments p join ach_batches b on b.id = p.batch_id
        where p.status = 'settled' and b.status <> 'settled'`,
  ))
    problems.push(`payment ${s.id} is settled in a batch that is ${s.batch_status}`);
  const moved = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from outbox_events
        where type in ('batch.released', 'payment.settled', 'payment.returned')`,
  );
  return check('no money moves twice', moved[0]!.n, problems);
}

/**
 * A webhook may arrive twice, with the same id; it must then be the same message: HMS stores one body per event
 * (every endpoint's delivery of it), and a receiver's copies of an id all carry that body.
 */
async function webhooksOneBodyPerId(
  db: Kysely<Database>,
  received: InvariantInput['webhooks'],
): Promise<InvariantCheck> {
  const problems: string[] = [];
  for (const s of await rows<{ event_id: string; bodies: number }>(
    db,
    sql`select event_id, count(distinct body)::int as bodies from webhook_deliveries
        group by event_id having count(distinct body) > 1`,
  ))
    problems.push(`event ${s.event_id} is delivered with ${s.bodies} different bodies`);
  const deliveries = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from webhook_deliveries`,
  );
  if (!received) return check('a webhook id always carries one body', deliveries[0]!.n, problems);
  const got = new Map<string, string>();
  for (const r of received.receipts) {
    const first = got.get(r.id);
    if (first === undefined) got.set(r.id, r.body);
    else if (first !== r.body) problems.push(`webhook ${r.id} arrived twice with different bodies`);
  }
  const ids = [...got.keys()];
  const stored = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 1000)
    for (const d of await rows<{ event_id: string; body: string }>(
      db,
      sql`select distinct on (event_id) event_id::text, body from webhook_deliveries
          where event_id = any(${ids.slice(i, i + 1000)}::uuid[])`,
    ))
      stored.set(d.event_id, d.body);
  for (const [id, body] of got) {
    const s = stored.get(id);
    if (s === undefined) problems.push(`webhook ${id} arrived but HMS has no delivery of it`);
    else if (s !== body) problems.push(`webhook ${id} arrived with a body HMS did not store`);
  }
  if (received.endpointId)
    for (const d of await rows<{ event_id: string }>(
      db,
      sql`select event_id::text from webhook_deliveries
          where endpoint_id = ${received.endpointId} and status = 'delivered'`,
    ))
      if (!got.has(d.event_id))
        problems.push(`the delivery of event ${d.event_id} is marked delivered but never arrived`);
  return check(
    'a webhook id always carries one body',
    deliveries[0]!.n + received.receipts.length,
    problems,
  );
}

/** Runs every check (each one even when another failed) and returns them in a fixed order. */
export async function checkInvariants(input: InvariantInput): Promise<InvariantCheck[]> {
  if (!input.db && !input.databaseUrl) throw new Error('checkInvariants needs databaseUrl or db');
  const own = input.db ? null : await openDb({ databaseUrl: input.databaseUrl });
  const db = input.db ?? own!.kysely;
  const config = parseConfig({
    ...input.env,
    DATABASE_URL: input.databaseUrl ?? input.env.DATABASE_URL,
  });
  const acks = input.acknowledged ?? {};
  try {
    const results: InvariantCheck[] = [];
    if (acks.submissions) results.push(await acknowledgedSubmissionsExist(db, acks.submissions));
    results.push(await oneLivePaymentPerApproval(db, acks.approvals ?? []));
    results.push(await noPaymentInTwoBatches(db));
    results.push(await batchTotalsEqualFiles(db, config));
    if (acks.settlements) results.push(await acknowledgedSettlementsHeld(db, acks.settlements));
    results.push(await auditChainVerifies(db));
    results.push(await moneyMovesOnce(db));
    results.push(await webhooksOneBodyPerId(db, input.webhooks));
    return results;
  } finally {
    await own?.close();
  }
}

/** The checks as lines for a terminal: PASS/FAIL, the name, how many things were looked at, then each violation. */
export function formatChecks(checks: readonly InvariantCheck[]): string {
  const lines: string[] = [];
  for (const c of checks) {
    lines.push(
      `${c.ok ? 'PASS' : 'FAIL'}  ${c.name} (${c.checked.toLocaleString('en-US')} checked)`,
    );
    for (const d of c.details) lines.push(`        ${d}`);
  }
  return lines.join('\n') + '\n';
}
