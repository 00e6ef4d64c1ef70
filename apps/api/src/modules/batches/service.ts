import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { validateText } from '@hms/ach/validate';
import { writeFile } from '@hms/ach/write';
import type { BatchDetail, BatchesResponse, BuildBatchBody } from '@hms/contracts/batches';
import {
  achEffectiveDate,
  addBusinessDays,
  nextBusinessDay,
  toZonedDate,
  toZonedDateTime,
} from '@hms/contracts/business-days';
import type { SettlementResponse } from '@hms/contracts/integration';
import type { AuthUser } from '../../platform/auth/sessions.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Config } from '../../platform/config.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import type { BatchStatus, Database } from '../../platform/db/schema.ts';
import { conflict, forbidden, HttpProblem, notFound } from '../../platform/errors.ts';
import { keysetPage } from '../../platform/pagination.ts';
import { recordRequestEvent } from '../notifications/service.ts';
import { open, seal } from '../../platform/keyring.ts';
import { buildAchFile, FILE_ID_MODIFIERS, transactionCode, type NachaEntryInput } from './nacha.ts';
import { emitEvent } from '../../platform/outbox.ts';
import {
  paymentEntriesOfBatch,
  paymentsByIds,
  promoteMaturedPrenotes,
  releasedPaymentsOfBatch,
  toPaymentItem,
} from '../payments/service.ts';
import * as repo from './repo.ts';

// Serialises batch builds so two builders never pick the same file id modifier or the same payments.
const BUILD_LOCK_KEY = 7_303_001;

export interface Actor {
  kind: 'user' | 'token';
  id: string;
  ip?: string | null;
}

function hhmm(now: Date, tz: string): string {
  const { secondsOfDay } = toZonedDateTime(now, tz);
  const h = Math.floor(secondsOfDay / 3600);
  const m = Math.floor((secondsOfDay % 3600) / 60);
  return `${String(h).padStart(2, '0')}${String(m).padStart(2, '0')}`;
}

