import { z } from 'zod';
import { accountNumberSchemaIn, routingNumberSchemaIn } from '@hms/contracts/routing-number';
import type { Language } from '@hms/contracts/language';
import type { SourceRow } from './parse-csv.ts';
import { RowCheck } from './row-errors.ts';

export interface PayeeRow {
  line: number;
  externalId: string;
  fullName: string;
  email: string;
  phone: string | null;
  language: Language;
  routingNumber: string;
  accountNumber: string;
  accountType: 'checking' | 'savings';
  holderName: string;
}

// The intake's own bank-account rules (one source of truth): ABA check digit and ACH prefix, 4–17 digits.
const routing = routingNumberSchemaIn('en');
const account = accountNumberSchemaIn('en');
const email = z.email();

/**
 * One payees row checked on its own (the checks that need the rest of the file or the database are the service's):
 * every problem is collected, never only the first. Returns the normalised row when the row has no error.
 */
export function checkPayeeRow(src: SourceRow): { row: PayeeRow | null; check: RowCheck } {
  const c = RowCheck.of(src);
  const externalId = c.externalId();
  const fullName = c.required('full_name');
  c.maxLength('full_name', fullName, 200);
  const mail = c.required('email').toLowerCase();
  if (mail && !email.safeParse(mail).success)
    c.fail(
      'email',
      'import.email_invalid',
      'email is not an email address. Write it as name@example.com.',
    );
  c.maxLength('email', mail, 254);
  const phoneRaw = c.value('phone');
  const phone = phoneRaw.replace(/[\s().+-]/g, '');
  if (phoneRaw && !/^\d{10,15}$/.test(phone))
    c.fail(
      'phone',
      'import.phone_invalid',
      'phone is not a phone number. Write 10 to 15 digits, such as 555-010-1234.',
    );
  const lang = c.value('language').toLowerCase() || 'en';
  if (lang !== 'en' && lang !== 'es')
    c.fail('language', 'import.language_invalid', 'language must be en (English) or es (Spanish).');
  const routingNumber = c.parsed(
    'routing_number',
    routing,
    'import.routing_invalid',
    'routing_number is not a valid ABA routing number (9 digits with a correct check digit). Copy it from a check.',
  );
  const accountNumber = c.parsed(
    'account_number',
    account,
    'import.account_invalid',
    'account_number must be 4 to 17 digits (spaces and dashes are ignored). Correct it.',
  );
  const typeRaw = c.required('account_type').toLowerCase();
  if (typeRaw && typeRaw !== 'checking' && typeRaw !== 'savings')
    c.fail(
      'account_type',
      'import.account_type_invalid',
      'account_type must be checking or savings.',
    );
  const holderName = c.required('holder_name');
  c.maxLength('holder_name', holderName, 200);
  if (c.errors.length > 0 || routingNumber === null || accountNumber === null)
    return { row: null, check: c };
  return {
    check: c,
    row: {
      line: src.line,
      externalId,
      fullName,
      email: mail,
      phone: phone || null,
      language: lang as Language,
      routingNumber,
      accountNumber,
      accountType: typeRaw as 'checking' | 'savings',
      holderName,
    },
  };
}
