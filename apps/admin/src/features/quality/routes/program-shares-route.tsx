import { Alert, PageTitle, QueryState, useFocusWhen, useT } from '@hms/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import {
  qualitySharesQueryOptions,
  setQualitySharesMutationOptions,
} from '../api/quality-shares.ts';
import { SharesForm } from '../components/shares-form.tsx';
import { qualitySharesMessages } from '../messages.ts';

/** Admin: one program's sampling shares, changed with a form; the saved values are confirmed in place. */
export function ProgramSharesRoute() {
  const { programId = '' } = useParams();
  const tr = useT(qualitySharesMessages);
  const client = useQueryClient();
  const shares = useQuery(qualitySharesQueryOptions());
  const save = useMutation(setQualitySharesMutationOptions(client, programId));
  const confirmation = useFocusWhen<HTMLDivElement>(save.isSuccess);

  return (
    <>
      <p>
        <Link className="usa-link" to="/admin/quality">
          {tr('back')}
        </Link>
      </p>
      <QueryState query={shares} loading={tr('loading')}>
        {(data) => {
          const program = data.items.find((s) => s.programId === programId);
          if (!program) return <p>{tr('notFound')}</p>;
          return (
            <>
              <PageTitle>{tr('formTitle', { program: program.programName })}</PageTitle>
              {save.isSuccess ? (
                <Alert
                  ref={confirmation}
                  tabIndex={-1}
                  role="status"
                  tone="success"
                  className="margin-bottom-3"
                >
                  {tr('saved', { program: program.programName })}
                </Alert>
              ) : null}
              <SharesForm
                key={program.changedAt ?? 'never'}
                shares={program}
                saving={save.isPending}
                onSave={(body, onError) => save.mutate(body, { onError })}
              />
            </>
          );
        }}
      </QueryState>
    </>
  );
}
