import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { parseFile } from '@hms/ach/parse';
import { listChanges, listReturns } from '@hms/ach/returns';
import { isValidRoutingNumber } from '@hms/contracts/routing-number';
import type { BankDetails } from '@hms/contracts/applications';
import type { PayeeUpdateResponse } from '@hms/contracts/payee-update';
import {
  isAccountFixable,
  returnReason,
  type ImportedReturn,
  type ImportReturnsBody,
  type ImportReturnsResponse,
  type NocItem,
  type NocsResponse,
} from '@hms/contracts/returns';
import { CHANGE_CODES } from '@hms/ach/codes/change-codes';
import { appendAudit } from '../../platform/audit.ts';
import type { AuthUser } from '../../platform/auth/sessions.ts';
import type { Config } from '../../platform/config.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { keysetPage } from '../../platform/pagination.ts';
import { recordRequestEvent } from '../notifications/service.ts';
import { keyRing, open, seal } from '../../platform/keyring.ts';
import { emitEvent } from '../../platform/outbox.ts';
import { accountFingerprint, computeRiskSignals } from '../risk/service.ts';
import {
  APPLICABLE_CHANGE_CODES,
  correctionSummary,
  parseCorrection,
  type Correction,
} from './noc.ts';

type Trx = Transaction<Database>;

async function findEntry(trx: Trx, trace: string) {
  return trx
    .selectFrom('ach_entries as e')
    .innerJoin('payments as p', 'p.id', 'e.payment_id')
    .innerJoin('requests as r', 'r.id', 'p.request_id')
    .select([
      'e.id',
      'e.kind',
      'e.payment_id',
      'e.payee_account_id',
      'e.amount_cents',
      'p.status',
      'p.request_id',
      'r.reference',
      'r.status as request_status',
    ])
    .where('e.trace_number', '=', trace)
    .executeTakeFirst();
}

async function applyReturn(
  trx: Trx,
  fileId: string,
  user: AuthUser,
  item: {
    returnCode: string;
    originalTraceNumber: string;
    description: string;
    addendaInformation: string;
    amount: number;
  },
): Promise<ImportedReturn> {
  const base = {
    kind: 'return' as const,
    code: item.returnCode,
    description: item.description,
    originalTraceNumber: item.originalTraceNumber,
    amountCents: item.amount,
  };
  const entry = await findEntry(trx, item.originalTraceNumber);
  if (!entry)
    return {
      ...base,
      outcome: 'unmatched',
      note: 'No entry HMS sent has this trace number.',
      paymentId: null,
      reference: null,
    };
  const found = { paymentId: entry.payment_id, reference: entry.reference };
  const prior = await trx
    .selectFrom('ach_returns')
    .select('id')
    .where('entry_id', '=', entry.id)
    .executeTakeFirst();
  if (prior) return { ...base, ...found, outcome: 'already_recorded', note: null };
  await trx
    .selectFrom('payments')
    .select('id')
    .where('id', '=', entry.payment_id)
    .forUpdate()
    .execute();
  const payment = await trx
    .selectFrom('payments')
    .select(['status', 'amount_cents'])
    .where('id', '=', entry.payment_id)
    .executeTakeFirstOrThrow();
  const returnable =
    entry.kind === 'payment' ? ['released', 'settled'] : ['prenote_sent', 'pending'];
  if (!returnable.includes(payment.status)) {
    return {
      ...base,
      ...found,
      outcome: 'ignored',
      note: `The payment is ${payment.status}; a return can only apply to a sent entry.`,
    };
  }
  const reason = returnReason(item.returnCode);
  const fixable = isAccountFixable(item.returnCode);
  const now = new Date();
  await trx
    .insertInto('ach_returns')
    .values({
      id: uuidv7(),
      return_file_id: fileId,
      entry_id: entry.id,
      payment_id: entry.payment_id,
      return_code: item.returnCode,
      amount_cents: entry.amount_cents,
      original_trace_number: item.originalTraceNumber,
      addenda_information: item.addendaInformation,
    })
    .execute();
  await trx
    .updateTable('payments')
    .set({
      status: 'returned',
      return_code: item.returnCode,
      return_reason_en: reason.en,
      return_reason_es: reason.es,
      account_fixable: fixable,
      returned_at: now,
      updated_at: now,
    })
    .where('id', '=', entry.payment_id)
    .execute();
  const fromStatus = entry.request_status;
  if (fromStatus === 'approved' || fromStatus === 'paid') {
    await trx
      .updateTable('requests')
      .set({ status: 'payment_returned', updated_at: now })
      .where('id', '=', entry.request_id)
      .execute();
    await recordRequestEvent(trx, {
      requestId: entry.request_id,
      type: 'payment_returned',
      actor: { id: user.id, kind: 'user' },
      fromStatus,
      toStatus: 'payment_returned',
      data: {
        paymentId: entry.payment_id,
        returnCode: item.returnCode,
        reason: reason.en,
        reasonEs: reason.es,
        accountFixable: fixable,
      },
      visibleToApplicant: true,
    });
  }
  await emitEvent(
    trx,
    'payment.returned',
    { type: 'payment', id: entry.payment_id },
    {
      paymentId: entry.payment_id,
      requestId: entry.request_id,
      reference: entry.reference,
      returnCode: item.returnCode,
      description: item.description,
      amountCents: entry.amount_cents,
      originalTraceNumber: item.originalTraceNumber,
      prenote: entry.kind === 'prenote',
      accountFixable: fixable,
    },
  );
  return {
    ...base,
    ...found,
    outcome: 'applied',
    note: entry.kind === 'prenote' ? 'Prenote returned: the money was not sent.' : null,
  };
}

