import { z } from 'zod';
import { pageLinksFields, pageQueryFields } from './pagination.ts';
import type { LocalizedText } from './language.ts';
import { requiredText } from './required-text.ts';

/**
 * Plain-language reasons the citizen reads for the ACH return codes a benefit credit meets in practice; any other
 * code falls back to a general message (staff still see the code and the NACHA description).
 */
const REASONS: Record<string, LocalizedText> = {
  R01: { en: 'Your bank could not accept the payment.', es: 'Su banco no pudo aceptar el pago.' },
  R02: {
    en: 'Your bank says this account is closed.',
    es: 'Su banco indica que esta cuenta está cerrada.',
  },
  R03: {
    en: 'Your bank could not find an account with this number.',
    es: 'Su banco no encontró una cuenta con este número.',
  },
  R04: {
    en: 'Your bank says the account number is not valid.',
    es: 'Su banco indica que el número de cuenta no es válido.',
  },
  R06: { en: 'The payment was recalled by the agency.', es: 'La agencia retiró el pago.' },
  R07: {
    en: 'The account holder cancelled the authorization.',
    es: 'El titular de la cuenta canceló la autorización.',
  },
  R08: {
    en: 'The account holder stopped this payment.',
    es: 'El titular de la cuenta detuvo este pago.',
  },
  R12: {
    en: 'Your bank branch was sold to another bank.',
    es: 'La sucursal de su banco fue vendida a otro banco.',
  },
  R13: {
    en: 'The bank routing number is not valid.',
    es: 'El número de ruta bancaria no es válido.',
  },
  R14: {
    en: 'Your bank reports that the representative payee has died.',
    es: 'Su banco informa que el beneficiario representante falleció.',
  },
  R15: {
    en: 'Your bank reports that the account holder has died.',
    es: 'Su banco informa que el titular de la cuenta falleció.',
  },
  R16: {
    en: 'Your bank says this account is frozen.',
    es: 'Su banco indica que esta cuenta está congelada.',
  },
  R17: {
    en: 'Your bank could not process the account details.',
    es: 'Su banco no pudo procesar los datos de la cuenta.',
  },
  R20: {
    en: 'Your bank says this account cannot receive payments.',
    es: 'Su banco indica que esta cuenta no puede recibir pagos.',
  },
  R23: {
    en: 'The account holder refused the payment.',
    es: 'El titular de la cuenta rechazó el pago.',
  },
  R24: {
    en: 'Your bank received this payment twice and returned one.',
    es: 'Su banco recibió este pago dos veces y devolvió uno.',
  },
  R28: {
    en: 'The bank routing number is not valid.',
    es: 'El número de ruta bancaria no es válido.',
  },
  R29: {
    en: 'The account holder says the payment was not authorized.',
    es: 'El titular de la cuenta indica que el pago no fue autorizado.',
  },
};

const FALLBACK: LocalizedText = {
  en: 'Your bank returned the payment.',
  es: 'Su banco devolvió el pago.',
};

/** Return codes that mean the account itself is the problem: the citizen is asked for a new bank account. */
export const ACCOUNT_FIXABLE_RETURN_CODES: ReadonlySet<string> = new Set([
  'R02',
  'R03',
  'R04',
  'R12',
  'R13',
  'R16',
  'R17',
  'R20',
  'R28',
]);

/** The return codes with a plain-language reason of their own (the rest share the fallback), in code order. */
export const explainedReturnCodes: readonly string[] = Object.keys(REASONS).sort();

export function returnReason(code: string): LocalizedText {
  return REASONS[code] ?? FALLBACK;
}

export function isAccountFixable(code: string): boolean {
  return ACCOUNT_FIXABLE_RETURN_CODES.has(code);
}

export const importReturnsBodySchema = z.object({
  fileName: requiredText(
    200,
    'fileName is required: the name of the bank file.',
    'fileName must be 200 characters or fewer.',
  ),
  content: z
    .string({ error: 'content is required: the text of the NACHA return file.' })
    .min(94, { error: 'content is too short to be a NACHA file (records are 94 characters).' })
    .max(8_000_000, { error: 'content is larger than 8 MB; split the file.' }),
});
export type ImportReturnsBody = z.input<typeof importReturnsBodySchema>;

const issueSchema = z.object({
  line: z.number().int(),
  recordType: z.string(),
  field: z.string(),
  rule: z.string(),
  message: z.string(),
});

export const returnOutcomeSchema = z.enum(['applied', 'already_recorded', 'unmatched', 'ignored']);

export const importedReturnSchema = z.object({
  kind: z.enum(['return', 'noc']),
  code: z.string(),
  description: z.string(),
  originalTraceNumber: z.string(),
  amountCents: z.number().int(),
  outcome: returnOutcomeSchema,
  /** Why an entry was unmatched or ignored. */
  note: z.string().nullable(),
  paymentId: z.string().nullable(),
  reference: z.string().nullable(),
});
export type ImportedReturn = z.infer<typeof importedReturnSchema>;

export const importReturnsResponseSchema = z.object({
  importId: z.string(),
  /** True when this exact file (same SHA-256) was imported before: nothing changed this time. */
  duplicate: z.boolean(),
  fileName: z.string(),
  sha256: z.string(),
  warnings: z.array(issueSchema),
  items: z.array(importedReturnSchema),
  counts: z.object({
    returnsApplied: z.number().int(),
    nocsRecorded: z.number().int(),
    alreadyRecorded: z.number().int(),
    unmatched: z.number().int(),
    ignored: z.number().int(),
  }),
});
export type ImportReturnsResponse = z.infer<typeof importReturnsResponseSchema>;

export const nocStatuses = ['pending', 'applied', 'dismissed'] as const;
export type NocStatus = (typeof nocStatuses)[number];

export const nocItemSchema = z.object({
  id: z.string(),
  changeCode: z.string(),
  description: z.string(),
  status: z.enum(nocStatuses),
  paymentId: z.string(),
  reference: z.string(),
  payeeName: z.string(),
  current: z.object({
    routingNumber: z.string(),
    accountLast4: z.string(),
    accountType: z.enum(['checking', 'savings']),
  }),
  /** The corrected values, account numbers shown as their last four digits only. */
  corrected: z.object({
    routingNumber: z.string().nullable(),
    accountLast4: z.string().nullable(),
    accountType: z.enum(['checking', 'savings']).nullable(),
    holderName: z.string().nullable(),
  }),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type NocItem = z.infer<typeof nocItemSchema>;
export const nocIdParamsSchema = z.object({
  nocId: z.uuid({ error: 'Not a notification of change id.' }),
});
export const nocsQuerySchema = z.object({
  status: z.enum(['pending', 'applied', 'dismissed']).optional(),
  ...pageQueryFields({ defaultLimit: 25, maxLimit: 100 }),
});
export type NocsQuery = z.input<typeof nocsQuerySchema>;
export const nocsResponseSchema = z.object({ items: z.array(nocItemSchema), ...pageLinksFields });
export type NocsResponse = z.infer<typeof nocsResponseSchema>;

export const returnImportsQuerySchema = z.object(
  pageQueryFields({ defaultLimit: 25, maxLimit: 100 }),
);

export const returnImportsResponseSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      sha256: z.string(),
      uploadedAt: z.string(),
      uploadedBy: z.string(),
      counts: importReturnsResponseSchema.shape.counts,
    }),
  ),
  ...pageLinksFields,
});
