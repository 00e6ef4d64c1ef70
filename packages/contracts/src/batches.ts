import { z } from 'zod';
import { personRefSchema } from './person-ref.ts';
import { pageLinksFields, pageQueryFields } from './pagination.ts';
import { paymentItemSchema } from './payments.ts';

export const batchStatuses = ['built', 'released', 'settled', 'cancelled'] as const;
export const batchStatusSchema = z.enum(batchStatuses);
export type BatchStatus = z.infer<typeof batchStatusSchema>;

/** Why a user may not release a batch: the code of the refusal release would answer (the screen words it). */
export const releaseBlockCodes = [
  'batch.not_built',
  'auth.role_required',
  'batch.dual_control',
  'batch.release_conflict_of_interest',
] as const;
export type ReleaseBlockCode = (typeof releaseBlockCodes)[number];

export const batchIdParamsSchema = z.object({
  batchId: z.uuid({ error: 'Not a batch id.' }),
});

export const buildBatchBodySchema = z.object({
  paymentIds: z
    .array(z.uuid({ error: 'Each payment id must be a UUID from the pending payments list.' }), {
      error: 'paymentIds must be a list of payment ids.',
    })
    .min(1, { error: 'Select at least one pending payment.' })
    .max(5000, { error: 'A batch holds at most 5,000 payments; build several batches.' }),
  /** Ask for same-day settlement when the cut-off and the $1,000,000 per-entry limit allow it (default true). */
  sameDay: z.boolean().optional(),
});
export type BuildBatchBody = z.input<typeof buildBatchBodySchema>;

export const batchSummarySchema = z.object({
  id: z.string(),
  status: batchStatusSchema,
  fileDate: z.string(),
  fileIdModifier: z.string(),
  effectiveDate: z.string(),
  sameDay: z.boolean(),
  entryCount: z.number().int(),
  prenoteCount: z.number().int(),
  totalCents: z.number().int(),
  fileSha256: z.string(),
  builtBy: personRefSchema,
  builtAt: z.string(),
  releasedBy: personRefSchema.nullable(),
  releasedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  settledAt: z.string().nullable(),
  downloadCount: z.number().int(),
});
export type BatchSummary = z.infer<typeof batchSummarySchema>;

export const batchEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(['payment', 'prenote']),
  traceNumber: z.string(),
  amountCents: z.number().int(),
  transactionCode: z.number().int(),
  payment: paymentItemSchema,
});

export const batchDetailSchema = batchSummarySchema.extend({
  entries: z.array(batchEntrySchema),
  /** What the signed-in user may do now, so screens follow the API's rules instead of repeating them. */
  can: z.object({
    release: z.boolean(),
    download: z.boolean(),
    cancel: z.boolean(),
    settle: z.boolean(),
  }),
  /** Why release is refused for this user, when it is (English, as the API's refusal says it). */
  releaseBlockedReason: z.string().nullable(),
  /** The same, as the code of the refusal, for a screen to say it in the reader's language. */
  releaseBlockedCode: z.enum(releaseBlockCodes).nullable(),
});
export type BatchDetail = z.infer<typeof batchDetailSchema>;

export const batchesQuerySchema = z.object({
  status: batchStatusSchema.optional(),
  ...pageQueryFields({ defaultLimit: 25, maxLimit: 100 }),
});
export type BatchesQuery = z.input<typeof batchesQuerySchema>;
export const batchesResponseSchema = z.object({
  items: z.array(batchSummarySchema),
  ...pageLinksFields,
});
export type BatchesResponse = z.infer<typeof batchesResponseSchema>;

export const settleBodySchema = z.object({
  /** Free text from the bank statement or the FINANCIAL system, kept in the audit log. */
  note: z.string().max(500, { error: 'note must be 500 characters or fewer.' }).optional(),
});
