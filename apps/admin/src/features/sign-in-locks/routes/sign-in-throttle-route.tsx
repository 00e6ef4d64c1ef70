import { signInThrottleKeys } from '@hms/api-client';
import {
  HelpPanel,
  PageTitle,
  ProblemAlert,
  QueryState,
  ScrollableTable,
  formatDateTime,
  useLanguage,
  useT,
} from '@hms/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  clearThrottleMutationOptions,
  throttledAccountsQueryOptions,
} from '../api/sign-in-locks.ts';
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
  const clear = useMutation({
    ...clearThrottleMutationOptions(),
    onSuccess: (_res, email) => {
      setCleared(email);
      void queryClient.invalidateQueries({ queryKey: signInThrottleKeys.all });
    },
  });
  return (
    <>
      <PageTitle>{tr('throttleTitle')}</PageTitle>
      <p className="usa-intro">{tr('throttleLead')}</p>
      <HelpPanel content={throttleHelp} />
      <div aria-live="polite">
        {cleared ? (
          <div className="usa-alert usa-alert--success usa-alert--slim" role="status">
            <div className="usa-alert__body">
              <p className="usa-alert__text">{tr('throttleCleared', { email: cleared })}</p>
            </div>
          </div>
        ) : null}
      </div>
      {clear.isError ? <ProblemAlert error={clear.error} /> : null}
      <QueryState query={accounts} loading={tr('loading')} empty={<p>{tr('throttleEmpty')}</p>}>
        {(data) => (
          <ScrollableTable caption={tr('throttleCaption')} captionId="throttle-caption">
            <thead>
              <tr>
                <th scope="col">{tr('throttleEmail')}</th>
                <th scope="col">{tr('throttleFailures')}</th>
                <th scope="col">{tr('throttleSources')}</th>
                <th scope="col">{tr('throttleLast')}</th>
                <th scope="col">{tr('throttleWait')}</th>
                <th scope="col">
                  <span className="usa-sr-only">{tr('throttleAction')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.map((a) => (
                <tr key={a.email}>
                  <th scope="row" className="text-wrap">
                    {a.email}
                  </th>
                  <td>{a.failures}</td>
                  <td>{a.sources}</td>
                  <td>{formatDateTime(a.lastFailureAt, language)}</td>
                  <td>
                    {a.waitUntil ? formatDateTime(a.waitUntil, language) : tr('throttleNoWait')}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="usa-button usa-button--secondary"
                      disabled={clear.isPending}
                      onClick={() => clear.mutate(a.email)}
                    >
                      {tr('throttleClear', { email: a.email })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollableTable>
        )}
      </QueryState>
    </>
  );
}
