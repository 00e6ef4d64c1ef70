import { getQueryOptions, ApiProblem, apiClient, practiceKeys, unwrap } from '@hms/api-client';
import type { RequestBody, ResponseBody } from '@hms/api-client';
import type { ErrorCode } from '@hms/contracts/error-codes';
import { mutationOptions } from '@tanstack/react-query';

export type PracticeOverview = ResponseBody<'/api/practice'>;
export type PracticeProgram = PracticeOverview['programs'][number];
export type CopyProgramBody = RequestBody<'/api/practice/programs', 'post'>;
export type CopiedProgram = ResponseBody<'/api/practice/programs', 'post'>;
export type GenerateBody = RequestBody<'/api/practice/requests', 'post'>;
export type GeneratedRequests = ResponseBody<'/api/practice/requests', 'post'>;
export type ClearBody = RequestBody<'/api/practice/clear', 'post'>;
export type ClearResult = ResponseBody<'/api/practice/clear', 'post'>;

/** Every program, whether it is practice, and how many practice requests each holds. */
export function practiceOverviewQueryOptions() {
  return getQueryOptions(practiceKeys.overview(), '/api/practice');
}

export function copyProgramMutationOptions() {
  return mutationOptions({
    mutationFn: (body: CopyProgramBody) =>
      unwrap(apiClient.POST('/api/practice/programs', { body })),
  });
}

/** Marks a program practice or back; answers with the whole overview as it now is. */
export function setPracticeMutationOptions() {
  return mutationOptions({
    mutationFn: ({ programId, practice }: { programId: string; practice: boolean }) =>
      unwrap(
        apiClient.PUT('/api/practice/programs/{programId}', {
          params: { path: { programId } },
          body: { practice },
        }),
      ),
  });
}

export function generateRequestsMutationOptions() {
  return mutationOptions({
    mutationFn: (body: GenerateBody) => unwrap(apiClient.POST('/api/practice/requests', { body })),
  });
}

export function clearPracticeMutationOptions() {
  return mutationOptions({
    mutationFn: (body: ClearBody) => unwrap(apiClient.POST('/api/practice/clear', { body })),
  });
}

/**
 * The API refuses some choices of program as a whole (404 program.not_found, 409 practice.program_not_practice, 422
 * practice.answers_not_generated, whose `errors` name the program's questions, not this form's fields). Those are
 * about the program the person chose, so they are put on that field: the summary links to it and the field says the
 * code's message in the reader's language (the field lists the code among its `refusals`).
 */
export function refusalOnField(error: unknown, field: string, codes: readonly ErrorCode[]) {
  if (!(error instanceof ApiProblem) || !codes.some((c) => c === error.code)) return error;
  // The server's own field errors stay after it (for answers_not_generated, the questions to check).
  return error.withErrors([
    { field: `body.${field}`, message: error.detail ?? error.title },
    ...error.errors,
  ]);
}
