import { getQueryOptions, decisionRuleKeys } from '@hms/api-client';
import type { ResponseBody } from '@hms/api-client';

export type RuleVersionList = ResponseBody<'/api/admin/programs/{programId}/decision-rules'>;

/**
 * A program's decision-rule versions (administrators only: finance staff are refused the list), read by the
 * decision-rules screen and by a simulation that tries the draft: one key, so both share one cached copy.
 */
export function ruleVersionsQueryOptions(programId: string) {
  return getQueryOptions(
    decisionRuleKeys.program(programId),
    '/api/admin/programs/{programId}/decision-rules',
    { params: { path: { programId } } },
  );
}
