import { z } from 'zod';
import { forwardPageSchema, pageQueryFields } from './pagination.ts';
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

export const notificationsResponseSchema = forwardPageSchema(notificationSchema);
export type NotificationsResponse = z.infer<typeof notificationsResponseSchema>;

export const unreadCountResponseSchema = z.object({ unread: z.number().int() });

export const notificationIdParamsSchema = z.object({
  notificationId: z.uuid({ error: 'Not a notification id.' }),
});

export const emailOutboxStatuses = ['queued', 'sent', 'dead'] as const;

export const outboxQuerySchema = z.object({
  status: z.enum(emailOutboxStatuses).optional(),
  ...pageQueryFields({ defaultLimit: 50, maxLimit: 100 }),
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
