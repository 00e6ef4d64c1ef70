import { z } from 'zod';

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

/** `:requestId`, the one name every route gives a request in its path. */
export const requestIdParamsSchema = z.object({
  requestId: z.uuid({ error: 'Not a request id.' }),
});
