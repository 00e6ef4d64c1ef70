import { financeKeys, meQueryOptions, nocKeys } from '@hms/api-client';
import { nocStatusLabels } from '@hms/contracts/labels';
import { HelpPanel, Pager, QueryState, useFocusWhen, useLabel, useT, PageIntro } from '@hms/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  decideNocMutationOptions,
  importReturnsMutationOptions,
  nocsQueryOptions,
} from '../api/returns.ts';
import { ImportForm } from '../components/import-form.tsx';
import { ImportResult } from '../components/import-result.tsx';
import { NocTable } from '../components/noc-table.tsx';
import { returnsMessages } from '../messages.ts';
import { nocHelp, returnsHelp } from '../help.ts';
import { ActionOutcome } from '../../../shared/action-outcome.tsx';

export function ReturnsRoute() {
  const tr = useT(returnsMessages);
  const label = useLabel();
  const queryClient = useQueryClient();
  const me = useQuery(meQueryOptions());
  const [params, setParams] = useSearchParams();
  const nocs = useQuery(nocsQueryOptions(params.get('cursor') ?? undefined));
  const [status, setStatus] = useState('');
  const importer = useMutation({
    ...importReturnsMutationOptions(),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: nocKeys.all });
      void queryClient.invalidateQueries({ queryKey: financeKeys.all });
    },
  });
  const decide = useMutation({
    ...decideNocMutationOptions(),
    onSuccess: (noc) => {
      setStatus(
        tr('nocDone', { reference: noc.reference, status: label(nocStatusLabels[noc.status]) }),
      );
      void queryClient.invalidateQueries({ queryKey: nocKeys.all });
    },
  });
  const supervisor = me.data?.roles.includes('finance_supervisor') ?? false;
  // A decided notification loses its buttons: focus goes to the section, whose status line says what was done.
  const nocHeadingRef = useFocusWhen<HTMLHeadingElement>(status);
  return (
    <>
      <PageIntro title={tr('title')} lead={tr('lead')} help={returnsHelp} />
      <ImportForm busy={importer.isPending} onSubmit={(f) => importer.mutateAsync(f)} />
      {importer.data ? <ImportResult result={importer.data} /> : null}

      <section aria-labelledby="noc-heading" className="margin-top-5">
        <h2 id="noc-heading" tabIndex={-1} ref={nocHeadingRef}>
          {tr('nocHeading')}
        </h2>
        <p>{tr('nocLead')}</p>
        <HelpPanel content={nocHelp} />
        <ActionOutcome status={status} failures={[decide.error]} />
        <QueryState query={nocs} loading={tr('loading')} empty={<p>{tr('nocEmpty')}</p>}>
          {(data) => (
            <>
              <NocTable
                nocs={data.items}
                canDecide={supervisor}
                busy={decide.isPending}
                onDecide={(id, decision) => decide.mutate({ id, decision })}
              />
              <Pager
                label={tr('nocPages')}
                prevCursor={data.prevCursor}
                nextCursor={data.nextCursor}
                onPage={(c) => setParams({ cursor: c })}
              />
            </>
          )}
        </QueryState>
      </section>
    </>
  );
}
