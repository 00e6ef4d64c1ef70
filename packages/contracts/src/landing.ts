import { z } from 'zod';
import { requestStatusSchema } from './requests.ts';

export const localizedTextSchema = z.object({ en: z.string(), es: z.string() });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const isoDateTime = z.string().describe('ISO 8601 date-time in UTC');

export const paginationQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce
    .number({ error: 'limit must be a whole number from 1 to 100.' })
    .int({ error: 'limit must be a whole number from 1 to 100.' })
    .min(1, { error: 'limit must be at least 1.' })
    .max(100, { error: 'limit must be 100 or less.' })
    .default(20),
});
export type PaginationQuery = z.input<typeof paginationQuerySchema>;

export const myRequestItemSchema = z.object({
  id: z.string(),
  reference: z.string(),
  programId: z.string(),
  programName: localizedTextSchema,
  status: requestStatusSchema,
  amountRequestedCents: z.number().int(),
  submittedAt: isoDateTime.nullable(),
  updatedAt: isoDateTime,
});
export type MyRequestItem = z.infer<typeof myRequestItemSchema>;

export const myRequestsResponseSchema = z.object({
  items: z.array(myRequestItemSchema),
  nextCursor: z.string().nullable(),
});
export type MyRequestsResponse = z.infer<typeof myRequestsResponseSchema>;

export const inboxCountsResponseSchema = z.object({
  unassigned: z.number().int(),
  assignedToMe: z.number().int(),
  awaitingSecondApproval: z.number().int(),
  waitingForCitizen: z.number().int(),
  overdue: z.number().int(),
  all: z.number().int(),
});
export type InboxCountsResponse = z.infer<typeof inboxCountsResponseSchema>;

const moneyTotals = {
  approvedCents: z.number().int(),
  pendingCents: z.number().int(),
  paidCents: z.number().int(),
  returnedCents: z.number().int(),
};

export const financeSummaryResponseSchema = z.object({
  totals: z.object(moneyTotals),
  byProgram: z.array(
    z.object({
      programId: z.string(),
      programName: localizedTextSchema,
      ...moneyTotals,
      requestCount: z.number().int(),
    }),
  ),
});
export type FinanceSummaryResponse = z.infer<typeof financeSummaryResponseSchema>;

/** Why a program does not accept applications now; null when it does. */
export const programClosedReasons = ['not_open_yet', 'closed', 'budget_exhausted'] as const;
export const programClosedReasonSchema = z.enum(programClosedReasons);
export type ProgramClosedReason = z.infer<typeof programClosedReasonSchema>;

/** Where now falls against the program's dates (computed by the database clock). */
export type ProgramWindowState = 'not_open_yet' | 'closed' | 'open';

/**
 * The one rule for whether a program accepts applications, used by the catalog, the program page and the submit
 * check: outside its dates it is not open yet or closed; otherwise it is full once committed money reaches the budget.
 */
export function programClosedReason(p: {
  windowState: ProgramWindowState;
  budgetCents: number;
  committedCents: number;
}): ProgramClosedReason | null {
  if (p.windowState !== 'open') return p.windowState;
  if (p.committedCents >= p.budgetCents) return 'budget_exhausted';
  return null;
}

export const programSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: localizedTextSchema,
  description: localizedTextSchema,
  eligibility: localizedTextSchema,
  maxAmountCents: z.number().int(),
  opensAt: isoDateTime.nullable(),
  closesAt: isoDateTime.nullable(),
  /** Open by its dates only; acceptingApplications also accounts for the budget. */
  isOpen: z.boolean(),
  reviewDeadlineDays: z.number().int(),
  /** True when open today and budget remains: only then can a draft be started or submitted. */
  acceptingApplications: z.boolean(),
  closedReason: programClosedReasonSchema.nullable(),
});
export type ProgramSummary = z.infer<typeof programSummarySchema>;

export const programsResponseSchema = z.object({ items: z.array(programSummarySchema) });
export type ProgramsResponse = z.infer<typeof programsResponseSchema>;
