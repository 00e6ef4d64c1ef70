/**
 * Exports (issue 12 item 7): payees and requests written back in the import formats (`IMPORT_COLUMNS`). Account
 * numbers are masked (last four) unless an admin asks for the full numbers, which the audit log records apart.
 */
import { z } from 'zod';
import { importKindSchema } from './imports.ts';

export const exportKindParamsSchema = z.object({ kind: importKindSchema });

/** How a masked account number is written: never valid as an account number, so it cannot be re-imported by mistake. */
export const MASKED_ACCOUNT_PREFIX = '****';

export const exportQuerySchema = z.object({
  fullAccountNumbers: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe(
      'true writes the payees’ full account numbers (audited as such); false (the default) only their last four digits',
    ),
});
