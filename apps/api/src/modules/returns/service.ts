import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { parseFile } from '@hms/ach/parse';
import { listChanges, listReturns } from '@hms/ach/returns';
import { isValidRoutingNumber } from '@hms/contracts/routing-number';
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
import { appendAudit, auditUserChange } from '../../platform/audit.ts';
import type { AuthUser } from '../../platform/auth/sessions.ts';
import type { Config } from '../../platform/config.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { recordRequestEvent } from '../notifications/service.ts';
import { open, seal } from '../../platform/keyring.ts';
import * as requests from '../applications/service.ts';
import * as batches from '../batches/service.ts';
import * as payments from '../payments/service.ts';
import * as repo from './repo.ts';
import {
  APPLICABLE_CHANGE_CODES,
  correctionSummary,
  parseCorrection,
  type Correction,
} from './noc.ts';

type Trx = Transaction<Database>;

type Entry = NonNullable<Awaited<ReturnType<typeof batches.entryByTrace>>>;
type ReturnItem = {
  returnCode: string;
  originalTraceNumber: string;
  description: string;
  addendaInformation: string;
  amount: number;
};

const UNMATCHED = {
  outcome: 'unmatched',
  note: 'No entry HMS sent has this trace number.',
  paymentId: null,
  reference: null,
} as const;

/** A live entry is returned once it was sent; a prenote also while its payment waits (prenote_sent or pending). */
const RETURNABLE: Record<Entry['kind'], readonly string[]> = {
  payment: ['released', 'settled'],
  prenote: ['prenote_sent', 'pending'],
};

/** The request waits for the citizen's new account when the money did not arrive (approved or paid before). */
async function requestBackToCitizen(
  trx: Trx,
  entry: Entry,
  item: ReturnItem,
  r: {
    reason: { en: string; es: string };
    fixable: boolean;
    at: Date;
    /** Set when the return is dated in the past (the demo seed's history). */
    past: Date | undefined;
    user: AuthUser;
  },
) {
  const fromStatus = entry.request_status;
  if (fromStatus !== 'approved' && fromStatus !== 'paid') return;
  await requests.markPaymentReturned(trx, entry.request_id, r.at);
  await recordRequestEvent(trx, {
    requestId: entry.request_id,
    type: 'payment_returned',
    actor: { id: r.user.id, kind: 'user' },
    fromStatus,
    toStatus: 'payment_returned',
    data: {
      paymentId: entry.payment_id,
      returnCode: item.returnCode,
      reason: r.reason.en,
      reasonEs: r.reason.es,
      accountFixable: r.fixable,
    },
    visibleToApplicant: true,
    at: r.past,
  });
}

/** The return, recorded once against the entry it names (the entry is then returned). */
async function recordReturnOfEntry(
  trx: Trx,
  fileId: string,
  entry: Entry,
  item: ReturnItem,
  now: Date,
): Promise<void> {
  await repo.insertReturn(trx, {
    created_at: now,
    return_file_id: fileId,
    entry_id: entry.id,
    payment_id: entry.payment_id,
    return_code: item.returnCode,
    amount_cents: entry.amount_cents,
    original_trace_number: item.originalTraceNumber,
    addenda_information: item.addendaInformation,
  });
}

/** The integrations hear payment.returned, with the bank's code and whether a new account can fix it. */
async function announcePaymentReturned(
  trx: Trx,
  entry: Entry,
  item: ReturnItem,
  fixable: boolean,
  at: Date | undefined,
): Promise<void> {
  await payments.announcePayment(
    trx,
    'returned',
    { id: entry.payment_id, requestId: entry.request_id, reference: entry.reference },
    {
      returnCode: item.returnCode,
      description: item.description,
      amountCents: entry.amount_cents,
      originalTraceNumber: item.originalTraceNumber,
      prenote: entry.kind === 'prenote',
      accountFixable: fixable,
    },
    at,
  );
}

/**
 * Applies one return of the bank's file: matched by trace number to an entry HMS sent, recorded once per entry; the
 * payment becomes returned (with the reason in both languages), the request waits for a new account when the return
 * was about it, and the integrations hear payment.returned.
 */
