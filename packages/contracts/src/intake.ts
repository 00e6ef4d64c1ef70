/**
 * Program detail for the citizen: everything the intake form needs to render a program's questions and tell the
 * person, before they start, whether the program accepts applications now (open dates and remaining budget).
 */
import { z } from 'zod';
import { programSummarySchema, type ProgramClosedReason } from './landing.ts';
import { questionSetSchema } from './question-set.ts';

// The reasons and the rule live with the program summary (the catalog shows them too).
export {
  programClosedReasons,
  programClosedReasonSchema,
  programClosedReason,
  type ProgramClosedReason,
} from './landing.ts';

export const programDetailSchema = programSummarySchema.extend({
  version: z.number().int(),
  payeeType: z.enum(['individual', 'business']),
  amountQuestionId: z.string(),
  questionSet: questionSetSchema,
});
export type ProgramDetail = z.infer<typeof programDetailSchema>;

export const programSlugParamsSchema = z.object({
  slug: z
    .string()
    .max(64)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: 'A program slug is lower-case words joined by dashes.',
    }),
});

/** Plain-language reasons (both languages) for a program that does not take applications. */
export const programClosedMessages: Record<ProgramClosedReason, { en: string; es: string }> = {
  not_open_yet: {
    en: 'This program is not open for applications yet.',
    es: 'Este programa todavía no acepta solicitudes.',
  },
  closed: {
    en: 'This program is closed and no longer accepts applications.',
    es: 'Este programa está cerrado y ya no acepta solicitudes.',
  },
  budget_exhausted: {
    en: 'This program has used all of its budget and cannot accept more applications.',
    es: 'Este programa ya usó todo su presupuesto y no puede aceptar más solicitudes.',
  },
};
