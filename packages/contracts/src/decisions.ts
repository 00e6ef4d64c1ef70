import { z } from 'zod';
import { requestStatusSchema } from './requests.ts';
import type { Language } from './language.ts';

export const rejectReasonCodes = [
  'ineligible',
  'incomplete',
  'duplicate',
  'outside_program_dates',
  'budget_exhausted',
  'suspected_fraud',
  'other',
] as const;
export const rejectReasonCodeSchema = z.enum(rejectReasonCodes);
export type RejectReasonCode = z.infer<typeof rejectReasonCodeSchema>;

/** What each reject reason is called on screen, in both languages (typed: a missing translation fails typecheck). */
export const rejectReasonLabels: Record<Language, Record<RejectReasonCode, string>> = {
  en: {
    ineligible: 'Not eligible for the program',
    incomplete: 'Missing or incomplete information',
    duplicate: 'Duplicate of another request',
    outside_program_dates: 'Outside the program dates',
    budget_exhausted: 'Program budget exhausted',
    suspected_fraud: 'Could not verify the information given',
    other: 'Other (explained in the message)',
  },
  es: {
    ineligible: 'No cumple los requisitos del programa',
    incomplete: 'Falta información o está incompleta',
    duplicate: 'Duplicado de otra solicitud',
    outside_program_dates: 'Fuera de las fechas del programa',
    budget_exhausted: 'Se agotó el presupuesto del programa',
    suspected_fraud: 'No se pudo verificar la información dada',
    other: 'Otro (explicado en el mensaje)',
  },
};

const version = z
  .number({ error: 'version is required: send the version of the request you reviewed.' })
  .int()
  .min(1);

export const decisionBodySchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('approve'),
      version,
      approvedAmountCents: z
        .number({ error: 'approvedAmountCents must be a whole number of cents.' })
        .int({ error: 'approvedAmountCents must be a whole number of cents.' })
        .min(1, { error: 'approvedAmountCents must be at least 1 cent.' })
        .optional(),
    }),
    z.object({
      kind: z.literal('reject'),
      version,
      reasonCode: rejectReasonCodeSchema,
      messageToApplicant: z
        .string()
        .trim()
        .min(10, {
          error:
            'messageToApplicant must explain the decision to the citizen (at least 10 characters).',
        })
        .max(2000, { error: 'messageToApplicant must be 2,000 characters or fewer.' }),
    }),
    z.object({
      kind: z.literal('request_info'),
      version,
      question: z
        .string()
        .trim()
        .min(10, {
          error: 'question must say what the citizen should send (at least 10 characters).',
        })
        .max(2000, { error: 'question must be 2,000 characters or fewer.' }),
    }),
  ],
  { error: 'kind must be approve, reject or request_info.' },
);
export type DecisionBody = z.infer<typeof decisionBodySchema>;
export type DecisionKind = DecisionBody['kind'];

export const decisionResponseSchema = z.object({
  requestId: z.string(),
  kind: z.enum(['approve', 'reject', 'request_info']),
  fromStatus: requestStatusSchema,
  status: requestStatusSchema,
  version: z.number().int(),
  approvedAmountCents: z.number().int().nullable(),
  paymentId: z.string().nullable(),
  /** True when this was a retry of a decision already recorded: nothing was changed twice. */
  replayed: z.boolean(),
});
export type DecisionResponse = z.infer<typeof decisionResponseSchema>;

export const bulkApproveBodySchema = z.object({
  items: z
    .array(
      z.object({
        requestId: z.uuid({ error: 'requestId must be a request id (UUID).' }),
        version,
        approvedAmountCents: z.number().int().min(1).optional(),
      }),
    )
    .min(1, { error: 'items must list at least one request.' })
    .max(100, { error: 'items can list at most 100 requests.' }),
});
export type BulkApproveBody = z.infer<typeof bulkApproveBodySchema>;

export const bulkApproveResponseSchema = z.object({
  results: z.array(
    z.object({
      requestId: z.string(),
      ok: z.boolean(),
      status: z.number().int(),
      decision: decisionResponseSchema.optional(),
      error: z.string().optional(),
    }),
  ),
});
export type BulkApproveResponse = z.infer<typeof bulkApproveResponseSchema>;
