import { createHmac, randomBytes } from 'node:crypto';

/** A Standard Webhooks secret: `whsec_` + base64 of 24 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/** `v1,<base64 HMAC-SHA256 over "id.timestamp.body">` keyed with the secret's decoded bytes (Standard Webhooks). */
export function signWebhook(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string,
): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64')}`;
}

/** Integration events keep their own names; request timeline events map onto the public names. */
export function webhookTypeOf(outboxType: string): string | null {
  if (outboxType === 'request.approved') return 'request.approved';
  if (outboxType === 'request.payment_created' || outboxType === 'payment.created')
    return 'payment.created';
  if (['batch.released', 'payment.returned', 'payment.settled'].includes(outboxType))
    return outboxType;
  return null;
}
