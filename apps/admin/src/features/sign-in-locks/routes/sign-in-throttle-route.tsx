import { signInThrottleKeys } from '@hms/api-client';
import {
  DataTable,
  PageIntro,
  ProblemAlert,
  QueryState,
  formatDateTime,
  useFocusWhen,
  useLanguage,
  useT,
} from '@hms/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  clearThrottleMutationOptions,
  throttledAccountsQueryOptions,
} from '../api/sign-in-locks.ts';
import { ResultNotice } from '../../../shared/result-notice.tsx';
import { signInLocksMessages } from '../messages.ts';
import { throttleHelp } from '../help.ts';

/**
 * Admin: accounts with failed sign-ins counted against them. The sources that failed wait before trying again (the
 * owner from another source never does); Clear lets them all try again now, e.g. when the owner calls from a shared
 * office address that someone else had been failing from.
 */
export function SignInThrottleRoute() {
  const tr = useT(signInLocksMessages);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const accounts = useQuery(throttledAccountsQueryOptions());
  const [cleared, setCleared] = useState<string | null>(null);
  // The cleared account's row, and its button, leave the list: focus goes to the notice that says so.
  const noticeRef = useFocusWhen<HTMLDivElement>(cleared);
  const clear = useMutation({
    ...clearThrottleMutationOptions(),
    onSuccess: (_res, email) => {
      setCleared(email);
      void queryClient.invalidateQueries({ queryKey: signInThrottleKeys.all });
    },
  });
  return (
    <>
      <PageIntro title={tr('throttleTitle')} lead={tr('throttleLead')} help={throttleHelp} />
      <ResultNotice
        ref={noticeRef}
        text={cleared ? tr('throttleCleared', { email: cleared }) : null}
      />
      {clear.isError ? <ProblemAlert error={clear.error} /> : null}
      <QueryState query={accounts} loading={tr('loading')} empty={<p>{tr('throttleEmpty')}</p>}>
        {(data) => (
          <DataTable
            caption={tr('throttleCaption')}
            rows={data.items}
            rowKey={(a) => a.email}
            columns={[
              {
                header: tr('throttleEmail'),
                rowHeader: true,
                className: 'text-wrap',
                cell: (a) => a.email,
              },
              { header: tr('throttleFailures'), cell: (a) => a.failures },
              { header: tr('throttleSources'), cell: (a) => a.sources },
              {
                header: tr('throttleLast'),
                cell: (a) => formatDateTime(a.lastFailureAt, language),
              },
              {
                header: tr('throttleWait'),
                cell: (a) =>
                  a.waitUntil ? formatDateTime(a.waitUntil, language) : tr('throttleNoWait'),
              },
              {
                header: tr('throttleAction'),
                headerHidden: true,
                cell: (a) => (
                  <button
                    type="button"
                    className="usa-button usa-button--secondary"
                    disabled={clear.isPending}
                    onClick={() => clear.mutate(a.email)}
                  >
                    {tr('throttleClear', { email: a.email })}
                  </button>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
