import { useSearchParams } from 'react-router';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SLUG = /^[a-z0-9-]{1,64}$/;

/** The period and program of the finance overview and its lists, read from the URL (shareable; Back works). */
export interface Period {
  from?: string;
  to?: string;
  program?: string;
}

export function readPeriod(params: URLSearchParams): Period {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const program = params.get('program') ?? '';
  return {
    ...(DATE.test(from) ? { from } : {}),
    ...(DATE.test(to) ? { to } : {}),
    ...(SLUG.test(program) ? { program } : {}),
  };
}

/** The period as search parameters, with anything else the page adds (a figure, a search). */
export function periodSearch(period: Period, extra: Record<string, string | undefined> = {}) {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...period, ...extra })) if (v) next.set(k, v);
  return next.toString();
}

export function usePeriod() {
  const [params, setParams] = useSearchParams();
  return { period: readPeriod(params), params, setParams };
}
