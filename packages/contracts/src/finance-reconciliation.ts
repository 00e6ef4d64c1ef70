/**
 * Reconciliation (issue 13, item 5): for each released batch, what its NACHA file carried against what the bank
 * settled and returned, and every item not yet reconciled as an exception with an age, a reason and the action that
 * clears it. The lists (batches, returns, exceptions) share the query style of the finance overview's lists
 * (./finance-overview.ts): the same search, sort/order, page/pageSize and format=csv.
 */
import { z } from 'zod';
import { oneOf } from './one-of.ts';
import { moneyListQuerySchema, numberedPageMeta } from './pagination.ts';
import { plainDateSchema } from './payments.ts';
import type { LocalizedText } from './language.ts';

/** Why an item is not reconciled. Each is derived from the payment and batch states of DOMAIN.md. */
export const exceptionReasons = [
  'settlement_late',
  'return_not_reissued',
  'noc_not_applied',
  'file_total_mismatch',
] as const;
export type ExceptionReason = (typeof exceptionReasons)[number];

export const exceptionReasonText: Record<ExceptionReason, LocalizedText> = {
  settlement_late: {
    en: 'Sent to the bank, but not confirmed settled after its settlement date.',
    es: 'Enviado al banco, pero sin liquidación confirmada después de su fecha de liquidación.',
  },
  return_not_reissued: {
    en: 'Returned by the bank and not paid again yet (no new account, no replacement payment).',
    es: 'Devuelto por el banco y aún no pagado de nuevo (sin cuenta nueva ni pago de reemplazo).',
  },
  noc_not_applied: {
    en: 'The bank sent a correction to the account details that nobody has confirmed or dismissed.',
    es: 'El banco envió una corrección de los datos de la cuenta que nadie ha confirmado ni descartado.',
  },
  file_total_mismatch: {
    en: 'The total or count in the batch file differs from the payments recorded in it.',
    es: 'El total o la cantidad del archivo del lote no coincide con los pagos registrados en él.',
  },
};

/**
 * What clears an exception: settling the batch (the bank confirmed it), the citizen giving a new account (a
 * replacement payment), a supervisor confirming or dismissing the correction, or a supervisor resolving it by hand
 * with a note (a write-off, or the bank confirmed the figures).
 */
export const exceptionActions = [
  'settle_batch',
  'await_new_account',
  'decide_noc',
  'resolve_by_hand',
] as const;
export type ExceptionAction = (typeof exceptionActions)[number];

export const exceptionActionText: Record<ExceptionAction, LocalizedText> = {
  settle_batch: {
    en: 'Confirm the settlement on the batch',
    es: 'Confirmar la liquidación en el lote',
  },
  await_new_account: {
    en: 'Waiting for the citizen’s new account; or resolve by hand',
    es: 'Esperando la cuenta nueva de la persona; o resolver a mano',
  },
  decide_noc: {
    en: 'Confirm or dismiss the correction',
    es: 'Confirmar o descartar la corrección',
  },
  resolve_by_hand: { en: 'Resolve by hand with a note', es: 'Resolver a mano con una nota' },
};

/** How a supervisor closed an exception by hand. */
export const resolutionKinds = ['written_off', 'confirmed_with_bank'] as const;
export type ResolutionKind = (typeof resolutionKinds)[number];
export const resolutionKindText: Record<ResolutionKind, LocalizedText> = {
  written_off: { en: 'Written off', es: 'Dado de baja' },
  confirmed_with_bank: { en: 'Confirmed with the bank', es: 'Confirmado con el banco' },
};

/** Exceptions a supervisor may resolve by hand: those no other action in HMS can always clear. */
export const resolvableReasons: ReadonlySet<ExceptionReason> = new Set([
  'return_not_reissued',
  'file_total_mismatch',
]);

const period = {
  from: plainDateSchema
    .optional()
    .describe('first agency day of the period; leave out for no lower bound'),
  to: plainDateSchema
    .optional()
    .describe('last agency day of the period, inclusive; leave out for no upper bound'),
};

const listMeta = {
  ...numberedPageMeta,
  /** When the figures were computed (never cached). */
  computedAt: z.string(),
};

// ---- Batches

export const reconciliationBatchStates = ['reconciled', 'unreconciled'] as const;
export const reconciliationBatchSorts = ['date', 'expected', 'difference', 'outstanding'] as const;
export const reconciliationBatchesQuerySchema = moneyListQuerySchema(
  {
    ...period,
    state: z
      .enum(reconciliationBatchStates, { error: 'state must be reconciled or unreconciled.' })
      .optional()
      .describe('leave out for both'),
  },
  reconciliationBatchSorts,
  'date',
);
export type ReconciliationBatchesQuery = z.input<typeof reconciliationBatchesQuerySchema>;
export type ReconciliationBatchesFilters = z.output<typeof reconciliationBatchesQuerySchema>;

/** How many of a batch's money entries are in one state, and their sum in cents. */
const entriesAndCents = <K extends 'expected' | 'settled' | 'returned' | 'outstanding'>(k: K) =>
  ({
    [`${k}Count`]: z.number().int(),
    [`${k}Cents`]: z.number().int(),
  }) as Record<`${K}Count` | `${K}Cents`, z.ZodNumber>;

