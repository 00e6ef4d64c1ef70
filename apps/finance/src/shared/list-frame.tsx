import { Pager, formatCents, formatNumber, useLanguage, useT } from '@hms/ui';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { listMessages } from './list-messages.ts';
import { withListParams } from './list-params.ts';

/** The counts of one page of a figure list, as every finance list route answers them. */
export interface ListPageCounts {
  totalCount: number;
  totalCents: number;
  page: number;
  pageSize: number;
}

/**
 * What every figure list shows around its table: the total of all pages (the figure itself), the CSV link for
 * exactly these rows, and the pages. The page number lives in the URL (`page`, read by readListParams), so turning
 * a page changes only that parameter.
 */
export function ListFrame({
  list: { totalCount, totalCents, page, pageSize },
  csvHref,
  children,
}: {
  list: ListPageCounts;
  csvHref: string;
  children: ReactNode;
}) {
  const tr = useT(listMessages);
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const pages = Math.max(1, Math.ceil(totalCount / pageSize));
  const count = formatNumber(totalCount, language);
  return (
    <>
      <p className="text-bold" data-testid="list-total">
        {tr('total', { count, amount: formatCents(totalCents, language) })}
      </p>
      <p>
        <a className="usa-link" href={csvHref} download>
          {tr('csv', { count })}
        </a>
      </p>
      {children}
      {pages > 1 ? <p className="text-base">{tr('pageOf', { page, pages })}</p> : null}
      <Pager
        label={tr('pages')}
        prevCursor={page > 1 ? String(page - 1) : null}
        nextCursor={page < pages ? String(page + 1) : null}
        onPage={(p) => setParams(withListParams(params, { page: Number(p) }))}
      />
    </>
  );
}
