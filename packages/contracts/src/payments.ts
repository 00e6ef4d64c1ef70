import { z } from 'zod';
import { importedOriginSchema } from './imported.ts';
import { pageQueryFields } from './pagination.ts';
import { localizedTextSchema } from './language.ts';

export const paymentStatuses = [
  'pending',
  'prenote_sent',
  'batched',
  'released',
  'settled',
  'returned',
  'cancelled',
] as const;
export const paymentStatusSchema = z.enum(paymentStatuses);
export type PaymentStatus = z.infer<typeof paymentStatusSchema>;

const plainDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, {
  error: 'Use a date written YYYY-MM-DD, for example 2026-11-25.',
});
export const plainDateSchema = plainDate;

export const paymentItemSchema = z.object({
  id: z.string(),
  requestId: z.string(),
  reference: z.string(),
  programId: z.string(),
  programName: localizedTextSchema,
  payeeName: z.string(),
  accountLast4: z.string(),
  accountType: z.enum(['checking', 'savings']),
  amountCents: z.number().int(),
  status: paymentStatusSchema,
  /** True when the next batch will send a $0 prenote for this payee instead of the money. */
  needsPrenote: z.boolean(),
  prenoteReadyOn: z.string().nullable(),
  batchId: z.string().nullable(),
  traceNumber: z.string().nullable(),
  effectiveDate: z.string().nullable(),
  returnCode: z.string().nullable(),
  returnReason: localizedTextSchema.nullable(),
  replacesPaymentId: z.string().nullable(),
  createdAt: z.string(),
  /** A payment of a practice request (training data): never batched, never sent, counted in no total. */
  practice: z.boolean(),
  /** The payment of a request brought in from the agency's old system (issue 12); null when made in HMS. */
  imported: importedOriginSchema.nullable(),
});
export type PaymentItem = z.infer<typeof paymentItemSchema>;

export const paymentsQuerySchema = z.object({
  status: paymentStatusSchema.optional(),
  programId: z
    .uuid({ error: 'programId must be a program id (UUID) from /api/programs.' })
    .optional(),
  createdFrom: plainDate.optional(),
  createdTo: plainDate.optional(),
  ...pageQueryFields({ defaultLimit: 100, maxLimit: 500 }),
});
export type PaymentsQuery = z.input<typeof paymentsQuerySchema>;

export const paymentsResponseSchema = z.object({
  items: z.array(paymentItemSchema),
  nextCursor: z.string().nullable(),
  /** Sum of amountCents over every row matching the filters (all pages). */
  totalCents: z.number().int(),
  totalCount: z.number().int(),
});
export type PaymentsResponse = z.infer<typeof paymentsResponseSchema>;