export async function buildBatch(
  db: Kysely<Database>,
  config: Config,
  user: AuthUser,
  body: BuildBatchBody,
  ip: string | null,
  now = new Date(),
): Promise<BatchDetail> {
  const ids = [...new Set(body.paymentIds)];
  const tz = config.timezone;
  const today = toZonedDate(now, tz);
  const batchId = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${BUILD_LOCK_KEY})`.execute(trx);
    await promoteMaturedPrenotes(trx, today);
    // Row locks: a concurrent approval, cancel or second build waits for this one.
    await trx.selectFrom('payments').select('id').where('id', 'in', ids).forUpdate().execute();
    const rows = await paymentsByIds(trx, ids);
    const found = new Set(rows.map((r) => r.id));
    // An account whose prenote is still in flight (built, or released and not yet matured) must not be paid live
    // before the bank has had the configured business days to refuse it.
    const accountIds = [...new Set(rows.map((r) => r.payee_account_id))];
    const inFlight = new Map(
      accountIds.length === 0
        ? []
        : (
            await trx
              .selectFrom('payments')
              .select(['payee_account_id', 'prenote_ready_on'])
              .where('status', '=', 'prenote_sent')
              .where('payee_account_id', 'in', accountIds)
              .where('id', 'not in', ids)
              .execute()
          ).map((w) => [w.payee_account_id, w.prenote_ready_on]),
    );
    const errors = [
      ...rows
        .filter(
          (r) => r.status === 'pending' && r.requires_prenote && inFlight.has(r.payee_account_id),
        )
        .map((r) => ({
          field: 'body.paymentIds',
          message: `Payment for ${r.reference} waits for the prenote to the account ending ${r.account_last4} (ready on ${
            inFlight.get(r.payee_account_id) ?? 'the business days after its batch is released'
          }); batch it after that.`,
        })),
      ...ids
        .filter((id) => !found.has(id))
        .map((id) => ({ field: 'body.paymentIds', message: `Payment ${id} does not exist.` })),
      ...rows
        .filter((r) => r.status !== 'pending')
        .map((r) => ({
          field: 'body.paymentIds',
          message: `Payment for ${r.reference} is ${r.status}, not pending; refresh the list and select only pending payments.`,
        })),
    ];
    if (errors.length > 0)
      throw new HttpProblem(
        'batch.payments_not_batchable',
        409,
        'Conflict',
        'Some selected payments cannot be batched.',
        { errors },
      );

    const maxAmount = Math.max(...rows.map((r) => r.amount_cents));
    let { effectiveDate, sameDay } = achEffectiveDate({
      now,
      timeZone: tz,
      sameDayCutoff: config.originator.sameDayCutoff,
      amountCents: maxAmount,
    });
    if (body.sameDay === false && sameDay) {
      effectiveDate = nextBusinessDay(today);
      sameDay = false;
    }

    const used = await repo.usedModifiers(trx, today);
    const modifier = [...FILE_ID_MODIFIERS].find((c) => !used.has(c));
    if (!modifier)
      throw conflict(
        'batch.file_ids_exhausted',
        'All 36 file id modifiers (A–Z, 0–9) were used today. Build the batch on the next business day.',
      );

    const odfi8 = config.originator.odfiRouting.slice(0, 8);
    const accounts = await trx
      .selectFrom('payee_accounts')
      .select(['id', 'account_number_enc'])
      .where('id', 'in', [...new Set(rows.map((r) => r.payee_account_id))])
      .execute();
    const accountNumber = new Map(accounts.map((a) => [a.id, open(config, a.account_number_enc)]));
    const planned: Array<
      NachaEntryInput & { paymentId: string; payeeAccountId: string; programId: string }
    > = [];
    const prenoteAccounts = new Set<string>();
    for (const r of rows) {
      const seq = await repo.nextTraceSequence(trx);
      // One prenote per new account even when two of its payments are selected; the second one just waits.
      const kind =
        r.needs_prenote || prenoteAccounts.has(r.payee_account_id) ? 'prenote' : 'payment';
      if (kind === 'prenote') prenoteAccounts.add(r.payee_account_id);
      planned.push({
        paymentId: r.id,
        payeeAccountId: r.payee_account_id,
        programId: r.program_id,
        programSlug: r.program_slug,
        secCode: r.sec_code,
        kind,
        accountType: r.account_type,
        routingNumber: r.routing_number,
        accountNumber: accountNumber.get(r.payee_account_id)!,
        amountCents: r.amount_cents,
        holderName: r.holder_name,
        reference: r.reference,
        traceNumber: odfi8 + String(seq % 10_000_000).padStart(7, '0'),
      });
    }
    const achFile = buildAchFile({
      originator: config.originator,
      fileDate: today,
      fileTime: hhmm(now, tz),
      fileIdModifier: modifier,
      effectiveDate,
      entries: planned,
    });
    const text = writeFile(achFile);
    const report = validateText(text);
    if (!report.valid) {
      throw new Error(
        `Generated NACHA file failed validation: ${report.errors.map((e) => e.message).join('; ')}`,
      );
    }
    const sealed = seal(config, text);
    const live = planned.filter((p) => p.kind === 'payment');
    const id = uuidv7();
    await trx
      .insertInto('ach_batches')
      .values({
        id,
        status: 'built',
        file_date: today,
        file_id_modifier: modifier,
        effective_date: effectiveDate,
        same_day: sameDay,
        entry_count: planned.length,
        prenote_count: planned.length - live.length,
        total_cents: live.reduce((t, p) => t + p.amountCents, 0),
        file_enc: sealed.enc,
        key_id: sealed.keyId,
        file_sha256: createHash('sha256').update(text).digest('hex'),
        built_by: user.id,
      })
      .execute();
    await trx
      .insertInto('ach_entries')
      .values(
        planned.map((p) => ({
          id: uuidv7(),
          batch_id: id,
          payment_id: p.paymentId,
          payee_account_id: p.payeeAccountId,
          program_id: p.programId,
          kind: p.kind,
          transaction_code: transactionCode(p.kind, p.accountType),
          amount_cents: p.kind === 'prenote' ? 0 : p.amountCents,
          trace_number: p.traceNumber,
        })),
      )
      .execute();
    const prenoteReady = addBusinessDays(effectiveDate, config.originator.prenoteWaitDays);
    for (const p of planned) {
      await trx
        .updateTable('payments')
        .set(
          p.kind === 'payment'
            ? {
                status: 'batched',
                batch_id: id,
                trace_number: p.traceNumber,
                effective_date: effectiveDate,
                updated_at: new Date(),
              }
            : {
                status: 'prenote_sent',
                batch_id: id,
                trace_number: p.traceNumber,
                prenote_ready_on: prenoteReady,
                updated_at: new Date(),
              },
        )
        .where('id', '=', p.paymentId)
        .execute();
    }
    await appendAudit(trx, {
      actorId: user.id,
      actorKind: 'user',
      action: 'batch.built',
      entityType: 'ach_batch',
      entityId: id,
      data: {
        entries: planned.length,
        prenotes: planned.length - live.length,
        fileIdModifier: modifier,
        effectiveDate,
        sameDay,
      },
      ip,
    });
    return id;
  });
  return getBatch(db, user, batchId);
}

/** Batches newest first (ids are time-ordered: built order), one keyset page at a time. */
export async function listBatches(
  db: Kysely<Database>,
  q: { status?: BatchStatus | undefined; cursor?: string | undefined; limit: number },
): Promise<BatchesResponse> {
  let query = repo.batchRows(db);
  if (q.status) query = query.where('b.status', '=', q.status);
  const { rows, ...links } = await keysetPage(query, 'b.id', q);
  return { items: rows.map(repo.toBatchSummary), ...links };
}

export async function getBatch(
  db: Kysely<Database>,
  user: AuthUser,
  id: string,
): Promise<BatchDetail> {
  const row = await repo.batchRows(db).where('b.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('batch.not_found', `No batch with id ${id}.`);
  const entries = await db
    .selectFrom('ach_entries')
    .select(['id', 'kind', 'trace_number', 'amount_cents', 'transaction_code', 'payment_id'])
    .where('batch_id', '=', id)
    .orderBy('trace_number')
    .execute();
  const payments = entries.length
    ? await paymentsByIds(
        db,
        entries.map((e) => e.payment_id),
      )
    : [];
  const byId = new Map(payments.map((p) => [p.id, toPaymentItem(p)]));
  const supervisor = user.roles.includes('finance_supervisor');
  let releaseBlockedReason: string | null = null;
  if (row.status !== 'built') releaseBlockedReason = `The batch is ${row.status}.`;
  else if (!supervisor) releaseBlockedReason = 'Only a finance supervisor can release a batch.';
  else if (row.built_by === user.id)
    releaseBlockedReason =
      'You built this batch; another finance supervisor must release it (dual control).';
  else {
    const conflicts = await releaseConflicts(db, id, user.id);
    if (conflicts.length > 0)
      releaseBlockedReason = `You approved or applied for ${conflicts.map((c) => c.reference).join(', ')} in this batch; another finance supervisor must release it.`;
  }
  return {
    ...repo.toBatchSummary(row),
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      traceNumber: e.trace_number,
      amountCents: e.amount_cents,
      transactionCode: e.transaction_code,
      payment: byId.get(e.payment_id)!,
    })),
    can: {
      release: releaseBlockedReason === null,
      download: supervisor && (row.status === 'released' || row.status === 'settled'),
      cancel: row.status === 'built',
      settle: row.status === 'released',
    },
    releaseBlockedReason,
  };
}

/**
 * References of the requests in a batch that `userId` approved or applied for. DOMAIN: one person never approves and
 * releases the same money, and nobody acts on their own request.
 */
async function releaseConflicts(
  db: Kysely<Database> | Transaction<Database>,
  batchId: string,
  userId: string,
) {
  return db
    .selectFrom('ach_entries as e')
    .innerJoin('payments as p', 'p.id', 'e.payment_id')
    .innerJoin('requests as r', 'r.id', 'p.request_id')
    .select('r.reference')
    .where('e.batch_id', '=', batchId)
    .where((eb) =>
      eb.or([
        eb('r.applicant_id', '=', userId),
        eb.exists(
          eb
            .selectFrom('decisions as d')
            .select('d.id')
            .whereRef('d.request_id', '=', 'r.id')
            .where('d.actor_id', '=', userId)
            .where('d.kind', '=', 'approve'),
        ),
      ]),
    )
    .execute();
}

async function lockBatch(trx: Transaction<Database>, id: string) {
  const b = await trx
    .selectFrom('ach_batches')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!b) throw notFound('batch.not_found', `No batch with id ${id}.`);
  return b;
}

export async function releaseBatch(
  db: Kysely<Database>,
  config: Config,
  user: AuthUser,
  id: string,
  ip: string | null,
  now = new Date(),
): Promise<BatchDetail> {
  await db.transaction().execute(async (trx) => {
    const b = await lockBatch(trx, id);
    if (b.status !== 'built')
      throw conflict(
        'batch.not_built',
        `The batch is ${b.status}; only a built batch can be released.`,
      );
    if (b.built_by === user.id)
      throw forbidden(
        'batch.dual_control',
        'Dual control: you built this batch, so another finance supervisor must release it.',
      );
    const conflicts = await releaseConflicts(trx, id, user.id);
    if (conflicts.length > 0) {
      throw forbidden(
        'batch.release_conflict_of_interest',
        `You approved or applied for ${conflicts.map((c) => c.reference).join(', ')} in this batch; another finance supervisor must release it.`,
      );
    }
    const today = toZonedDate(now, config.timezone);
    const { sameDay: sameDayStillOpen } = achEffectiveDate({
      now,
      timeZone: config.timezone,
      sameDayCutoff: config.originator.sameDayCutoff,
      amountCents: 0,
    });
    if (
      b.effective_date < today ||
      (b.same_day && b.effective_date === today && !sameDayStillOpen)
    ) {
      throw conflict(
        'batch.effective_date_passed',
        `The file's effective date ${b.effective_date} can no longer be met. Cancel this batch and build a new one.`,
      );
    }
    await trx
      .updateTable('ach_batches')
      .set({ status: 'released', released_by: user.id, released_at: now })
      .where('id', '=', id)
      .execute();
    const entries = await paymentEntriesOfBatch(trx, id);
    const live = entries.filter((e) => e.kind === 'payment');
    if (live.length > 0) {
      await trx
        .updateTable('payments')
        .set({ status: 'released', released_at: now, updated_at: now })
        .where(
          'id',
          'in',
          live.map((e) => e.id),
        )
        .execute();
    }
    for (const e of live) {
      await recordRequestEvent(trx, {
        requestId: e.request_id,
        type: 'payment_sent',
        actor: { id: user.id, kind: 'user' },
        data: {
          paymentId: e.id,
          batchId: id,
          amountCents: e.amount_cents,
          accountLast4: e.account_last4,
          effectiveDate: b.effective_date,
        },
        visibleToApplicant: true,
      });
    }
    await emitEvent(
      trx,
      'batch.released',
      { type: 'batch', id },
      {
        batchId: id,
        effectiveDate: b.effective_date,
        sameDay: b.same_day,
        fileSha256: b.file_sha256,
        fileIdModifier: b.file_id_modifier,
        totalCents: b.total_cents,
        payments: live.map((e) => ({
          paymentId: e.id,
          requestId: e.request_id,
          reference: e.reference,
          programSlug: e.program_slug,
          amountCents: e.amount_cents,
          traceNumber: e.entry_trace,
        })),
        prenotes: entries.length - live.length,
      },
    );
    await appendAudit(trx, {
      actorId: user.id,
      actorKind: 'user',
      action: 'batch.released',
      entityType: 'ach_batch',
      entityId: id,
      data: {
        builtBy: b.built_by,
        totalCents: b.total_cents,
        entries: entries.length,
        fileSha256: b.file_sha256,
      },
      ip,
    });
  });
  return getBatch(db, user, id);
}

