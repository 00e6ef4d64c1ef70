import type { Kysely } from 'kysely';
import type { FinanceSummaryResponse } from '@hms/contracts/finance-summary';
import type { InboxCountsResponse } from '@hms/contracts/inbox';
import type { Database } from '../../platform/db/schema.ts';
import { exportPayees, exportRequests } from './exports.ts';
import { financeByProgram } from './finance-summary.ts';
import { inboxCounts as countInbox } from './inbox-counts.ts';
import { ledgerPostings } from './ledger-postings.ts';

/** "When will I hear back?": each request's expected decision and payment days (applications, inbox). */
export { requestEstimates } from './request-estimates.ts';

/** Ledger postings for the FINANCIAL system's journal (integration module). */
export { ledgerPostings };

export async function inboxCounts(
  db: Kysely<Database>,
  userId: string,
): Promise<InboxCountsResponse> {
  const c = await countInbox(db, userId);
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
  const rows = await financeByProgram(db);
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

/** Export pages (the imports module writes them as the import formats). */
export { exportPayees, exportRequests };
export type { ExportQuery } from './exports.ts';

/** What the risk rules weigh about a request (risk/service.ts#computeRiskSignals). */
export {
  duplicatesOf,
  firstGivenAt,
  openRequestsSharingFingerprint,
  otherApplicantsWithFingerprint,
  previousAccountOf,
  programAmountStats,
  requestForRisk,
  requestsWithAddressSince,
  requestsWithFingerprintSince,
} from './risk-inputs.ts';
export { riskInboxShare } from './risk-inbox-share.ts';

/** A submitted request as its reviewer reads it (review/service.ts#detail). */
export {
  otherRequestsOfApplicant,
  reviewAuditTrail,
  reviewRequest,
  reviewTimeline,
} from './review-request.ts';

/** The approvers' inbox, one queue page at a time (inbox/service.ts#list). */
export { list as inboxQueue } from './inbox-queue.ts';
export type {
  ListFilter as InboxListFilter,
  SortCursor as InboxSortCursor,
} from './inbox-queue.ts';

/** Who is told about a step of a request (notifications/service.ts#recordRequestEvent). */
export { applicantOfRequest } from './request-recipient.ts';

/** The requests a policy simulation replays, with their paid payments (simulations/service.ts). */
export { simulationRequests } from './replay-history.ts';
export type { ReplayHistory, ReplayRuleInputs } from './replay-history.ts';
