import { z } from 'zod';

/**
 * Where a record brought in from an agency's old system came from (issue 12): its id there, the file it was imported
 * from, when it was first imported, and the old system's note, if the file had one. Every read of a request carries
 * it, null for a request made in HMS, so each screen can mark an imported request and say where it came from.
 */
export const importedOriginSchema = z.object({
  externalId: z.string(),
  sourceFile: z.string(),
  importedAt: z.string(),
  note: z.string().nullable(),
});
export type ImportedOrigin = z.infer<typeof importedOriginSchema>;
