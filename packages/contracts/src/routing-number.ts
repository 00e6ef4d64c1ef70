/**
 * US bank account details as a payee types them: the ABA routing number, the account number, and its
 * last four digits (the only part of an account number ever shown back).
 */
import { z } from 'zod';
import type { Language } from './language.ts';

// First two digits of a routing number name its Federal Reserve district: 01–12 banks, 21–32 thrifts,
// 61–72 electronic-only. 00 (US Government), 80 (traveller's cheques) and the rest never receive ACH credits,
// and refusing them catches typos (such as 000000000) that the checksum alone lets through.
const ACH_PREFIX = /^(?:0[1-9]|1[0-2]|2[1-9]|3[0-2]|6[1-9]|7[0-2])/;

/**
 * True when `value` is 9 digits, starts with an ACH-eligible Federal Reserve prefix, and passes the ABA check
 * digit: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) is a multiple of 10.
 */
export function isValidRoutingNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value) || !ACH_PREFIX.test(value)) return false;
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1] as const;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(value[i]) * weights[i]!;
  return sum % 10 === 0;
}

// People copy numbers with the spaces or dashes their cheque book or banking app shows.
export function stripSeparators(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/** A bank number as typed: `required` when missing, or when nothing is left once separators are stripped. */
function typedBankNumber(required: string) {
  return z
    .string({ error: required })
    .overwrite(stripSeparators)
    .min(1, { error: required, abort: true });
}

const MESSAGES = {
  en: {
    routingRequired: 'Enter a routing number',
    routingLength: 'Routing number must be 9 digits',
    routingInvalid: 'Enter a valid routing number, as shown on a check or in your online banking',
    accountRequired: 'Enter an account number',
    accountDigits: 'Account number must only include numbers 0 to 9',
    accountLength: 'Account number must be between 4 and 17 digits',
  },
  es: {
    routingRequired: 'Escriba un número de ruta bancaria',
    routingLength: 'El número de ruta bancaria debe tener 9 dígitos',
    routingInvalid:
      'Escriba un número de ruta bancaria válido, como aparece en un cheque o en su banca en línea',
    accountRequired: 'Escriba un número de cuenta',
    accountDigits: 'El número de cuenta solo debe incluir números del 0 al 9',
    accountLength: 'El número de cuenta debe tener entre 4 y 17 dígitos',
  },
} as const;

/** A routing-number field in `language`: strips spaces and dashes, outputs the 9 digits, one message per error. */
export function routingNumberSchemaIn(language: Language) {
  const m = MESSAGES[language];
  return typedBankNumber(m.routingRequired)
    .regex(/^\d{9}$/, { error: m.routingLength, abort: true })
    .refine(isValidRoutingNumber, { error: m.routingInvalid });
}

/** An account-number field in `language`: strips spaces and dashes, outputs the 4–17 digits. */
export function accountNumberSchemaIn(language: Language) {
  const m = MESSAGES[language];
  return typedBankNumber(m.accountRequired)
    .regex(/^\d+$/, { error: m.accountDigits, abort: true })
    .regex(/^\d{4,17}$/, { error: m.accountLength });
}

export const routingNumberSchema = routingNumberSchemaIn('en');
export const accountNumberSchema = accountNumberSchemaIn('en');

/** The last four digits of an account number, the only part shown to anyone after it is entered. */
export function last4(accountNumber: string): string {
  const digits = stripSeparators(accountNumber);
  if (!/^\d{4,}$/.test(digits)) throw new RangeError('An account number has at least 4 digits');
  return digits.slice(-4);
}
