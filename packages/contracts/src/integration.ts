import { z } from 'zod';
import { personRefSchema } from './person-ref.ts';
import { pageLinksFields, pageQueryFields } from './pagination.ts';
import { requiredText } from './required-text.ts';

export const webhookEventTypes = [
  'request.approved',
  'payment.created',
  'batch.released',
  'payment.returned',
  'payment.settled',
] as const;
export const webhookEventTypeSchema = z.enum(webhookEventTypes);
export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;

export const createWebhookEndpointBodySchema = z.object({
  url: z
    .url({
      error: 'url must be an absolute URL, for example https://financial.example.gov/hooks/hms.',
    })
    .refine(
      (u) => u.startsWith('https://') || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(u),
      {
        error: 'url must use https:// (plain http is allowed only for localhost while testing).',
      },
    ),
  description: z
    .string()
    .max(200, { error: 'description must be 200 characters or fewer.' })
    .optional(),
  eventTypes: z
    .array(webhookEventTypeSchema, {
      error: `eventTypes must list some of: ${webhookEventTypes.join(', ')}.`,
    })
    .min(1, { error: `Choose at least one event type: ${webhookEventTypes.join(', ')}.` }),
});
export type CreateWebhookEndpointBody = z.input<typeof createWebhookEndpointBodySchema>;

export const webhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  enabled: z.boolean(),
  createdAt: z.string(),
});
export const webhookEndpointIdParamsSchema = z.object({
  endpointId: z.uuid({ error: 'Not a webhook endpoint id.' }),
});
export const webhookEndpointsResponseSchema = z.object({ items: z.array(webhookEndpointSchema) });
export const createdWebhookEndpointSchema = webhookEndpointSchema.extend({
  /** `whsec_` + base64: shown once, keep it in the receiver to verify signatures. */
  secret: z.string(),
});

export const webhookDeliveryStatusSchema = z.enum(['pending', 'delivered', 'failed', 'dead']);
export const webhookDeliverySchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  endpointUrl: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  status: webhookDeliveryStatusSchema,
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;
export const webhookDeliveryIdParamsSchema = z.object({
  deliveryId: z.uuid({ error: 'Not a webhook delivery id.' }),
});
export const webhookDeliveriesQuerySchema = z.object({
  status: webhookDeliveryStatusSchema.optional(),
  ...pageQueryFields({ defaultLimit: 25, maxLimit: 200 }),
});
export type WebhookDeliveriesQuery = z.input<typeof webhookDeliveriesQuerySchema>;
export const webhookDeliveriesResponseSchema = z.object({
  items: z.array(webhookDeliverySchema),
  ...pageLinksFields,
});

export const serviceTokenScopes = ['settlement:write', 'journal:read'] as const;
export const serviceTokenScopeSchema = z.enum(serviceTokenScopes);
export type ServiceTokenScope = z.infer<typeof serviceTokenScopeSchema>;

export const createServiceTokenBodySchema = z.object({
  name: requiredText(
    100,
    'name is required, for example "FINANCIAL production".',
    'name must be 100 characters or fewer.',
  ),
  scopes: z
    .array(serviceTokenScopeSchema, {
      error: `scopes must list some of: ${serviceTokenScopes.join(', ')}.`,
    })
    .min(1, { error: `Choose at least one scope: ${serviceTokenScopes.join(', ')}.` }),
  /**
   * Optional last day the token works (YYYY-MM-DD, in the agency time zone): it is refused from the start of the
   * next day. Today or later; leave out for a token that works until it is revoked.
   */
  expiresOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expiresOn must be a date written YYYY-MM-DD.' })
    .optional(),
});
export type CreateServiceTokenBody = z.input<typeof createServiceTokenBodySchema>;

export const serviceTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  prefix: z.string(),
  createdAt: z.string(),
  /** Who created it (an admin; null if that account is gone). */
  createdBy: personRefSchema.nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** When it stops working (null: works until revoked). */
  expiresAt: z.string().nullable(),
  /** expiresAt has passed: the token is refused with auth.token_expired. */
  expired: z.boolean(),
  rotatedFrom: z.string().nullable(),
  useCount: z.number().int(),
});
export const serviceTokensResponseSchema = z.object({ items: z.array(serviceTokenSchema) });
export const serviceTokenIdParamsSchema = z.object({
  tokenId: z.uuid({ error: 'Not a service token id.' }),
});
/** The last uses of a token (its audit of calls), newest first. */
export const serviceTokenUsesResponseSchema = z.object({
  items: z.array(
    z.object({
      at: z.string(),
      method: z.string(),
      path: z.string(),
      statusCode: z.number().int(),
      ip: z.string().nullable(),
    }),
  ),
});
export const createdServiceTokenSchema = serviceTokenSchema.extend({
  /** The bearer token, shown once; only its hash is stored. */
  token: z.string(),
});

export const settlementBodySchema = z.object({
  settledOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'settledOn must be a date written YYYY-MM-DD.' })
    .optional(),
  note: z.string().max(500, { error: 'note must be 500 characters or fewer.' }).optional(),
});

export const settlementResponseSchema = z.object({
  batchId: z.string(),
  status: z.literal('settled'),
  settledAt: z.string(),
  paymentsSettled: z.number().int(),
  /** True when the batch was already settled before this call (a retry): nothing changed. */
  alreadySettled: z.boolean(),
});
export type SettlementResponse = z.infer<typeof settlementResponseSchema>;

export const journalQuerySchema = z.object({
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'from must be a date written YYYY-MM-DD.' }),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'to must be a date written YYYY-MM-DD.' }),
  format: z.enum(['json', 'csv'], { error: 'format must be json or csv.' }).default('json'),
});

export const journalLineSchema = z.object({
  date: z.string(),
  programId: z.string(),
  programSlug: z.string(),
  entryType: z.enum(['payment', 'return', 'reissue']),
  account: z.string(),
  accountName: z.string(),
  debitCents: z.number().int(),
  creditCents: z.number().int(),
  count: z.number().int(),
});
export type JournalLine = z.infer<typeof journalLineSchema>;
export const journalResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  lines: z.array(journalLineSchema),
  totals: z.object({ debitCents: z.number().int(), creditCents: z.number().int() }),
});
export type JournalResponse = z.infer<typeof journalResponseSchema>;
