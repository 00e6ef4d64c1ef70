import { z } from 'zod';

/** Every step recorded in a request's timeline (`request_events.type`). Each has a label in ./labels.ts. */
export const requestEventTypes = [
  'draft_created',
  'submitted',
  'claimed',
  'released',
  'reassigned',
  'first_approval',
  'approved',
  'rejected',
  'info_requested',
  'info_provided',
  'withdrawn',
  'comment',
  'payment_created',
  'payment_sent',
  'payment_returned',
  'account_updated',
  'paid',
  'risk_updated',
] as const;
export const requestEventTypeSchema = z.enum(requestEventTypes);
export type RequestEventType = z.infer<typeof requestEventTypeSchema>;
