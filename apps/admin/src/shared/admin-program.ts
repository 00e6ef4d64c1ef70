import { getQueryOptions, adminProgramKeys } from '@hms/api-client';
import type { ResponseBody } from '@hms/api-client';

/** A program as an administrator edits it: its draft, its live version, its publishing state and its form. */
export type AdminProgram = ResponseBody<'/api/admin/programs/{programId}'>;

/**
 * One program for administration, read by the program screen and by the decision-rules screen (its name, and the
 * questions of its form a rule may read): one key, so both share one cached copy.
 */
export function adminProgramQueryOptions(programId: string) {
  return getQueryOptions(adminProgramKeys.detail(programId), '/api/admin/programs/{programId}', {
    params: { path: { programId } },
  });
}
