import { z } from 'zod';
import {
  accountNumberSchemaIn,
  routingNumberSchemaIn,
  type BankLanguage,
} from './routing-number.ts';

const MESSAGES = {
  en: {
    holder: 'Enter the name on the bank account (up to 22 letters).',
    type: 'Choose checking or savings.',
  },
  es: {
    holder: 'Escriba el nombre en la cuenta bancaria (hasta 22 letras).',
    type: 'Elija cuenta de cheques o de ahorros.',
  },
} as const;

/** A citizen's new bank account after a return for an account problem (R02, R03, R04, R20 …). */
export function payeeUpdateBodySchemaIn(language: BankLanguage) {
  const m = MESSAGES[language];
  return z.object({
    holderName: z
      .string({ error: m.holder })
      .trim()
      .min(1, { error: m.holder })
      .max(22, { error: m.holder })
      .regex(/^[A-Za-zÀ-ÿ0-9 .,'&-]+$/, { error: m.holder }),
    accountType: z.enum(['checking', 'savings'], { error: m.type }),
    routingNumber: routingNumberSchemaIn(language),
    accountNumber: accountNumberSchemaIn(language),
  });
}
export const payeeUpdateBodySchema = payeeUpdateBodySchemaIn('en');

/**
 * The wire shape only (four strings), for the route: the API then validates with payeeUpdateBodySchemaIn(the
 * citizen's language) so every message comes back in English or Spanish as the citizen reads HMS.
 */
export const payeeUpdateWireSchema = z.object({
  holderName: z.string().describe('Name on the account, up to 22 letters'),
  accountType: z.string().describe('checking or savings'),
  routingNumber: z.string().describe('9-digit ABA routing number'),
  accountNumber: z.string().describe('4 to 17 digits'),
});
export type PayeeUpdateBody = z.input<typeof payeeUpdateBodySchema>;

export const payeeUpdateResponseSchema = z.object({
  requestId: z.string(),
  requestStatus: z.literal('approved'),
  paymentId: z.string(),
  replacesPaymentId: z.string(),
  accountLast4: z.string(),
});
export type PayeeUpdateResponse = z.infer<typeof payeeUpdateResponseSchema>;
