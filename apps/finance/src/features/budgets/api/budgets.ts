import {
  apiClient,
  financeKeys,
  unwrap,
  type QueryParams,
  type ResponseBody,
} from '@hms/api-client';
import { queryOptions } from '@tanstack/react-query';
import { FRESH } from '../../../shared/fresh.ts';

export type BudgetsQuery = QueryParams<'/api/finance/budgets'>;
export type Budgets = ResponseBody<'/api/finance/budgets'>;
export type ProgramBudget = Budgets['programs'][number];

export function budgetsQueryOptions(query: BudgetsQuery) {
  return queryOptions({
    queryKey: financeKeys.budgets(query),
    queryFn: ({ signal }) =>
      unwrap(apiClient.GET('/api/finance/budgets', { params: { query }, signal })),
    ...FRESH,
  });
}