async function recordNoc(
  config: Config,
  trx: Trx,
  fileId: string,
  item: {
    changeCode: string;
    originalTraceNumber: string;
    description: string;
    correctedData: string;
  },
): Promise<ImportedReturn> {
  const base = {
    kind: 'noc' as const,
    code: item.changeCode,
    description: item.description,
    originalTraceNumber: item.originalTraceNumber,
    amountCents: 0,
  };
  const entry = await findEntry(trx, item.originalTraceNumber);
  if (!entry)
    return {
      ...base,
      outcome: 'unmatched',
      note: 'No entry HMS sent has this trace number.',
      paymentId: null,
      reference: null,
    };
  const found = { paymentId: entry.payment_id, reference: entry.reference };
  if (!APPLICABLE_CHANGE_CODES.has(item.changeCode))
    return {
      ...base,
      ...found,
      outcome: 'ignored',
      note: `${item.changeCode} does not change payee data; nothing to apply.`,
    };
  const correction = parseCorrection(item.changeCode, item.correctedData);
  const sealed = seal(config, JSON.stringify(correction));
  const inserted = await trx
    .insertInto('ach_nocs')
    .values({
      id: uuidv7(),
      return_file_id: fileId,
      entry_id: entry.id,
      payment_id: entry.payment_id,
      payee_account_id: entry.payee_account_id,
      change_code: item.changeCode,
      corrected_enc: sealed.enc,
      key_id: sealed.keyId,
      corrected_summary: JSON.stringify(correctionSummary(correction)),
    })
    .onConflict((oc) => oc.columns(['entry_id', 'change_code']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted
    ? {
        ...base,
        ...found,
        outcome: 'applied',
        note: 'Recorded; a finance supervisor must confirm it before the payee account changes.',
      }
    : { ...base, ...found, outcome: 'already_recorded', note: null };
}

function counts(items: ImportedReturn[]): ImportReturnsResponse['counts'] {
  const c = (pred: (i: ImportedReturn) => boolean) => items.filter(pred).length;
  return {
    returnsApplied: c((i) => i.kind === 'return' && i.outcome === 'applied'),
    nocsRecorded: c((i) => i.kind === 'noc' && i.outcome === 'applied'),
    alreadyRecorded: c((i) => i.outcome === 'already_recorded'),
    unmatched: c((i) => i.outcome === 'unmatched'),
    ignored: c((i) => i.outcome === 'ignored'),
  };
}

/**
 * Imports a bank return/NOC file. The same file (same SHA-256) a second time answers the first import's result and
 * changes nothing; an entry already returned in another file is reported as already_recorded (per-entry idempotency).
 */
export async function importReturns(
  db: Kysely<Database>,
  config: Config,
  user: AuthUser,
  body: ImportReturnsBody,
  ip: string | null,
): Promise<ImportReturnsResponse> {
  const sha256 = createHash('sha256').update(body.content).digest('hex');
  const previous = await db
    .selectFrom('return_files')
    .select(['id', 'result'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (previous)
    return {
      ...(previous.result as unknown as ImportReturnsResponse),
      importId: previous.id,
      duplicate: true,
    };

  const parsed = parseFile(body.content, { lenient: true });
  if (parsed.errors.length > 0) {
    throw badRequest(
      'returns.file_unreadable',
      `The file is not a NACHA file HMS can read (${parsed.errors.length} error${parsed.errors.length === 1 ? '' : 's'}). Ask the bank for the original file.`,
      parsed.errors.slice(0, 50).map((e) => ({
        field: 'body.content',
        message: `Line ${e.line}, ${e.recordType} ${e.field}: ${e.message}`,
      })),
    );
  }
  const returns = listReturns(parsed.file);
  const changes = listChanges(parsed.file);
  if (returns.length === 0 && changes.length === 0) {
    throw badRequest(
      'returns.file_empty',
      'The file holds no returns (addenda 99) and no notifications of change (addenda 98).',
      [
        {
          field: 'body.content',
          message: 'Upload the return or NOC file from the bank, not an outgoing payment file.',
        },
      ],
    );
  }
  return db.transaction().execute(async (trx) => {
    const id = uuidv7();
    await trx
      .insertInto('return_files')
      .values({ id, sha256, file_name: body.fileName, uploaded_by: user.id, result: '{}' })
      .execute();
    const items: ImportedReturn[] = [];
    for (const r of returns) items.push(await applyReturn(trx, id, user, r));
    for (const c of changes) items.push(await recordNoc(config, trx, id, c));
    const result: ImportReturnsResponse = {
      importId: id,
      duplicate: false,
      fileName: body.fileName,
      sha256,
      warnings: parsed.warnings,
      items,
      counts: counts(items),
    };
    await trx
      .updateTable('return_files')
      .set({ result: JSON.stringify(result) })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      actorId: user.id,
      actorKind: 'user',
      action: 'returns.imported',
      entityType: 'return_file',
      entityId: id,
      data: { sha256, fileName: body.fileName, ...result.counts },
      ip,
    });
    return result;
  });
}

/** Imported return files, newest first (by id, time-ordered), one keyset page at a time. */
export async function listImports(
  db: Kysely<Database>,
  page: { cursor?: string | undefined; limit: number },
) {
  const query = db
    .selectFrom('return_files as f')
    .innerJoin('users as u', 'u.id', 'f.uploaded_by')
    .select(['f.id', 'f.file_name', 'f.sha256', 'f.uploaded_at', 'f.result', 'u.display_name']);
  const { rows, ...links } = await keysetPage(query, 'f.id', page);
  return {
    ...links,
    items: rows.map((r) => ({
      id: r.id,
      fileName: r.file_name,
      sha256: r.sha256,
      uploadedAt: new Date(r.uploaded_at).toISOString(),
      uploadedBy: r.display_name,
      counts: (r.result as unknown as ImportReturnsResponse).counts,
    })),
  };
}

function nocRows(db: Kysely<Database>) {
  return db
    .selectFrom('ach_nocs as n')
    .innerJoin('payments as p', 'p.id', 'n.payment_id')
    .innerJoin('requests as r', 'r.id', 'p.request_id')
    .innerJoin('payee_accounts as pa', 'pa.id', 'n.payee_account_id')
    .select([
      'n.id',
      'n.change_code',
      'n.status',
      'n.payment_id',
      'n.corrected_summary',
      'n.created_at',
      'n.decided_at',
      'r.reference',
      'pa.holder_name',
      'pa.routing_number',
      'pa.account_last4',
      'pa.account_type',
    ]);
}

function toNocItem(
  r: Awaited<ReturnType<ReturnType<typeof nocRows>['executeTakeFirstOrThrow']>>,
): NocItem {
  return {
    id: r.id,
    changeCode: r.change_code,
    description: CHANGE_CODES.get(r.change_code) ?? 'Unknown change code',
    status: r.status,
    paymentId: r.payment_id,
    reference: r.reference,
    payeeName: r.holder_name,
    current: {
      routingNumber: r.routing_number,
      accountLast4: r.account_last4,
      accountType: r.account_type,
    },
    corrected: r.corrected_summary as unknown as NocItem['corrected'],
    createdAt: new Date(r.created_at).toISOString(),
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
  };
}

/** Notifications of change, newest first (by id, time-ordered), one keyset page at a time. */
export async function listNocs(
  db: Kysely<Database>,
  q: {
    status?: 'pending' | 'applied' | 'dismissed' | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<NocsResponse> {
  let query = nocRows(db);
  if (q.status) query = query.where('n.status', '=', q.status);
  const { rows, ...links } = await keysetPage(query, 'n.id', q);
  return { items: rows.map(toNocItem), ...links };
}

/** A finance supervisor confirms a NOC: the corrected data is applied to the payee account (re-sealed). */
export async function decideNoc(
  db: Kysely<Database>,
  config: Config,
  user: AuthUser,
  id: string,
  decision: 'apply' | 'dismiss',
  ip: string | null,
) {
  await db.transaction().execute(async (trx) => {
    const noc = await trx
      .selectFrom('ach_nocs')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!noc) throw notFound('noc.not_found', `No notification of change with id ${id}.`);
    if (noc.status !== 'pending')
      throw conflict(
        'noc.already_decided',
        `This notification of change was already ${noc.status}.`,
      );
    if (decision === 'apply') {
      const c = JSON.parse(open(config, noc.corrected_enc)) as Correction;
      if (c.routingNumber && !isValidRoutingNumber(c.routingNumber))
        throw conflict(
          'noc.correction_invalid',
          `The corrected routing number ${c.routingNumber} fails the check digit; dismiss this NOC and contact the bank.`,
        );
      if (c.accountNumber && !/^\d{4,17}$/.test(c.accountNumber))
        throw conflict(
          'noc.correction_invalid',
          'The corrected account number is not 4 to 17 digits; dismiss this NOC and contact the bank.',
        );
      const set: Record<string, unknown> = {};
      if (c.routingNumber) set.routing_number = c.routingNumber;
      if (c.accountType) set.account_type = c.accountType;
      if (c.holderName) set.holder_name = c.holderName;
      if (c.accountNumber) {
        const sealed = seal(config, c.accountNumber);
        set.account_number_enc = sealed.enc;
        set.key_id = sealed.keyId;
        set.account_last4 = c.accountNumber.slice(-4);
      }
      if (c.accountNumber || c.routingNumber) {
        // The fingerprint covers routing + account: keep it matching the corrected account for the risk signals.
        const current = await trx
          .selectFrom('payee_accounts')
          .select(['routing_number', 'account_number_enc'])
          .where('id', '=', noc.payee_account_id)
          .executeTakeFirstOrThrow();
        set.fingerprint = accountFingerprint(
          keyRing(config).current.key,
          c.routingNumber ?? current.routing_number,
          c.accountNumber ?? open(config, current.account_number_enc),
        );
      }
      if (Object.keys(set).length > 0)
        await trx
          .updateTable('payee_accounts')
          .set(set)
          .where('id', '=', noc.payee_account_id)
          .execute();
    }
    await trx
      .updateTable('ach_nocs')
      .set({
        status: decision === 'apply' ? 'applied' : 'dismissed',
        decided_by: user.id,
        decided_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      actorId: user.id,
      actorKind: 'user',
      action: decision === 'apply' ? 'noc.applied' : 'noc.dismissed',
      entityType: 'payee_account',
      entityId: noc.payee_account_id,
      data: { nocId: id, changeCode: noc.change_code, corrected: noc.corrected_summary },
      ip,
    });
  });
  return toNocItem(await nocRows(db).where('n.id', '=', id).executeTakeFirstOrThrow());
}

/**
 * The citizen's new bank account after a return: a new sealed payee account and a new pending payment linked to the
 * returned one; the request goes back to approved. The partial unique index keeps it to one live payment.
 */
export async function updatePayeeAccount(
  db: Kysely<Database>,
  config: Config,
  user: AuthUser,
  requestId: string,
  body: BankDetails,
  ip: string | null,
): Promise<PayeeUpdateResponse> {
  return db.transaction().execute(async (trx) => {
    const req = await trx
      .selectFrom('requests')
      .select(['id', 'applicant_id', 'status'])
      .where('id', '=', requestId)
      .forUpdate()
      .executeTakeFirst();
    if (!req || req.applicant_id !== user.id)
      throw notFound('request.not_found', `You have no request with id ${requestId}.`);
    if (req.status !== 'payment_returned')
      throw conflict(
        'request.not_payment_returned',
        `A new bank account can be given only after a payment was returned; this request is ${req.status}.`,
      );
    const returned = await trx
      .selectFrom('payments')
      .selectAll()
      .where('request_id', '=', requestId)
      .where('status', '=', 'returned')
      .orderBy('returned_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!returned)
      throw conflict(
        'request.no_returned_payment',
        'There is no returned payment on this request.',
      );
    if (returned.account_fixable === false)
      throw forbidden(
        'request.return_not_account',
        'This return was not about the bank account; the agency will contact you.',
      );
    const sealed = seal(config, body.accountNumber);
    const accountId = uuidv7();
    await trx
      .insertInto('payee_accounts')
      .values({
        id: accountId,
        user_id: user.id,
        holder_name: body.holderName.trim(),
        account_type: body.accountType,
        routing_number: body.routingNumber,
        account_number_enc: sealed.enc,
        account_last4: body.accountNumber.slice(-4),
        key_id: sealed.keyId,
        fingerprint: accountFingerprint(
          keyRing(config).current.key,
          body.routingNumber,
          body.accountNumber,
        ),
      })
      .execute();
    const paymentId = uuidv7();
    const now = new Date();
    await trx
      .insertInto('payments')
      .values({
        id: paymentId,
        request_id: requestId,
        payee_account_id: accountId,
        amount_cents: returned.amount_cents,
        status: 'pending',
        replaces_payment_id: returned.id,
        updated_at: now,
      })
      .execute();
    await trx
      .updateTable('requests')
      // The request's payee account is the one the payment now goes to (review, reveal and risk read it from here).
      .set({ status: 'approved', payee_account_id: accountId, updated_at: now })
      .where('id', '=', requestId)
      .execute();
    await recordRequestEvent(trx, {
      requestId,
      type: 'account_updated',
      actor: { id: user.id, kind: 'user' },
      fromStatus: 'payment_returned',
      toStatus: 'approved',
      data: {
        paymentId,
        replacesPaymentId: returned.id,
        accountLast4: body.accountNumber.slice(-4),
      },
      visibleToApplicant: true,
    });
    await emitEvent(
      trx,
      'payment.created',
      { type: 'payment', id: paymentId },
      {
        paymentId,
        requestId,
        amountCents: returned.amount_cents,
        replacesPaymentId: returned.id,
      },
    );
    await appendAudit(trx, {
      actorId: user.id,
      actorKind: 'user',
      action: 'payee_account.replaced',
      entityType: 'request',
      entityId: requestId,
      data: {
        paymentId,
        replacesPaymentId: returned.id,
        payeeAccountId: accountId,
        // The same ACH authorization as the bank step: the schema refuses the account without it.
        achAuthorization: true,
      },
      ip,
    });
    // A changed account shortly before payment and a shared account are risk signals: recompute them now.
    await computeRiskSignals(trx, requestId, { encryptionKey: keyRing(config).current.key, now });
    return {
      requestId,
      requestStatus: 'approved',
      paymentId,
      replacesPaymentId: returned.id,
      accountLast4: body.accountNumber.slice(-4),
    };
  });
}
