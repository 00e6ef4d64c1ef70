import { z } from 'zod';
import { localizedTextSchema } from './language.ts';
import { requestStatusSchema } from './requests.ts';

/** The most practice requests one action creates (each is a full request with files and an account). */
export const MAX_PRACTICE_REQUESTS_AT_ONCE = 25;

export const practiceProgramSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: localizedTextSchema,
  /** Marked practice: hidden from citizens, its payments never batched, left out of every finance figure. */
  practice: z.boolean(),
  /** Practice requests it holds now (0 for a program that is not practice). */
  practiceRequestCount: z.number().int(),
  /** The same, by request status (only statuses with at least one request). */
  byStatus: z.array(z.object({ status: requestStatusSchema, count: z.number().int() })),
});
export type PracticeProgram = z.infer<typeof practiceProgramSchema>;

export const practiceOverviewSchema = z.object({
  programs: z.array(practiceProgramSchema),
  /** Practice requests in all practice programs. */
  practiceRequestCount: z.number().int(),
});
export type PracticeOverview = z.infer<typeof practiceOverviewSchema>;

export const practiceProgramParamsSchema = z.object({
  programId: z.uuid({ error: 'programId must be a program id (UUID).' }),
});

export const copyPracticeProgramBodySchema = z
  .object({
    sourceProgramId: z.uuid({ error: 'Choose the program to copy.' }),
  })
  .strict();
export type CopyPracticeProgramBody = z.infer<typeof copyPracticeProgramBodySchema>;

export const setProgramPracticeBodySchema = z
  .object({ practice: z.boolean({ error: 'practice must be true or false.' }) })
  .strict();

export const practiceCountSchema = z.coerce
  .number({
    error: `Enter how many requests to create, a whole number from 1 to ${MAX_PRACTICE_REQUESTS_AT_ONCE}.`,
  })
  .int({ error: `Enter a whole number from 1 to ${MAX_PRACTICE_REQUESTS_AT_ONCE}.` })
  .min(1, { error: 'Create at least 1 request.' })
  .max(MAX_PRACTICE_REQUESTS_AT_ONCE, {
    error: `Create at most ${MAX_PRACTICE_REQUESTS_AT_ONCE} requests at a time.`,
  });

export const createPracticeRequestsBodySchema = z
  .object({
    programId: z.uuid({ error: 'Choose a practice program.' }),
    count: practiceCountSchema,
  })
  .strict();
export type CreatePracticeRequestsBody = z.infer<typeof createPracticeRequestsBodySchema>;

export const createPracticeRequestsResponseSchema = z.object({
  created: z.array(
    z.object({ id: z.string(), reference: z.string(), amountRequestedCents: z.number().int() }),
  ),
  /** Practice requests in all practice programs after this. */
  practiceRequestCount: z.number().int(),
});
export type CreatePracticeRequestsResponse = z.infer<typeof createPracticeRequestsResponseSchema>;

export const clearPracticeBodySchema = z
  .object({
    /** Only this practice program's requests; all practice programs when left out. */
    programId: z.uuid({ error: 'programId must be a program id (UUID).' }).optional(),
  })
  .strict();

export const clearPracticeResponseSchema = z.object({
  requestsDeleted: z.number().int(),
  paymentsDeleted: z.number().int(),
  documentsDeleted: z.number().int(),
  applicantsDeleted: z.number().int(),
});
export type ClearPracticeResponse = z.infer<typeof clearPracticeResponseSchema>;

export const copyPracticeProgramResponseSchema = z.object({ id: z.string(), slug: z.string() });
