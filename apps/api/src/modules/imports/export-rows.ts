import {
  IMPORT_COLUMNS,
  type ImportableRequestStatus,
  type ImportKind,
} from '@hms/contracts/imports';
import { MASKED_ACCOUNT_PREFIX } from '@hms/contracts/exports';
import type { RequestStatus } from '@hms/contracts/requests';
import { uuidOf } from '../../platform/db/ids.ts';

/**
 * The external id of a record HMS made itself (never imported): a prefix no agency id is expected to carry, then the
 * user id (payees) or the request reference (requests), both stable for the record's life.
 */
export const HMS_ID_PREFIX = 'hms-';

export interface PayeeSource {
  id: string;
  email: string;
  display_name: string;
  language: string;
  external_id: string | null;
  phone: string | null;
  routing_number: string;
  account_type: 'checking' | 'savings';
  holder_name: string;
  account_last4: string;
}

export interface RequestSource {
  reference: string;
  slug: string;
  applicant_id: string;
  status: RequestStatus;
  amount_requested_cents: number | string;
  approved_amount_cents: number | string | null;
  submitted_at: Date | null;
  decided_at: Date | null;
  external_id: string | null;
  note: string | null;
  payee_external_id: string | null;
  holder_email: string | null;
  decider_email: string | null;
  paid_at: Date | null;
}

type Cells = Array<string | null>;

export const payeeExternalId = (externalId: string | null, userId: string) =>
  externalId ?? `${HMS_ID_PREFIX}${userId}`;

/** One payee in the payees format's column order; `accountNumber` is the full number, or null for the masked one. */
export function payeeCells(p: PayeeSource, accountNumber: string | null): Cells {
  const cells: Record<(typeof IMPORT_COLUMNS.payees)[number], string | null> = {
    external_id: payeeExternalId(p.external_id, p.id),
    full_name: p.display_name,
    email: p.email.toLowerCase(),
    phone: p.phone,
    language: p.language,
    routing_number: p.routing_number,
    account_number: accountNumber ?? `${MASKED_ACCOUNT_PREFIX}${p.account_last4}`,
    account_type: p.account_type,
    holder_name: p.holder_name,
  };
  return IMPORT_COLUMNS.payees.map((c) => cells[c]);
}

/**
 * The importable state a request's status stands for (docs/imports.md): waiting for a second approver is still
 * under review (no decision is final yet), and a returned payment leaves the request approved, waiting to be paid
 * into a new account. Drafts are never exported.
 */
export function exportedStatus(status: RequestStatus): ImportableRequestStatus | null {
  switch (status) {
    case 'draft':
      return null;
    case 'awaiting_second_approval':
      return 'in_review';
    case 'payment_returned':
      return 'approved';
    default:
      return status;
  }
}

/** Integer cents as the format's dollars and cents (1234.50), exact: no float arithmetic. */
export function dollars(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** One request in the requests format's column order, or null for a request the format cannot hold (a draft). */
export function requestCells(r: RequestSource): Cells | null {
  const status = exportedStatus(r.status);
  if (!status || !r.submitted_at) return null;
  const approved = status === 'approved' || status === 'paid';
  const cents = Number(
    approved ? (r.approved_amount_cents ?? r.amount_requested_cents) : r.amount_requested_cents,
  );
  // Open work is held by the staff member assigned to it; a closed decision was made by whoever approved or rejected.
  const decidedBy =
    status === 'in_review' || status === 'needs_info'
      ? r.holder_email
      : status === 'approved' || status === 'rejected' || status === 'paid'
        ? r.decider_email
        : null;
  const cells: Record<(typeof IMPORT_COLUMNS.requests)[number], string | null> = {
    external_id: r.external_id ?? `${HMS_ID_PREFIX}${r.reference}`,
    program: r.slug,
    payee_external_id: payeeExternalId(r.payee_external_id, r.applicant_id),
    amount: dollars(cents),
    status,
    submitted_at: r.submitted_at.toISOString(),
    decided_at: r.decided_at?.toISOString() ?? null,
    paid_at: status === 'paid' ? (r.paid_at?.toISOString() ?? null) : null,
    decided_by_email: decidedBy?.toLowerCase() ?? null,
    note: r.note,
  };
  return IMPORT_COLUMNS.requests.map((c) => cells[c]);
}

/** The user ids behind payee external ids an export wrote for HMS's own payees (`hms-<user id>`). */
export const hmsUserIds = (externalIds: readonly string[]) =>
  externalIds.flatMap((id) => {
    const userId = uuidOf(id.startsWith(HMS_ID_PREFIX) ? id.slice(HMS_ID_PREFIX.length) : '');
    return userId ? [userId] : [];
  });

/** The references behind request external ids an export wrote for HMS's own requests (`hms-<reference>`). */
export const hmsReferences = (externalIds: readonly string[]) =>
  externalIds.flatMap((id) =>
    id.startsWith(HMS_ID_PREFIX) && id.length > HMS_ID_PREFIX.length
      ? [id.slice(HMS_ID_PREFIX.length)]
      : [],
  );

/** Exported cells as the import reads a line: what HMS holds now, checked by the same rules as the file's row. */
export function asSourceRow(kind: ImportKind, cells: Array<string | null>) {
  return {
    line: 0,
    cells: Object.fromEntries(IMPORT_COLUMNS[kind].map((c, i) => [c, cells[i] ?? ''])),
    errors: [],
    raw: [],
  };
}
