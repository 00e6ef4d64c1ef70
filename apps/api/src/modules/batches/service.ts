import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { validateText } from '@hms/ach/validate';
import { writeFile } from '@hms/ach/write';
import type {
  BatchDetail,
  BatchesResponse,
  BuildBatchBody,
  ReleaseBlockCode,
} from '@hms/contracts/batches';
import {
  achEffectiveDate,
  addBusinessDays,
  nextBusinessDay,
  toZonedDate,
  toZonedDateTime,
} from '@hms/contracts/business-days';
import type { SettlementResponse } from '@hms/contracts/integration';
import type { AuthUser } from '../../platform/auth/sessions.ts';
import { appendAudit, auditUserChange } from '../../platform/audit.ts';
import type { Config, OriginatorConfig } from '../../platform/config.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import type { BatchStatus, Database, Queryable } from '../../platform/db/schema.ts';
import { conflict, forbidden, HttpProblem, notFound } from '../../platform/errors.ts';
import { recordRequestEvent } from '../notifications/service.ts';
import { open, seal } from '../../platform/keyring.ts';
import { buildAchFile, FILE_ID_MODIFIERS, transactionCode, type NachaEntryInput } from './nacha.ts';
import { emitEvent } from '../../platform/outbox.ts';
import * as requests from '../applications/service.ts';
import * as imports from '../imports/service.ts';
import * as payments from '../payments/service.ts';
import * as programs from '../programs/service.ts';
import { originatorSettings } from '../settings/service.ts';
import {
  paymentEntriesOfBatch,
  paymentsByIds,
  promoteMaturedPrenotes,
  releasedPaymentsOfBatch,
  toPaymentItem,
} from '../payments/service.ts';
import * as repo from './repo.ts';

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

type BatchablePayment = Awaited<ReturnType<typeof paymentsByIds>>[number];
type PlannedEntry = NachaEntryInput & {
  paymentId: string;
  payeeAccountId: string;
  programId: string;
};

/**
 * The selected payments, locked (a concurrent approval, cancel or second build waits for this one), after matured
 * prenotes became payable; a 409 names each one that cannot go in a batch now.
 */