export async function cancelBatch(
  db: Kysely<Database>,
  user: AuthUser,
  id: string,
  ip: string | null,
): Promise<BatchDetail> {
  await db.transaction().execute(async (trx) => {
    const b = await lockBatch(trx, id);
    if (b.status !== 'built')
      throw conflict(
        'batch.not_cancellable',
        `The batch is ${b.status}; a released file cannot be cancelled (it may already be at the bank).`,
      );
    const paymentIds = (
      await trx.selectFrom('ach_entries').select('payment_id').where('batch_id', '=', id).execute()
    ).map((e) => e.payment_id);
    await trx
      .updateTable('ach_batches')
      .set({ status: 'cancelled', cancelled_by: user.id, cancelled_at: new Date() })
      .where('id', '=', id)
      .execute();
    if (paymentIds.length > 0) {
      await trx
        .updateTable('payments')
        .set({
          status: 'pending',
          batch_id: null,
          trace_number: null,
          effective_date: null,
          prenote_ready_on: null,
          updated_at: new Date(),
        })
        .where('id', 'in', paymentIds)
        .where('status', 'in', ['batched', 'prenote_sent'])
        .execute();
    }
    await appendAudit(trx, {
      actorId: user.id,
      actorKind: 'user',
      action: 'batch.cancelled',
      entityType: 'ach_batch',
      entityId: id,
      data: { payments: paymentIds.length },
      ip,
    });
  });
  return getBatch(db, user, id);
}

