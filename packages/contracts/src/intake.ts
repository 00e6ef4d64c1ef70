/**
 * Program detail for the citizen: everything the intake form needs to render a program's questions and tell the
 * person, before they start, whether the program accepts applications now (open dates and remaining budget).
 */
import { z } from 'zod';
import { programSummarySchema } from './landing.ts';
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

// In a file of its own (no zod), for the browser.
export { programClosedMessages } from './program-closed.ts';