async function batchablePayments(trx: Transaction<Database>, ids: string[], today: string) {
  await promoteMaturedPrenotes(trx, today);
  await payments.lockPayments(trx, ids);
  const rows = await paymentsByIds(trx, ids);
  const found = new Set(rows.map((r) => r.id));
  // An account whose prenote is still in flight (built, or released and not yet matured) must not be paid live
  // before the bank has had the configured business days to refuse it.
  const inFlight = await payments.prenotesInFlight(
    trx,
    [...new Set(rows.map((r) => r.payee_account_id))],
    ids,
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
    // Practice payments (training data) never go to the bank, whatever their state.
    ...rows
      .filter((r) => r.practice)
      .map((r) => ({
        field: 'body.paymentIds',
        message: `Payment for ${r.reference} is a practice payment (training data); it never goes in a batch.`,
      })),
    ...rows
      .filter((r) => r.status !== 'pending' && !r.practice)
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
  return rows;
}

/** Same day when the cutoff and the largest amount allow it and the builder did not ask for the next day. */
function effectiveDateOf(
  rows: readonly BatchablePayment[],
  config: Config,
  originator: OriginatorConfig,
  body: BuildBatchBody,
  now: Date,
) {
  const dated = achEffectiveDate({
    now,
    timeZone: config.timezone,
    sameDayCutoff: originator.sameDayCutoff,
    amountCents: Math.max(...rows.map((r) => r.amount_cents)),
  });
  if (body.sameDay === false && dated.sameDay)
    return { effectiveDate: nextBusinessDay(toZonedDate(now, config.timezone)), sameDay: false };
  return dated;
}

/** The first file id modifier (A–Z, then 0–9) not used by a file of `fileDate`. */
async function freeFileIdModifier(trx: Transaction<Database>, fileDate: string) {
  const used = await repo.usedModifiers(trx, fileDate);
  const modifier = [...FILE_ID_MODIFIERS].find((c) => !used.has(c));
  if (!modifier)
    throw conflict(
      'batch.file_ids_exhausted',
      'All 36 file id modifiers (A–Z, 0–9) were used today. Build the batch on the next business day.',
    );
  return modifier;
}

/** One entry per payment, each with its trace number; one prenote per new account, even when two of its payments are selected (the second just waits). */
async function planEntries(
  trx: Transaction<Database>,
  config: Config,
  originator: OriginatorConfig,
  rows: readonly BatchablePayment[],
): Promise<PlannedEntry[]> {
  const odfi8 = originator.odfiRouting.slice(0, 8);
  const accountNumber = await requests.accountNumbers(trx, config, [
    ...new Set(rows.map((r) => r.payee_account_id)),
  ]);
  const entryDescription = await programs.achEntryDescriptions(
    trx,
    rows.map((r) => r.program_id),
  );
  const planned: PlannedEntry[] = [];
  const prenoteAccounts = new Set<string>();
  for (const r of rows) {
    const seq = await repo.nextTraceSequence(trx);
    const kind = r.needs_prenote || prenoteAccounts.has(r.payee_account_id) ? 'prenote' : 'payment';
    if (kind === 'prenote') prenoteAccounts.add(r.payee_account_id);
    planned.push({
      paymentId: r.id,
      payeeAccountId: r.payee_account_id,
      programId: r.program_id,
      programSlug: r.program_slug,
      entryDescription: entryDescription.get(r.program_id) ?? null,
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
  return planned;
}

/** The NACHA file's text, checked by the validator before anything is stored (a bad file is a bug, not a 4xx). */
function nachaText(
  originator: OriginatorConfig,
  file: Omit<Parameters<typeof buildAchFile>[0], 'originator'>,
) {
  const text = writeFile(buildAchFile({ originator, ...file }));
  const report = validateText(text);
  if (!report.valid) {
    throw new Error(
      `Generated NACHA file failed validation: ${report.errors.map((e) => e.message).join('; ')}`,
    );
  }
  return text;
}

/** The built file: sealed, with one entry per planned payment (a prenote carries no money). */
async function insertBuiltBatch(
  trx: Transaction<Database>,
  config: Config,
  b: {
    id: string;
    user: AuthUser;
    now: Date;
    fileDate: string;
    modifier: string;
    effectiveDate: string;
    sameDay: boolean;
    planned: readonly PlannedEntry[];
    text: string;
  },
): Promise<void> {
  const sealed = seal(config, b.text);
  const live = b.planned.filter((p) => p.kind === 'payment');
  await repo.insertBatch(
    trx,
    {
      id: b.id,
      file_date: b.fileDate,
      file_id_modifier: b.modifier,
      effective_date: b.effectiveDate,
      same_day: b.sameDay,
      entry_count: b.planned.length,
      prenote_count: b.planned.length - live.length,
      total_cents: live.reduce((t, p) => t + p.amountCents, 0),
      file_enc: sealed.enc,
      key_id: sealed.keyId,
      file_sha256: createHash('sha256').update(b.text).digest('hex'),
      built_by: b.user.id,
      built_at: b.now,
    },
    b.planned.map((p) => ({
      payment_id: p.paymentId,
      payee_account_id: p.payeeAccountId,
      program_id: p.programId,
      kind: p.kind,
      transaction_code: transactionCode(p.kind, p.accountType),
      amount_cents: p.kind === 'prenote' ? 0 : p.amountCents,
      trace_number: p.traceNumber,
    })),
  );
}

/** Each payment is in the batch now, with its trace number; a prenote's account may be paid after the wait. */
async function markPaymentsInBatch(
  trx: Transaction<Database>,
  batchId: string,
  planned: readonly PlannedEntry[],
  d: { effectiveDate: string; prenoteWaitDays: number; now: Date },
): Promise<void> {
  const prenoteReadyOn = addBusinessDays(d.effectiveDate, d.prenoteWaitDays);
  for (const p of planned) {
    await payments.markInBatch(trx, {
      paymentId: p.paymentId,
      batchId,
      kind: p.kind,
      traceNumber: p.traceNumber,
      effectiveDate: d.effectiveDate,
      prenoteReadyOn,
      at: d.now,
    });
  }
}

/**
 * Builds a batch from pending payments: the payments must be batchable, the file gets a free file id modifier and an
 * effective date, a new account gets a prenote instead of money; the sealed file, its entries and the payments'
 * new states commit together, audited. `at` builds it at another instant than now (a test's cut-off, the demo seed's
 * history).
 */
export async function buildBatch(
  db: Kysely<Database>,
  config: Config,
  user: AuthUser,
  body: BuildBatchBody,
  ip: string | null,
  at?: Date,
): Promise<BatchDetail> {
  const now = at ?? new Date();
  const ids = [...new Set(body.paymentIds)];
  const today = toZonedDate(now, config.timezone);
  const batchId = await db.transaction().execute(async (trx) => {
    await repo.serializeBuilds(trx);
    const rows = await batchablePayments(trx, ids, today);
    // The agency settings as they are now (an administrator may have changed them a moment ago; no restart).
    const originator = await originatorSettings(trx, config);
    const { effectiveDate, sameDay } = effectiveDateOf(rows, config, originator, body, now);
    const modifier = await freeFileIdModifier(trx, today);
    const planned = await planEntries(trx, config, originator, rows);
    const file = { fileDate: today, fileIdModifier: modifier, effectiveDate, entries: planned };
    const text = nachaText(originator, { ...file, fileTime: hhmm(now, config.timezone) });
    const id = uuidv7();
    const batch = {
      id,
      user,
      now,
      fileDate: today,
      modifier,
      effectiveDate,
      sameDay,
      planned,
      text,
    };
    await insertBuiltBatch(trx, config, batch);
    const prenoteWaitDays = originator.prenoteWaitDays;
    await markPaymentsInBatch(trx, id, planned, { effectiveDate, prenoteWaitDays, now });
    const prenotes = planned.filter((p) => p.kind === 'prenote').length;
    await appendAudit(trx, {
      actorId: user.id,
      actorKind: 'user',
      action: 'batch.built',
      entityType: 'ach_batch',
      entityId: id,
      data: { entries: planned.length, prenotes, fileIdModifier: modifier, effectiveDate, sameDay },
      ip,
      at,
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
  const { rows, ...links } = await repo.batchPage(db, q);
  return { items: rows.map(repo.toBatchSummary), ...links };
}

export async function getBatch(
  db: Kysely<Database>,
  user: AuthUser,
  id: string,
): Promise<BatchDetail> {
  const row = await repo.findBatch(db, id);
  if (!row) throw notFound('batch.not_found', `No batch with id ${id}.`);
  const entries = await repo.entriesOfBatch(db, id);
  const entryPayments = entries.length
    ? await paymentsByIds(
        db,
        entries.map((e) => e.payment_id),
      )
    : [];
  const origins = await imports.requestOrigins(
    db,
    entryPayments.map((p) => p.request_id),
  );
  const byId = new Map(entryPayments.map((p) => [p.id, toPaymentItem(p, origins)]));
  const supervisor = user.roles.includes('finance_supervisor');
  const block = await releaseBlock(db, user, row);
  const releaseBlockedReason = block?.reason ?? null;
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
    releaseBlockedCode: block?.code ?? null,
  };
}

interface ReleaseBlock {
  code: ReleaseBlockCode;
  status: 403 | 409;
  reason: string;
}

/**
 * Why `user` may not release batch `b`, or null when they may: the one rule of who releases (DOMAIN: a finance
 * supervisor who neither built the batch nor approved or applied for a request in it). The batch page shows the
 * reason, release refuses with it, and the finance Today page counts the batches it leaves to this user.
 */
export async function releaseBlock(
  db: Queryable,
  user: Pick<AuthUser, 'id' | 'roles'>,
  b: { id: string; status: BatchStatus; built_by: string },
): Promise<ReleaseBlock | null> {
  if (b.status !== 'built')
    return {
      code: 'batch.not_built',
      status: 409,
      reason: `The batch is ${b.status}; only a built batch can be released.`,
    };
  if (!user.roles.includes('finance_supervisor'))
    return {
      code: 'auth.role_required',
      status: 403,
      reason: 'Only a finance supervisor can release a batch.',
    };
  if (b.built_by === user.id)
    return {
      code: 'batch.dual_control',
      status: 403,
      reason: 'Dual control: you built this batch, so another finance supervisor must release it.',
    };
  const conflicts = await repo.releaseConflicts(db, b.id, user.id);
  if (conflicts.length > 0)
    return {
      code: 'batch.release_conflict_of_interest',
      status: 403,
      reason: `You approved or applied for ${conflicts.map((c) => c.reference).join(', ')} in this batch; another finance supervisor must release it.`,
    };
  return null;
}

/**
 * The built batches waiting for release (count and money), and how many of them `user` may release by the one rule
 * above (releaseBlock). Few batches wait at a time, so each is checked as the batch page would check it.
 */
export async function batchesWaitingForRelease(
  db: Queryable,
  user: Pick<AuthUser, 'id' | 'roles'>,
): Promise<{ count: number; cents: number; releasableByUser: number }> {
  const built = await repo.builtBatches(db);
  let releasableByUser = 0;
  for (const b of built) if ((await releaseBlock(db, user, b)) === null) releasableByUser += 1;
  return {
    count: built.length,
    cents: built.reduce((t, b) => t + Number(b.total_cents), 0),
    releasableByUser,
  };
}

async function lockBatch(trx: Transaction<Database>, id: string) {
  const b = await repo.lockBatch(trx, id);
  if (!b) throw notFound('batch.not_found', `No batch with id ${id}.`);
  return b;
}

type LockedBatch = Awaited<ReturnType<typeof lockBatch>>;
type BatchPaymentEntry = Awaited<ReturnType<typeof paymentEntriesOfBatch>>[number];

/** Dual control and the other rules of who releases (releaseBlock): a 403/409 with the reason. */
async function requireReleasableBy(trx: Transaction<Database>, user: AuthUser, b: LockedBatch) {
  const block = await releaseBlock(trx, user, b);
  if (block) throw (block.status === 409 ? conflict : forbidden)(block.code, block.reason);
}

/** The file's effective date can still be met: not past, and a same-day file only before today's cutoff. */
async function requireEffectiveDateAhead(
  trx: Transaction<Database>,
  config: Config,
  b: LockedBatch,
  now: Date,
): Promise<void> {
  const today = toZonedDate(now, config.timezone);
  const { sameDay: sameDayStillOpen } = achEffectiveDate({
    now,
    timeZone: config.timezone,
    sameDayCutoff: (await originatorSettings(trx, config)).sameDayCutoff,
    amountCents: 0,
  });
  if (b.effective_date < today || (b.same_day && b.effective_date === today && !sameDayStillOpen)) {
    throw conflict(
      'batch.effective_date_passed',
      `The file's effective date ${b.effective_date} can no longer be met. Cancel this batch and build a new one.`,
    );
  }
}

/** Each citizen whose money is in the file sees it sent, with the account and the date it should arrive. */
async function tellApplicantsPaymentSent(
  trx: Transaction<Database>,
  user: AuthUser,
  b: LockedBatch,
  live: readonly BatchPaymentEntry[],
  at: Date | undefined,
): Promise<void> {
  for (const e of live) {
    await recordRequestEvent(trx, {
      requestId: e.request_id,
      type: 'payment_sent',
      actor: { id: user.id, kind: 'user' },
      data: {
        paymentId: e.id,
        batchId: b.id,
        amountCents: e.amount_cents,
        accountLast4: e.account_last4,
        effectiveDate: b.effective_date,
      },
      visibleToApplicant: true,
      at,
    });
  }
}

/** The integrations hear batch.released, with each payment in it and its trace number. */
async function announceBatchReleased(
  trx: Transaction<Database>,
  b: LockedBatch,
  entries: readonly BatchPaymentEntry[],
  live: readonly BatchPaymentEntry[],
  at: Date | undefined,
): Promise<void> {
  await emitEvent(
    trx,
    'batch.released',
    { type: 'batch', id: b.id },
    {
      batchId: b.id,
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
    undefined,
    at,
  );
}

/** Dual control: a finance supervisor who did not build it. `at` releases it at another instant than now (see buildBatch). */
export async function releaseBatch(
  db: Kysely<Database>,
  config: Config,
  user: AuthUser,
  id: string,
  ip: string | null,
  at?: Date,
): Promise<BatchDetail> {
  const now = at ?? new Date();
  await db.transaction().execute(async (trx) => {
    const b = await lockBatch(trx, id);
    await requireReleasableBy(trx, user, b);
    await requireEffectiveDateAhead(trx, config, b, now);
    await repo.setBatchState(trx, id, {
      status: 'released',
      released_by: user.id,
      released_at: now,
    });
    const entries = await paymentEntriesOfBatch(trx, id);
    const live = entries.filter((e) => e.kind === 'payment');
    await payments.markReleased(
      trx,
      live.map((e) => e.id),
      now,
    );
    await tellApplicantsPaymentSent(trx, user, b, live, at);
    await announceBatchReleased(trx, b, entries, live, at);
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
      at,
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
    const paymentIds = await repo.paymentIdsOfBatch(trx, id);
    await repo.setBatchState(trx, id, {
      status: 'cancelled',
      cancelled_by: user.id,
      cancelled_at: new Date(),
    });
    await payments.unbatch(trx, paymentIds);
    await auditUserChange(trx, { id: user.id, ip }, 'batch.cancelled', 'ach_batch', id, {
      payments: paymentIds.length,
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
    await repo.countDownload(trx, id);
    await auditUserChange(trx, { id: user.id, ip }, 'batch.downloaded', 'ach_batch', id, {
      fileSha256: sha256,
    });
    return { fileName: `HMS-${b.file_date}-${b.file_id_modifier}.ach`, text, sha256 };
  });
}

/** A second settlement of the same batch changes nothing and says when the first one was. */
function alreadySettled(b: LockedBatch): SettlementResponse {
  return {
    batchId: b.id,
    status: 'settled',
    settledAt: new Date(b.settled_at!).toISOString(),
    paymentsSettled: 0,
    alreadySettled: true,
  };
}

/**
 * One payment of a settled batch: settled; its request paid (and the citizen told) when it was still approved; the
 * integrations hear payment.settled.
 */
async function settlePayment(
  trx: Transaction<Database>,
  actor: Actor,
  batchId: string,
  p: Awaited<ReturnType<typeof releasedPaymentsOfBatch>>[number],
  t: { now: Date; at: Date | undefined },
): Promise<void> {
  await payments.markSettled(trx, p.id, t.now);
  if (await requests.markPaid(trx, p.request_id, t.now)) {
    await recordRequestEvent(trx, {
      requestId: p.request_id,
      type: 'paid',
      actor: { id: actor.kind === 'user' ? actor.id : null, kind: actor.kind },
      fromStatus: 'approved',
      toStatus: 'paid',
      data: { paymentId: p.id, amountCents: p.amount_cents },
      visibleToApplicant: true,
      at: t.at,
    });
  }
  await payments.announcePayment(
    trx,
    'settled',
    { id: p.id, requestId: p.request_id, reference: p.reference },
    {
      batchId,
      amountCents: p.amount_cents,
      traceNumber: p.trace_number,
      settledAt: t.now.toISOString(),
    },
    t.at,
  );
}

/**
 * Released → settled (FINANCIAL confirmation or a finance user); payments settled, requests paid. Idempotent. `at`
 * dates the settlement in the past (the demo seed's history).
 */
export async function settleBatch(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  note?: string,
  at?: Date,
): Promise<SettlementResponse> {
  return db.transaction().execute(async (trx) => {
    const b = await lockBatch(trx, id);
    if (b.status === 'settled') return alreadySettled(b);
    if (b.status !== 'released') {
      throw conflict(
        'batch.not_settleable',
        `The batch is ${b.status}; only a released batch can be settled.`,
      );
    }
    const now = at ?? new Date();
    await repo.setBatchState(trx, id, {
      status: 'settled',
      settled_at: now,
      settled_by_kind: actor.kind,
      settled_by: actor.id,
    });
    const settled = await releasedPaymentsOfBatch(trx, id);
    for (const p of settled) await settlePayment(trx, actor, id, p, { now, at });
    await appendAudit(trx, {
      actorId: actor.id,
      actorKind: actor.kind,
      action: 'batch.settled',
      entityType: 'ach_batch',
      entityId: id,
      data: { payments: settled.length, ...(note ? { note } : {}) },
      ip: actor.ip ?? null,
      at,
    });
    return {
      batchId: id,
      status: 'settled',
      settledAt: now.toISOString(),
      paymentsSettled: settled.length,
      alreadySettled: false,
    };
  });
}

/** The entry HMS sent with this trace number, with its payment and request (a bank return or NOC names it). */
export const entryByTrace = repo.entryByTrace;
