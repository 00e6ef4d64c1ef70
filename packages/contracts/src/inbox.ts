import { z } from 'zod';
import { localizedTextSchema } from './language.ts';
import { personRefSchema } from './person-ref.ts';
import { requestEstimateSchema } from './estimates.ts';
import { importedOriginSchema } from './imported.ts';
import { forwardPageSchema, pageQueryFields } from './pagination.ts';
import { requestStatusSchema, requestStatuses } from './requests.ts';
import { riskLevelSchema } from './risk.ts';
import { isPlainDate } from './business-days.ts';
import { requestActionSchema } from './request-rules.ts';

export const inboxQueues = [
  'unassigned',
  'mine',
  'awaiting_second_approval',
  'waiting_for_citizen',
  'overdue',
  'all',
] as const;
export const inboxQueueSchema = z.enum(inboxQueues);
export type InboxQueue = z.infer<typeof inboxQueueSchema>;

export const inboxSorts = [
  'submitted_asc',
  'submitted_desc',
  'due_asc',
  'amount_desc',
  'amount_asc',
] as const;
export const inboxSortSchema = z.enum(inboxSorts);
export type InboxSort = z.infer<typeof inboxSortSchema>;

export const deadlineStates = ['on_time', 'due_soon', 'overdue', 'paused', 'none'] as const;
export const deadlineStateSchema = z.enum(deadlineStates);
export type DeadlineState = z.infer<typeof deadlineStateSchema>;

/** Business days before the deadline at which a request counts as "due soon". */
export const DUE_SOON_BUSINESS_DAYS = 2;

const inboxStatuses = requestStatuses.filter((s) => s !== 'draft') as [
  Exclude<(typeof requestStatuses)[number], 'draft'>,
  ...Exclude<(typeof requestStatuses)[number], 'draft'>[],
];

const cents = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a whole number of cents, e.g. 150000 for $1,500.00.` })
    .int({ error: `${name} must be a whole number of cents, e.g. 150000 for $1,500.00.` })
    .min(0, { error: `${name} cannot be negative.` });

const isoDate = (name: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${name} must be a date written YYYY-MM-DD.` })
    .refine(isPlainDate, { error: `${name} must be a day of the calendar, written YYYY-MM-DD.` });

/** Query of GET /api/inbox. Every filter is optional; they combine with AND. */
export const inboxQuerySchema = z
  .object({
    queue: inboxQueueSchema.default('all'),
    programId: z.uuid({ error: 'programId must be a program id (UUID).' }).optional(),
    status: z
      .enum(inboxStatuses, { error: `status must be one of: ${inboxStatuses.join(', ')}.` })
      .optional(),
    risk: riskLevelSchema.optional(),
    minAmountCents: cents('minAmountCents').optional(),
    maxAmountCents: cents('maxAmountCents').optional(),
    submittedFrom: isoDate('submittedFrom').optional(),
    submittedTo: isoDate('submittedTo').optional(),
    deadline: z.enum(['on_time', 'due_soon', 'overdue', 'paused']).optional(),
    q: z.string().trim().max(100, { error: 'q must be 100 characters or fewer.' }).optional(),
    sort: inboxSortSchema.default('submitted_asc'),
    ...pageQueryFields({ defaultLimit: 25, maxLimit: 100, maxCursor: 300 }),
  })
  .refine(
    (q) =>
      q.minAmountCents === undefined ||
      q.maxAmountCents === undefined ||
      q.minAmountCents <= q.maxAmountCents,
    { path: ['maxAmountCents'], error: 'maxAmountCents must be at least minAmountCents.' },
  )
  .refine((q) => !q.submittedFrom || !q.submittedTo || q.submittedFrom <= q.submittedTo, {
    path: ['submittedTo'],
    error: 'submittedTo must be on or after submittedFrom.',
  });
/** What a client sends (coerced numbers typed as numbers; the URL carries them as text). */
export type InboxQuery = Omit<
  z.input<typeof inboxQuerySchema>,
  'minAmountCents' | 'maxAmountCents' | 'limit'
> & {
  minAmountCents?: number | undefined;
  maxAmountCents?: number | undefined;
  limit?: number | undefined;
};

export const inboxItemSchema = z.object({
  id: z.string(),
  reference: z.string(),
  programId: z.string(),
  /** The program's name in both languages (each screen shows the reader's). */
  programName: localizedTextSchema,
  applicantName: z.string(),
  status: requestStatusSchema,
  amountRequestedCents: z.number().int(),
  approvedAmountCents: z.number().int().nullable(),
  riskLevel: riskLevelSchema,
  assignee: personRefSchema.nullable(),
  submittedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  deadline: deadlineStateSchema,
  version: z.number().int(),
  applicantId: z.string(),
  firstApproverId: z.string().nullable(),
  /** A decision rule referred it to a senior approver: only a senior approver may take it, decide it or be given it. */
  referredToSenior: z.boolean(),
  /** When the citizen answered a request for information that nobody has acted on since; null otherwise. */
  infoAnsweredAt: z.string().nullable(),
  /** What the caller may do with this request now (request-rules, the same rules the API enforces). */
  allowedActions: z.array(requestActionSchema),
  /** A practice request (generated training case in a practice program): never paid; screens mark it. */
  practice: z.boolean(),
  /** Brought in from the agency's old system (issue 12): its id there and the file; null when made in HMS. */
  imported: importedOriginSchema.nullable(),
  /** The same estimate the citizen sees: when a decision, then the money, is expected; null once closed. */
  estimate: requestEstimateSchema.nullable(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const inboxListResponseSchema = forwardPageSchema(inboxItemSchema);
export type InboxListResponse = z.infer<typeof inboxListResponseSchema>;

export const claimBodySchema = z.object({}).strict().optional();

export const reassignBodySchema = z.object({
  assigneeId: z.uuid({ error: 'assigneeId must be the id of an approver or senior approver.' }),
});
export type ReassignBody = z.infer<typeof reassignBodySchema>;

export const assignmentResponseSchema = z.object({
  id: z.string(),
  status: requestStatusSchema,
  assignee: personRefSchema.nullable(),
  version: z.number().int(),
});
export type AssignmentResponse = z.infer<typeof assignmentResponseSchema>;

export const approverListResponseSchema = z.object({
  items: z.array(personRefSchema.extend({ roles: z.array(z.string()) })),
});

/** How many requests each inbox queue holds (read model over requests and the queue counters). */
export const inboxCountsResponseSchema = z.object({
  unassigned: z.number().int(),
  assignedToMe: z.number().int(),
  awaitingSecondApproval: z.number().int(),
  waitingForCitizen: z.number().int(),
  overdue: z.number().int(),
  all: z.number().int(),
});
export type InboxCountsResponse = z.infer<typeof inboxCountsResponseSchema>;