async function applyReturn(
  trx: Trx,
  fileId: string,
  user: AuthUser,
  item: ReturnItem,
  at: Date | undefined,
): Promise<ImportedReturn> {
  const base = {
    kind: 'return' as const,
    code: item.returnCode,
    description: item.description,
    originalTraceNumber: item.originalTraceNumber,
    amountCents: item.amount,
  };
  const entry = await batches.entryByTrace(trx, item.originalTraceNumber);
  if (!entry) return { ...base, ...UNMATCHED };
  const found = { paymentId: entry.payment_id, reference: entry.reference };
  if (await repo.isEntryReturned(trx, entry.id))
    return { ...base, ...found, outcome: 'already_recorded', note: null };
  const [payment] = await payments.lockPayments(trx, [entry.payment_id]);
  if (!RETURNABLE[entry.kind].includes(payment!.status)) {
    return {
      ...base,
      ...found,
      outcome: 'ignored',
      note: `The payment is ${payment!.status}; a return can only apply to a sent entry.`,
    };
  }
  const reason = returnReason(item.returnCode);
  const fixable = isAccountFixable(item.returnCode);
  const now = at ?? new Date();
  await recordReturnOfEntry(trx, fileId, entry, item, now);
  await payments.markReturned(trx, entry.payment_id, {
    code: item.returnCode,
    reason,
    accountFixable: fixable,
    at: now,
  });
  await requestBackToCitizen(trx, entry, item, { reason, fixable, at: now, past: at, user });
  await announcePaymentReturned(trx, entry, item, fixable, at);
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
  at: Date | undefined,
): Promise<ImportedReturn> {
  const base = {
    kind: 'noc' as const,
    code: item.changeCode,
    description: item.description,
    originalTraceNumber: item.originalTraceNumber,
    amountCents: 0,
  };
  const entry = await batches.entryByTrace(trx, item.originalTraceNumber);
  if (!entry) return { ...base, ...UNMATCHED };
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
  const inserted = await repo.insertNocOnce(trx, {
    return_file_id: fileId,
    entry_id: entry.id,
    payment_id: entry.payment_id,
    payee_account_id: entry.payee_account_id,
    change_code: item.changeCode,
    corrected_enc: sealed.enc,
    key_id: sealed.keyId,
    corrected_summary: JSON.stringify(correctionSummary(correction)),
    ...(at ? { created_at: at } : {}),
  });
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

/** The bank's file, read: its returns and notifications of change, or a 400 when it is unreadable or holds neither. */
function readReturnFile(content: string) {
  const parsed = parseFile(content, { lenient: true });
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
  return { parsed, returns, changes };
}

/**
 * Imports a bank return/NOC file. The same file (same SHA-256) a second time answers the first import's result and
 * changes nothing; an entry already returned in another file is reported as already_recorded (per-entry idempotency).
 * `at` dates the import in the past (the demo seed's history, seed-history.ts); real imports leave it out.
 */
export async function importReturns(
  db: Kysely<Database>,
  config: Config,
  user: AuthUser,
  body: ImportReturnsBody,
  ip: string | null,
  at?: Date,
): Promise<ImportReturnsResponse> {
  const sha256 = createHash('sha256').update(body.content).digest('hex');
  const previous = await repo.importOfFile(db, sha256);
  if (previous)
    return {
      ...(previous.result as unknown as ImportReturnsResponse),
      importId: previous.id,
      duplicate: true,
    };

  const { parsed, returns, changes } = readReturnFile(body.content);
  return db.transaction().execute(async (trx) => {
    const id = uuidv7();
    await repo.insertReturnFile(trx, {
      id,
      sha256,
      fileName: body.fileName,
      uploadedBy: user.id,
      uploadedAt: at,
    });
    const items: ImportedReturn[] = [];
    for (const r of returns) items.push(await applyReturn(trx, id, user, r, at));
    for (const c of changes) items.push(await recordNoc(config, trx, id, c, at));
    const result: ImportReturnsResponse = {
      importId: id,
      duplicate: false,
      fileName: body.fileName,
      sha256,
      warnings: parsed.warnings,
      items,
      counts: counts(items),
    };
    await repo.saveImportResult(trx, id, result);
    await appendAudit(trx, {
      actorId: user.id,
      actorKind: 'user',
      action: 'returns.imported',
      entityType: 'return_file',
      entityId: id,
      data: { sha256, fileName: body.fileName, ...result.counts },
      ip,
      at,
    });
    return result;
  });
}

/** Imported return files, newest first (by id, time-ordered), one keyset page at a time. */
export async function listImports(
  db: Kysely<Database>,
  page: { cursor?: string | undefined; limit: number },
) {
  const { rows, ...links } = await repo.importPage(db, page);
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

function toNocItem(r: repo.NocRow): NocItem {
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
  const { rows, ...links } = await repo.nocPage(db, q);
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
    const noc = await repo.lockNoc(trx, id);
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
      await requests.correctPayeeAccount(trx, config, noc.payee_account_id, c);
    }
    await repo.setNocDecision(trx, id, {
      status: decision === 'apply' ? 'applied' : 'dismissed',
      decidedBy: user.id,
    });
    await auditUserChange(
      trx,
      { id: user.id, ip },
      decision === 'apply' ? 'noc.applied' : 'noc.dismissed',
      'payee_account',
      noc.payee_account_id,
      { nocId: id, changeCode: noc.change_code, corrected: noc.corrected_summary },
    );
  });
  return toNocItem(await repo.findNoc(db, id));
}
