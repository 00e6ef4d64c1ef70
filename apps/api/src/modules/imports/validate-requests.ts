import { isPlainDate, startOfZonedDay } from '@hms/contracts/business-days';
import { importableRequestStatuses, type ImportableRequestStatus } from '@hms/contracts/imports';
import type { SourceRow } from './parse-csv.ts';
import { RowCheck } from './row-errors.ts';

export interface RequestRow {
  line: number;
  externalId: string;
  program: string;
  payeeExternalId: string;
  amountCents: number;
  status: ImportableRequestStatus;
  submittedAt: Date;
  decidedAt: Date | null;
  paidAt: Date | null;
  decidedByEmail: string | null;
  note: string | null;
}

// Dollars with at most two decimals, no sign, no thousands separators: 1234.50, 1234.5, 1234.
const AMOUNT = /^(\d{1,12})(?:\.(\d{1,2}))?$/;
// A date-time must say its offset: a time without one means a different instant in each zone.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})$/;

// The statuses a decision closed: their decided_at is required (paid also needs paid_at).
const DECIDED: readonly ImportableRequestStatus[] = ['approved', 'rejected', 'paid'];

/**
 * One requests row checked on its own (program, payee, staff and the rest of the file are the import's): every
 * problem is collected, never only the first. A date alone is the start of that day in the agency's time zone.
 */
export function checkRequestRow(
  src: SourceRow,
  timeZone: string,
  now: Date,
): { row: RequestRow | null; check: RowCheck } {
  const c = RowCheck.of(src);
  const externalId = c.externalId();
  const program = c.required('program').toLowerCase();
  const payeeExternalId = c.required('payee_external_id');

  const amountRaw = c.required('amount');
  let amountCents = 0;
  if (amountRaw) {
    const m = AMOUNT.exec(amountRaw);
    if (/^-\d/.test(amountRaw) && AMOUNT.test(amountRaw.slice(1)))
      c.fail(
        'amount',
        'import.amount_not_positive',
        'amount is negative. Enter the amount paid or asked for, greater than zero.',
      );
    else if (!m)
      c.fail(
        'amount',
        'import.amount_invalid',
        `amount "${amountRaw}" is not dollars and cents. Write it like 1234.50, without $ or thousands separators.`,
      );
    else {
      amountCents = Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
      if (amountCents === 0)
        c.fail(
          'amount',
          'import.amount_not_positive',
          'amount is zero. Enter an amount greater than zero.',
        );
    }
  }

  const statusRaw = c.required('status').toLowerCase();
  const status = (importableRequestStatuses as readonly string[]).includes(statusRaw)
    ? (statusRaw as ImportableRequestStatus)
    : null;
  if (statusRaw && !status)
    c.fail(
      'status',
      'import.status_unknown',
      `status "${statusRaw}" is not one a request can be imported in. Use one of: ${importableRequestStatuses.join(', ')}.`,
    );

  const date = (field: string): Date | null | undefined => {
    const raw = c.value(field);
    if (!raw) return null;
    let at: Date | null = null;
    if (isPlainDate(raw)) at = startOfZonedDay(raw, timeZone);
    else {
      const m = DATE_TIME.exec(raw);
      if (m && isPlainDate(m[1]) && !Number.isNaN(Date.parse(raw))) at = new Date(raw);
    }
    if (!at) {
      c.fail(
        field,
        'import.date_invalid',
        `${field} "${raw}" is not a date. Write it as YYYY-MM-DD or a date-time with its offset, such as 2024-03-01T14:30:00Z.`,
      );
      return undefined;
    }
    if (at.getTime() > now.getTime()) {
      c.fail(
        field,
        'import.date_in_future',
        `${field} is in the future. Enter the date it happened.`,
      );
      return undefined;
    }
    return at;
  };
  const submittedAt = date('submitted_at');
  if (submittedAt === null && c.has('submitted_at'))
    c.fail(
      'submitted_at',
      'import.value_missing',
      'submitted_at is empty. Enter the date the request was made.',
    );
  const decidedAt = date('decided_at');
  const paidAt = date('paid_at');
  if (status && DECIDED.includes(status) && decidedAt === null)
    c.fail(
      'decided_at',
      'import.date_required_for_status',
      `decided_at is empty, and a request that is ${status} was decided. Enter the date of the decision.`,
    );
  if (status === 'paid' && paidAt === null)
    c.fail(
      'paid_at',
      'import.date_required_for_status',
      'paid_at is empty, and the request is paid. Enter the date it was paid.',
    );
  for (const [field, at] of [
    ['decided_at', decidedAt],
    ['paid_at', paidAt],
  ] as const)
    if (at && submittedAt && at.getTime() < submittedAt.getTime())
      c.fail(
        field,
        'import.date_before_submitted',
        `${field} is before submitted_at. Correct whichever date is wrong: a request is decided and paid after it is made.`,
      );

  const decidedBy = c.value('decided_by_email').toLowerCase();
  c.maxLength('decided_by_email', decidedBy, 254);
  const note = c.value('note');
  c.maxLength('note', note, 2000);

  if (
    c.errors.length > 0 ||
    !status ||
    !submittedAt ||
    decidedAt === undefined ||
    paidAt === undefined
  )
    return { row: null, check: c };
  return {
    check: c,
    row: {
      line: src.line,
      externalId,
      program,
      payeeExternalId,
      amountCents,
      status,
      submittedAt,
      decidedAt,
      paidAt,
      decidedByEmail: decidedBy || null,
      note: note || null,
    },
  };
}