export const reconciliationBatchRowSchema = z.object({
  id: z.string(),
  status: z.enum(['released', 'settled']),
  fileDate: z.string(),
  fileIdModifier: z.string(),
  effectiveDate: z.string(),
  releasedAt: z.string(),
  /** What the file carried: its money entries (prenotes apart) and its total credit. */
  ...entriesAndCents('expected'),
  prenoteCount: z.number().int(),
  ...entriesAndCents('settled'),
  ...entriesAndCents('returned'),
  /** Entries neither settled nor returned yet. */
  ...entriesAndCents('outstanding'),
  /** expected − settled − returned: the money not accounted for yet. */
  differenceCents: z.number().int(),
  /** Nothing outstanding, and the file agrees with its entries (or a supervisor resolved the disagreement). */
  reconciled: z.boolean(),
});
export type ReconciliationBatchRow = z.infer<typeof reconciliationBatchRowSchema>;

export const reconciliationBatchesPageSchema = z.object({
  ...listMeta,
  /** Sum of the difference over all pages. */
  totalDifferenceCents: z.number().int(),
  items: z.array(reconciliationBatchRowSchema),
});
export type ReconciliationBatchesPage = z.infer<typeof reconciliationBatchesPageSchema>;

// ---- Returns

export const reconciliationReturnSorts = ['date', 'amount', 'reference', 'payee', 'code'] as const;
export const reconciliationReturnsQuerySchema = moneyListQuerySchema(
  {
    ...period,
    code: z
      .string()
      .regex(/^R[0-9]{2}$/, { error: 'code must be a return code such as R03.' })
      .optional(),
  },
  reconciliationReturnSorts,
  'date',
);
export type ReconciliationReturnsQuery = z.input<typeof reconciliationReturnsQuerySchema>;
export type ReconciliationReturnsFilters = z.output<typeof reconciliationReturnsQuerySchema>;

export const reconciliationReturnRowSchema = z.object({
  id: z.string(),
  paymentId: z.string(),
  requestId: z.string(),
  batchId: z.string(),
  reference: z.string(),
  programSlug: z.string(),
  payeeName: z.string(),
  /** What the bank sent back: the entry's amount (0 for a prenote). */
  amountCents: z.number().int(),
  kind: z.enum(['payment', 'prenote']),
  returnCode: z.string(),
  accountFixable: z.boolean(),
  traceNumber: z.string(),
  returnedAt: z.string(),
  fileName: z.string(),
  /** The replacement payment made after the citizen gave a new account, if any. */
  replacementPaymentId: z.string().nullable(),
});
export type ReconciliationReturnRow = z.infer<typeof reconciliationReturnRowSchema>;

export const reconciliationReturnsPageSchema = z.object({
  ...listMeta,
  items: z.array(reconciliationReturnRowSchema),
});
export type ReconciliationReturnsPage = z.infer<typeof reconciliationReturnsPageSchema>;

// ---- Exceptions

export const exceptionStates = ['open', 'resolved'] as const;
export const exceptionSorts = ['age', 'amount', 'reference'] as const;
export const reconciliationExceptionsQuerySchema = moneyListQuerySchema(
  {
    ...period,
    reason: oneOf('reason', exceptionReasons).optional(),
    state: z
      .enum(exceptionStates, { error: 'state must be open or resolved.' })
      .default('open')
      .describe('open (default), or resolved by hand'),
  },
  exceptionSorts,
  'age',
);
export type ReconciliationExceptionsQuery = z.input<typeof reconciliationExceptionsQuerySchema>;
export type ReconciliationExceptionsFilters = z.output<typeof reconciliationExceptionsQuerySchema>;

export const reconciliationExceptionRowSchema = z.object({
  /** Stable: the reason and the item it is about (`return_not_reissued:<payment id>`). */
  id: z.string(),
  reason: z.enum(exceptionReasons),
  batchId: z.string().nullable(),
  paymentId: z.string().nullable(),
  requestId: z.string().nullable(),
  reference: z.string().nullable(),
  payeeName: z.string().nullable(),
  /** The money the item is about (0 for a correction of account details, which moves none). */
  amountCents: z.number().int(),
  traceNumber: z.string().nullable(),
  returnCode: z.string().nullable(),
  /** The agency day the item became an exception. */
  since: z.string(),
  /** Business days (Federal Reserve calendar, agency time zone) from `since` to today. */
  ageBusinessDays: z.number().int(),
  action: z.enum(exceptionActions),
  /** Where the action is taken in the finance workspace, or null when it is resolved here by hand. */
  href: z.string().nullable(),
  resolvable: z.boolean(),
  resolution: z
    .object({
      kind: z.enum(resolutionKinds),
      note: z.string(),
      by: z.string(),
      at: z.string(),
    })
    .nullable(),
});
export type ReconciliationExceptionRow = z.infer<typeof reconciliationExceptionRowSchema>;

export const reconciliationExceptionsPageSchema = z.object({
  ...listMeta,
  items: z.array(reconciliationExceptionRowSchema),
});
export type ReconciliationExceptionsPage = z.infer<typeof reconciliationExceptionsPageSchema>;

export const resolveExceptionBodySchema = z.object({
  exceptionId: z
    .string({ error: 'exceptionId is required: the id of an open exception.' })
    .regex(/^[a-z_]+:[0-9a-f-]{36}$/, {
      error: 'exceptionId must be the id of an open exception.',
    }),
  resolution: oneOf('resolution', resolutionKinds),
  note: z
    .string({ error: 'note is required: say why, for the audit log.' })
    .trim()
    .min(5, { error: 'note must say why in at least 5 characters (it is kept in the audit log).' })
    .max(500, { error: 'note must be 500 characters or fewer.' }),
});
export type ResolveExceptionBody = z.input<typeof resolveExceptionBodySchema>;
