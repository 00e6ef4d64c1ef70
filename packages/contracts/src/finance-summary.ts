/**
 * The finance dashboard's summary: money approved, pending, paid and returned, per program and in total. A read
 * model over requests and payments (apps/api/src/modules/read-models), not any one module's table.
 */
import { z } from 'zod';
import { localizedTextSchema } from './language.ts';

const moneyTotals = {
  approvedCents: z.number().int(),
  pendingCents: z.number().int(),
  paidCents: z.number().int(),
  returnedCents: z.number().int(),
};

export const financeSummaryResponseSchema = z.object({
  totals: z.object(moneyTotals),
  byProgram: z.array(
    z.object({
      programId: z.string(),
      programName: localizedTextSchema,
      ...moneyTotals,
      requestCount: z.number().int(),
    }),
  ),
});
export type FinanceSummaryResponse = z.infer<typeof financeSummaryResponseSchema>;
