import type { Kysely } from 'kysely';
import type {
  FinanceSummaryResponse,
  InboxCountsResponse,
  MyRequestsResponse,
} from '@hms/contracts/landing';
import type { Database } from '../../platform/db/schema.ts';
import { badRequest } from '../../platform/errors.ts';
import * as repo from './repo.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f-]{36})$/;

/** Ledger postings for the FINANCIAL system's journal (integration module). */
export const ledgerPostings = repo.ledgerPostings;

export function encodeCursor(c: repo.RequestCursor): string {
  return Buffer.from(`${c.createdAt}|${c.id}`).toString('base64url');
}

export function decodeCursor(raw: string): repo.RequestCursor {
  const m = CURSOR.exec(Buffer.from(raw, 'base64url').toString('utf8'));
  if (!m) {
    throw badRequest('validation.cursor_invalid', 'The cursor is not valid.', [
      {
        field: 'query.cursor',
        message:
          'Use the nextCursor value from the previous page exactly as returned, or leave cursor out for the first page.',
      },
    ]);
  }
  return { createdAt: m[1]!, id: m[2]! };
}

export async function myRequests(
  db: Kysely<Database>,
  userId: string,
  q: { cursor?: string | undefined; limit: number },
): Promise<MyRequestsResponse> {
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const rows = await repo.listRequestsOfApplicant(db, userId, q.limit, after);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      reference: r.reference,
      programId: r.program_id,
      programName: { en: r.name_en, es: r.name_es },
      status: r.status,
      amountRequestedCents: r.amount_requested_cents,
      submittedAt: iso(r.submitted_at),
      updatedAt: iso(r.updated_at)!,
    })),
    nextCursor:
      rows.length > q.limit && last
        ? encodeCursor({ createdAt: last.created_at_text, id: last.id })
        : null,
  };
}

export async function inboxCounts(
  db: Kysely<Database>,
  userId: string,
): Promise<InboxCountsResponse> {
  const c = await repo.inboxCounts(db, userId);
  return {
    unassigned: c.unassigned,
    assignedToMe: c.assigned_to_me,
    awaitingSecondApproval: c.awaiting_second_approval,
    waitingForCitizen: c.waiting_for_citizen,
    overdue: c.overdue,
    all: c.all,
  };
}

export async function financeSummary(db: Kysely<Database>): Promise<FinanceSummaryResponse> {
  const rows = await repo.financeByProgram(db);
  const byProgram = rows.map((r) => ({
    programId: r.program_id,
    programName: { en: r.name_en, es: r.name_es },
    approvedCents: r.approved_cents,
    pendingCents: r.pending_cents,
    paidCents: r.paid_cents,
    returnedCents: r.returned_cents,
    requestCount: r.request_count,
  }));
  const sum = (k: 'approvedCents' | 'pendingCents' | 'paidCents' | 'returnedCents') =>
    byProgram.reduce((t, p) => t + p[k], 0);
  return {
    totals: {
      approvedCents: sum('approvedCents'),
      pendingCents: sum('pendingCents'),
      paidCents: sum('paidCents'),
      returnedCents: sum('returnedCents'),
    },
    byProgram,
  };
}
