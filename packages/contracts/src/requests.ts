import { z } from 'zod';
import { forwardPageSchema } from './pagination.ts';
import { requestEstimateSchema } from './estimates.ts';
import { localizedTextSchema } from './language.ts';

/** Where a request stands in its life (DOMAIN.md); the API, the database enum and every screen share this list. */
export const requestStatuses = [
  'draft',
  'submitted',
  'in_review',
  'needs_info',
  'awaiting_second_approval',
  'approved',
  'rejected',
  'withdrawn',
  'payment_returned',
  'paid',
] as const;
export const requestStatusSchema = z.enum(requestStatuses);
export type RequestStatus = z.infer<typeof requestStatusSchema>;

/**
 * The head of a request's detail, as its owner and its reviewer both read it: which request, where it stands, and the
 * version a change to it must name (a stale version is refused).
 */
export const requestHeadFields = {
  id: z.string(),
  reference: z.string(),
  status: requestStatusSchema,
  version: z.number().int(),
};

/** `:requestId`, the one name every route gives a request in its path. */
export const requestIdParamsSchema = z.object({
  requestId: z.uuid({ error: 'Not a request id.' }),
});

const isoDateTime = z.string().describe('ISO 8601 date-time in UTC');

/** "My requests": the citizen's own requests, newest first (GET /api/requests/mine). */
export const myRequestItemSchema = z.object({
  id: z.string(),
  reference: z.string(),
  programId: z.string(),
  programName: localizedTextSchema,
  status: requestStatusSchema,
  amountRequestedCents: z.number().int(),
  submittedAt: isoDateTime.nullable(),
  updatedAt: isoDateTime,
  /** When a decision, then the money, is expected; null for a draft and a closed request. */
  estimate: requestEstimateSchema.nullable(),
});
export type MyRequestItem = z.infer<typeof myRequestItemSchema>;

export const myRequestsResponseSchema = forwardPageSchema(myRequestItemSchema);
export type MyRequestsResponse = z.infer<typeof myRequestsResponseSchema>;
