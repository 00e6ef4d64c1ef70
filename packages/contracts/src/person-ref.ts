import { z } from 'zod';

/** Who did something, as a list or a record names them: the user's id and display name. */
export const personRefSchema = z.object({ id: z.string(), name: z.string() });
export type PersonRef = z.infer<typeof personRefSchema>;

/** Who last changed a setting and when; both null while it has never been changed. */
export const lastChangeFields = {
  changedBy: personRefSchema.nullable(),
  changedAt: z.string().nullable(),
};