/** The stored file, unchanged, for a released batch; every download is audited. */
export async function downloadBatch(
  db: Kysely<Database>,
  config: Config,
  user: AuthUser,
  id: string,
  ip: string | null,
): Promise<{ fileName: string; text: string; sha256: string }> {
  return db.transaction().execute(async (trx) => {
    const b = await lockBatch(trx, id);
    if (b.status !== 'released' && b.status !== 'settled') {
      throw conflict(
        'batch.not_released',
        b.status === 'built'
          ? 'The batch is not released yet. A finance supervisor who did not build it must release it first.'
          : `The batch is ${b.status}; there is no file to send.`,
      );
    }
    const text = open(config, b.file_enc);
    const sha256 = createHash('sha256').update(text).digest('hex');
    if (sha256 !== b.file_sha256)
      throw new Error(`Stored file of batch ${id} does not match its SHA-256.`);
    await trx
      .updateTable('ach_batches')
      .set({ download_count: sql<number>`download_count + 1` })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      actorId: user.id,
      actorKind: 'user',
      action: 'batch.downloaded',
      entityType: 'ach_batch',
      entityId: id,
      data: { fileSha256: sha256 },
      ip,
    });
    return { fileName: `HMS-${b.file_date}-${b.file_id_modifier}.ach`, text, sha256 };
  });
}

