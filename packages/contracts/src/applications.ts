/**
 * A citizen's application (a request): the draft the form saves step by step, the bank account it pays into, the
 * submission and the status page. Shapes shared by the API routes and the intake remote.
 */
import { z } from 'zod';
import { requestEstimateSchema } from './estimates.ts';
import { requestHeadFields, requestStatusSchema, type RequestStatus } from './requests.ts';
import { identifierSchema } from './question-set.ts';
import { accountNumberSchemaIn, routingNumberSchemaIn, stripSeparators } from './routing-number.ts';
import { documentSchema } from './documents.ts';
import { requestEventTypeSchema } from './request-events.ts';
import { languageSchema, localizedTextSchema, type Language } from './language.ts';
import { requiredText } from './required-text.ts';

/** Statuses from which the citizen may withdraw (before any decision). */
export const WITHDRAWABLE_STATUSES: readonly RequestStatus[] = [
  'submitted',
  'in_review',
  'needs_info',
];

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const idempotencyKeySchema = z
  .string({
    error: 'Send an Idempotency-Key header (a random value generated once per draft, like a UUID).',
  })
  .min(8, { error: 'The Idempotency-Key header must be 8 to 200 characters.' })
  .max(200, { error: 'The Idempotency-Key header must be 8 to 200 characters.' })
  .regex(/^[A-Za-z0-9._:-]+$/, {
    error: 'The Idempotency-Key header may use letters, digits and . _ : - only.',
  });

// ---------------------------------------------------------------------------------------------------------
// Bank details

// A NACHA entry carries 22 characters of receiver name; longer names would be cut on the payment file.
const HOLDER_MAX = 22;

const BANK_MESSAGES = {
  en: {
    holderRequired: 'Enter the name on the account',
    holderLength: `Name on the account must be ${HOLDER_MAX} characters or fewer`,
    holderChars: "Name on the account must only include letters, spaces, and . , ' - &",
    typeRequired: 'Select the type of account',
    confirmRequired: 'Enter the account number again',
    confirmMismatch: 'The account numbers do not match. Enter the same account number twice',
    authorization: 'Confirm that you authorize the deposit into this account',
    returnedAccount:
      'Your payment came back from this account. Enter the details of a different bank account',
  },
  es: {
    holderRequired: 'Escriba el nombre del titular de la cuenta',
    holderLength: `El nombre del titular debe tener ${HOLDER_MAX} caracteres o menos`,
    holderChars: "El nombre del titular solo debe incluir letras, espacios y . , ' - &",
    typeRequired: 'Seleccione el tipo de cuenta',
    confirmRequired: 'Escriba el número de cuenta otra vez',
    confirmMismatch:
      'Los números de cuenta no coinciden. Escriba el mismo número de cuenta dos veces',
    authorization: 'Confirme que autoriza el depósito en esta cuenta',
    returnedAccount:
      'Su pago se devolvió desde esta cuenta. Escriba los datos de otra cuenta bancaria',
  },
} as const;

/** The refusal of a "new" account after a return that is the very account the payment came back from. */
export const returnedAccountMessage = (language: Language): string =>
  BANK_MESSAGES[language].returnedAccount;

export const accountTypes = ['checking', 'savings'] as const;
export type AccountType = (typeof accountTypes)[number];

/**
 * The bank-details form in `language`: the same schema runs in the browser (react-hook-form) and in the API.
 * The account number is typed twice; the ACH authorization must be given.
 */
