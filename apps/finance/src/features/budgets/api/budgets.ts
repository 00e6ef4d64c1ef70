import { apiClient, financeKeys, unwrap } from '@hms/api-client';
import type { QueryParams, ResponseBody } from '@hms/api-client';
import { freshQuery } from '../../../shared/fresh.ts';

export type BudgetsQuery = QueryParams<'/api/finance/budgets'>;
export type Budgets = ResponseBody<'/api/finance/budgets'>;
export type ProgramBudget = Budgets['programs'][number];

export function budgetsQueryOptions(query: BudgetsQuery) {
  return freshQuery(financeKeys.budgets(query), (signal) =>
    unwrap(apiClient.GET('/api/finance/budgets', { params: { query }, signal })),
  );
}