/** Released → settled (FINANCIAL confirmation or a finance user); payments settled, requests paid. Idempotent. */
export async function settleBatch(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  note?: string,
): Promise<SettlementResponse> {
  return db.transaction().execute(async (trx) => {
    const b = await lockBatch(trx, id);
    if (b.status === 'settled') {
      return {
        batchId: id,
        status: 'settled',
        settledAt: new Date(b.settled_at!).toISOString(),
        paymentsSettled: 0,
        alreadySettled: true,
      };
    }
    if (b.status !== 'released') {
      throw conflict(
        'batch.not_settleable',
        `The batch is ${b.status}; only a released batch can be settled.`,
      );
    }
    const now = new Date();
    await trx
      .updateTable('ach_batches')
      .set({
        status: 'settled',
        settled_at: now,
        settled_by_kind: actor.kind,
        settled_by: actor.id,
      })
      .where('id', '=', id)
      .execute();
    const payments = await releasedPaymentsOfBatch(trx, id);
    const eventActor = { id: actor.kind === 'user' ? actor.id : null, kind: actor.kind } as const;
    for (const p of payments) {
      await trx
        .updateTable('payments')
        .set({ status: 'settled', settled_at: now, updated_at: now })
        .where('id', '=', p.id)
        .execute();
      const req = await trx
        .updateTable('requests')
        .set({ status: 'paid', updated_at: now })
        .where('id', '=', p.request_id)
        .where('status', '=', 'approved')
        .returning('id')
        .executeTakeFirst();
      if (req) {
        await recordRequestEvent(trx, {
          requestId: p.request_id,
          type: 'paid',
          actor: eventActor,
          fromStatus: 'approved',
          toStatus: 'paid',
          data: { paymentId: p.id, amountCents: p.amount_cents },
          visibleToApplicant: true,
        });
      }
      await emitEvent(
        trx,
        'payment.settled',
        { type: 'payment', id: p.id },
        {
          paymentId: p.id,
          requestId: p.request_id,
          reference: p.reference,
          batchId: id,
          amountCents: p.amount_cents,
          traceNumber: p.trace_number,
          settledAt: now.toISOString(),
        },
      );
    }
    await appendAudit(trx, {
      actorId: actor.id,
      actorKind: actor.kind,
      action: 'batch.settled',
      entityType: 'ach_batch',
      entityId: id,
      data: { payments: payments.length, ...(note ? { note } : {}) },
      ip: actor.ip ?? null,
    });
    return {
      batchId: id,
      status: 'settled',
      settledAt: now.toISOString(),
      paymentsSettled: payments.length,
      alreadySettled: false,
    };
  });
}
