import { apiClient, unwrap } from '@hms/api-client';
import type { AdminProgram, ProgramDraft } from '@hms/contracts/program-admin';
import { mutationOptions, queryOptions } from '@tanstack/react-query';

/** The program as an administrator edits it (the same cache entry as the program editor page's). */
export const adminProgramKey = (programId: string) => ['admin', 'programs', programId] as const;

export function adminProgramQueryOptions(programId: string) {
  return queryOptions({
    queryKey: adminProgramKey(programId),
    queryFn: async ({ signal }): Promise<AdminProgram> =>
      unwrap(
        apiClient.GET('/api/admin/programs/{programId}', {
          params: { path: { programId } },
          signal,
        }),
      ),
  });
}

/** Saves the whole draft (the form is one part of it; the rest is sent back as it was loaded). */
export function saveDraftMutationOptions(programId: string) {
  return mutationOptions({
    mutationFn: async (draft: ProgramDraft): Promise<AdminProgram> =>
      unwrap(
        apiClient.PUT('/api/admin/programs/{programId}/draft', {
          params: { path: { programId } },
          body: { draft },
        }),
      ),
  });
}
