import { z } from 'zod';
import { bankAccountWireFields } from './applications.ts';

/**
 * A citizen's new bank account after a return for an account problem (R02, R03, R04, R20 …). The wire shape only: the
 * API checks it with `bankDetailsSchemaIn` (the citizen's language), the very schema of the application's bank step,
 * so the replacement account is held to the same rules as the first one (name rule, account number typed twice, ACH
 * authorization).
 */
export const payeeUpdateWireSchema = z.object(bankAccountWireFields);
export type PayeeUpdateBody = z.input<typeof payeeUpdateWireSchema>;

export const payeeUpdateResponseSchema = z.object({
  requestId: z.string(),
  requestStatus: z.literal('approved'),
  paymentId: z.string(),
  replacesPaymentId: z.string(),
  accountLast4: z.string(),
});
export type PayeeUpdateResponse = z.infer<typeof payeeUpdateResponseSchema>;
