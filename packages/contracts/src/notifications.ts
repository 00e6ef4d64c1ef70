import { z } from 'zod';
import { languageSchema } from './language.ts';

export const notificationSchema = z.object({
  id: z.string(),
  requestId: z.string().nullable(),
  language: languageSchema,
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationItem = z.infer<typeof notificationSchema>;

export const notificationsResponseSchema = z.object({
  items: z.array(notificationSchema),
  nextCursor: z.string().nullable(),
});
export type NotificationsResponse = z.infer<typeof notificationsResponseSchema>;

export const unreadCountResponseSchema = z.object({ unread: z.number().int() });

export const notificationIdParamsSchema = z.object({
  notificationId: z.uuid({ error: 'Not a notification id.' }),
});

export const emailOutboxStatuses = ['queued', 'sent', 'dead'] as const;

export const outboxQuerySchema = z.object({
  status: z.enum(emailOutboxStatuses).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce
    .number({ error: 'limit must be a whole number from 1 to 100.' })
    .int({ error: 'limit must be a whole number from 1 to 100.' })
    .min(1, { error: 'limit must be at least 1.' })
    .max(100, { error: 'limit must be 100 or less.' })
    .default(50),
});

export const outboxItemSchema = z.object({
  id: z.string(),
  toAddress: z.string(),
  subject: z.string(),
  status: z.enum(emailOutboxStatuses),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export const outboxResponseSchema = z.object({
  /** False when HMS_SMTP_URL is not set: queued emails stay queued until it is. */
  smtpConfigured: z.boolean(),
  items: z.array(outboxItemSchema),
  nextCursor: z.string().nullable(),
});
export type OutboxResponse = z.infer<typeof outboxResponseSchema>;
