import { batchKeys, paymentKeys } from '@hms/api-client';
import {
  HelpPanel,
  ImportedTag,
  PageTitle,
  QueryState,
  DataTable,
  formatCents,
  formatDate,
  formatDateTime,
  useLanguage,
  useLabel,
  useT,
} from '@hms/ui';
import { batchStatusLabels, paymentStatusLabels } from '@hms/contracts/labels';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  batchActionMutationOptions,
  batchQueryOptions,
  downloadBatchFile,
} from '../api/batches.ts';
import { BatchActions } from '../components/batch-actions.tsx';
import { batchesMessages } from '../messages.ts';
import { batchDetailHelp } from '../help.ts';
import { batchName } from '../../../shared/batch-link.tsx';
import { ActionOutcome } from '../../../shared/action-outcome.tsx';

function saveText(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

export function BatchDetailRoute() {
  const { batchId = '' } = useParams();
  const tr = useT(batchesMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const batch = useQuery(batchQueryOptions(batchId));
  const [status, setStatus] = useState<string>('');
  const action = useMutation({
    ...batchActionMutationOptions(batchId),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: batchKeys.all });
      await queryClient.invalidateQueries({ queryKey: paymentKeys.all });
      const fresh = await queryClient.fetchQuery(batchQueryOptions(batchId));
      setStatus(tr('done', { status: label(batchStatusLabels[fresh.status]) }));
    },
  });
  const download = useMutation({
    mutationFn: () => downloadBatchFile(batchId),
    onSuccess: ({ fileName, text }) => {
      saveText(fileName, text);
      setStatus(tr('downloaded', { file: fileName }));
      void queryClient.invalidateQueries({ queryKey: batchKeys.detail(batchId) });
    },
  });

  return (
    <QueryState query={batch} loading={tr('loading')}>
      {(b) => (
        <>
          <p>
            <Link to="/finance/batches">{tr('back')}</Link>
          </p>
          <PageTitle>{tr('detailTitle', { file: batchName(b) })}</PageTitle>
          <HelpPanel content={batchDetailHelp} />
          <dl>
            <dt>{tr('status')}</dt>
            <dd>{label(batchStatusLabels[b.status])}</dd>
            <dt>{tr('effective')}</dt>
            <dd>
              {formatDate(`${b.effectiveDate}T12:00:00Z`, language, 'UTC')}
              {b.sameDay ? ` (${tr('sameDay')})` : ''}
            </dd>
            <dt>{tr('total')}</dt>
            <dd>
              {formatCents(b.totalCents, language)} · {b.entryCount} {tr('entries').toLowerCase()}
              {b.prenoteCount ? ` · ${tr('prenotes', { count: b.prenoteCount })}` : ''}
            </dd>
            <dt>{tr('builtBy')}</dt>
            <dd>
              {b.builtBy.name}, {formatDateTime(b.builtAt, language)}
            </dd>
            <dt>{tr('releasedBy')}</dt>
            <dd>
              {b.releasedBy
                ? `${b.releasedBy.name}, ${formatDateTime(b.releasedAt!, language)}`
                : '—'}
            </dd>
            <dt>{tr('sha')}</dt>
            <dd className="font-mono-xs text-wrap">{b.fileSha256}</dd>
            <dt>{tr('downloads')}</dt>
            <dd>{b.downloadCount}</dd>
          </dl>
          <BatchActions
            batch={b}
            busy={action.isPending || download.isPending}
            onAction={(a) => action.mutate(a)}
            onDownload={() => download.mutate()}
          />
          <ActionOutcome
            status={status}
            failures={[action.error, download.error]}
            className="margin-y-1"
          />
          <h2 id="entries-heading">{tr('entriesHeading')}</h2>
          <DataTable
            caption={tr('entriesCaption')}
            labelledBy="entries-heading"
            captionHidden
            rows={b.entries}
            columns={[
              {
                header: tr('trace'),
                rowHeader: true,
                className: 'font-mono-xs',
                cell: (e) => e.traceNumber,
              },
              {
                header: tr('kind'),
                cell: (e) => (e.kind === 'prenote' ? tr('prenote') : tr('payment')),
              },
              {
                header: tr('reference'),
                cell: (e) => (
                  <>
                    {e.payment.reference}
                    <ImportedTag imported={e.payment.imported} noun="payment" />
                  </>
                ),
              },
              {
                header: tr('payee'),
                cell: (e) => (
                  <>
                    {e.payment.payeeName} ••••{e.payment.accountLast4}
                  </>
                ),
              },
              {
                header: tr('amount'),
                numeric: true,
                cell: (e) => formatCents(e.amountCents, language),
              },
              { header: tr('status'), cell: (e) => label(paymentStatusLabels[e.payment.status]) },
            ]}
          />
        </>
      )}
    </QueryState>
  );
}