export function bankDetailsSchemaIn(language: Language) {
  const m = BANK_MESSAGES[language];
  return z
    .object({
      holderName: z
        .string({ error: m.holderRequired })
        .trim()
        .min(1, { error: m.holderRequired, abort: true })
        .max(HOLDER_MAX, { error: m.holderLength, abort: true })
        .regex(/^[\p{L}\p{M} .,'’&-]+$/u, { error: m.holderChars }),
      accountType: z.enum(accountTypes, { error: m.typeRequired }),
      routingNumber: routingNumberSchemaIn(language),
      accountNumber: accountNumberSchemaIn(language),
      accountNumberConfirm: z
        .string({ error: m.confirmRequired })
        .overwrite(stripSeparators)
        .min(1, { error: m.confirmRequired }),
      achAuthorization: z.literal(true, { error: m.authorization }),
    })
    .superRefine((v, ctx) => {
      if (v.accountNumberConfirm && v.accountNumber !== v.accountNumberConfirm)
        ctx.addIssue({
          code: 'custom',
          path: ['accountNumberConfirm'],
          message: m.confirmMismatch,
        });
    });
}
export type BankDetailsInput = z.input<ReturnType<typeof bankDetailsSchemaIn>>;
export type BankDetails = z.output<ReturnType<typeof bankDetailsSchemaIn>>;

/**
 * The bank-account fields on the wire: loose types so the API, not the route validator, answers with
 * `bankDetailsSchemaIn`'s messages in the person's language. Every screen that takes a bank account (the
 * application's bank step, the new account after a returned payment) sends these same fields.
 */
export const bankAccountWireFields = {
  holderName: z.string().max(500).optional().describe('Name on the account, up to 22 characters'),
  accountType: z.string().max(20).optional().describe('checking or savings'),
  routingNumber: z.string().max(100).optional().describe('9-digit ABA routing number'),
  accountNumber: z.string().max(100).optional().describe('4 to 17 digits'),
  accountNumberConfirm: z
    .string()
    .max(100)
    .optional()
    .describe('The account number typed a second time; must match accountNumber'),
  achAuthorization: z
    .boolean()
    .optional()
    .describe('true: the person agrees to ACH_AUTHORIZATION_TEXT (required)'),
};

/** The bank step's wire body. */
export const bankDetailsBodySchema = z.object({
  version: z.number().int().min(1),
  language: languageSchema.optional(),
  ...bankAccountWireFields,
});
export type BankDetailsBody = z.input<typeof bankDetailsBodySchema>;

/** What is ever shown of a bank account after it is entered. */
export const bankAccountViewSchema = z.object({
  holderName: z.string(),
  accountType: z.enum(accountTypes),
  routingNumber: z.string(),
  last4: z.string(),
});
export type BankAccountView = z.infer<typeof bankAccountViewSchema>;

/** The ACH authorization the person agrees to (shown on the bank step, stored with the request's event). */
export const ACH_AUTHORIZATION_TEXT = {
  en:
    'I authorize the agency to deposit payments for this request into the account above by ACH (electronic ' +
    'transfer), and, if a deposit is made in error, to reverse it. This authorization stays in effect until the ' +
    'request is closed or I give a new account.',
  es:
    'Autorizo a la agencia a depositar los pagos de esta solicitud en la cuenta indicada mediante ACH (transferencia ' +
    'electrónica) y, si un depósito se hace por error, a revertirlo. Esta autorización sigue vigente hasta que se ' +
    'cierre la solicitud o yo indique una nueva cuenta.',
} as const;

// ---------------------------------------------------------------------------------------------------------
// Drafts and requests

export const saveAnswersBodySchema = z.object({
  version: z.number().int().min(1),
  step: identifierSchema,
  answers: z.record(z.string().max(64), z.unknown()),
  language: languageSchema.optional(),
});
export type SaveAnswersBody = z.input<typeof saveAnswersBodySchema>;

export const languageQuerySchema = z.object({ language: languageSchema.optional() });

export const eligibilityResponseSchema = z.object({
  eligible: z.boolean(),
  /** Plain-language reasons, one per unmet rule, in the asked language. */
  reasons: z.array(z.string()),
  /** Answers still missing or invalid (field = body.answers.<questionId>): eligibility cannot be confirmed yet. */
  incomplete: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type EligibilityResponse = z.infer<typeof eligibilityResponseSchema>;

export const timelineEntrySchema = z.object({
  id: z.string(),
  type: requestEventTypeSchema,
  fromStatus: requestStatusSchema.nullable(),
  toStatus: requestStatusSchema.nullable(),
  at: z.string(),
  /** Applicant-safe facts: reason, messageToApplicant, question, message, amountCents, accountLast4, effectiveDate. */
  data: z.record(z.string(), z.unknown()),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const requestDetailSchema = z.object({
  ...requestHeadFields,
  program: z.object({
    id: z.string(),
    slug: z.string(),
    name: localizedTextSchema,
    reviewDeadlineDays: z.number().int(),
  }),
  answers: z.record(z.string(), z.unknown()),
  /** Steps whose answers were saved and valid when saved. */
  completedSteps: z.array(z.string()),
  amountRequestedCents: z.number().int(),
  bankAccount: bankAccountViewSchema.nullable(),
  documents: z.array(documentSchema),
  timeline: z.array(timelineEntrySchema),
  /** The open request for more information (status needs_info), if any. */
  infoRequest: z.object({ question: z.string(), at: z.string() }).nullable(),
  canWithdraw: z.boolean(),
  /** Set once submitted; an idempotent repeat of the submission returns the same request. */
  submittedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  /** When a decision, then the money, is expected; null for a draft and a closed request. */
  estimate: requestEstimateSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RequestDetail = z.infer<typeof requestDetailSchema>;

/** The caller's open draft for one program, so the program page can say "Continue your application". */
export const programDraftResponseSchema = z.object({
  draft: z.object({ id: z.string(), reference: z.string(), updatedAt: z.string() }).nullable(),
});
export type ProgramDraftResponse = z.infer<typeof programDraftResponseSchema>;

export const submitBodySchema = z.object({
  declaration: z.boolean(),
  language: languageSchema.optional(),
});
export type SubmitBody = z.input<typeof submitBodySchema>;

export const submitResponseSchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: requestStatusSchema,
  submittedAt: z.string(),
  dueAt: z.string(),
  reviewDeadlineDays: z.number().int(),
});
export type SubmitResponse = z.infer<typeof submitResponseSchema>;

export const infoResponseBodySchema = z.object({
  message: requiredText(5000, 'Enter your answer', 'Your answer must be 5,000 characters or fewer'),
  documentIds: z.array(z.uuid()).max(10, { error: 'Attach no more than 10 files' }).default([]),
});
export type InfoResponseBody = z.input<typeof infoResponseBodySchema>;

export const withdrawBodySchema = z.object({
  reason: z
    .string()
    .trim()
    .max(1000, { error: 'The reason must be 1,000 characters or fewer' })
    .optional(),
});
export type WithdrawBody = z.input<typeof withdrawBodySchema>;

export const DECLARATION_TEXT = {
  en:
    'I declare that the information I have given is true and complete to the best of my knowledge. I understand ' +
    'that giving false information to get money may be a crime and that the agency may check what I have said.',
  es:
    'Declaro que la información que he dado es verdadera y completa según mi leal saber y entender. Entiendo que ' +
    'dar información falsa para obtener dinero puede ser un delito y que la agencia puede verificar lo que he dicho.',
} as const;

export const DECLARATION_REQUIRED = {
  en: 'Confirm the declaration to submit your application',
  es: 'Confirme la declaración para enviar su solicitud',
} as const;
