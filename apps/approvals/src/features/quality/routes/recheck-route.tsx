import { Alert, PageTitle, QueryState, useFocusWhen, useT } from '@hms/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { blindSampleQueryOptions, recheckMutationOptions } from '../api/quality-api.ts';
import { BlindRequestView } from '../components/blind-request.tsx';
import { useOriginalText } from '../components/disagreements-table.tsx';
import { RecheckForm } from '../components/recheck-form.tsx';
import { qualityMessages } from '../messages.ts';

/** One sampled request, re-decided blind; the original is shown only once the re-decision is recorded. */
export function RecheckRoute() {
  const { sampleId = '' } = useParams();
  const tr = useT(qualityMessages);
  const client = useQueryClient();
  const sample = useQuery(blindSampleQueryOptions(sampleId));
  const save = useMutation(recheckMutationOptions(client, sampleId));
  const original = useOriginalText();
  const done = save.data;
  const result = useFocusWhen<HTMLDivElement>(done);

  return (
    <>
      <p>
        <Link className="usa-link" to="/approvals/quality">
          {tr('back')}
        </Link>
      </p>
      <QueryState query={sample} loading={tr('loadingSample')}>
        {(s) => (
          <>
            <PageTitle>{tr('blindTitle', { reference: s.reference })}</PageTitle>
            {done ? (
              <div
                ref={result}
                tabIndex={-1}
                role="status"
                data-recheck-result={done.agrees ? 'agrees' : 'differs'}
                className={`usa-alert ${done.agrees ? 'usa-alert--success' : 'usa-alert--warning'} margin-bottom-3`}
              >
                <div className="usa-alert__body">
                  <h2 className="usa-alert__heading">
                    {tr(done.agrees ? 'resultAgree' : 'resultDisagree')}
                  </h2>
                  <p className="usa-alert__text">
                    {tr('resultBody', {
                      mine: tr(
                        done.recheck.outcome === 'approve' ? 'outcome_approve' : 'outcome_reject',
                      ),
                      original: original(done.original),
                    })}
                  </p>
                </div>
              </div>
            ) : (
              <p className="usa-intro">{tr('blindLead')}</p>
            )}
            <BlindRequestView sample={s} />
            {done ? null : s.refusal ? (
              <Alert tone="info" role="status" heading={tr('refused')}>
                {tr(`refusal_${s.refusal}`)}
              </Alert>
            ) : (
              <RecheckForm
                saving={save.isPending}
                onSave={(body, onError) => save.mutate(body, { onError })}
              />
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
