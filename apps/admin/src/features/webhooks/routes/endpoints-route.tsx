import { webhookEndpointKeys } from '@hms/api-client';
import {
  CheckboxGroup,
  DataTable,
  PageIntro,
  QueryState,
  TextField,
  formatDateTime,
  useFormErrors,
  useLanguage,
  useT,
  type FormField,
} from '@hms/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { endpointMutationOptions, endpointsQueryOptions } from '../api/endpoints.ts';
import type { CreateEndpointBody } from '../api/endpoints.ts';
import { webhooksMessages } from '../messages.ts';
import { IssueSecretForm, useIssuedSecret } from '../../../shared/secret-once.tsx';
import { endpointsHelp } from '../help.ts';

const EVENTS: CreateEndpointBody['eventTypes'] = [
  'request.approved',
  'payment.created',
  'batch.released',
  'payment.returned',
  'payment.settled',
];

const FIELDS: FormField<'url' | 'eventTypes'>[] = [
  { name: 'url', id: 'endpoint-url' },
  { name: 'eventTypes', id: 'endpoint-events' },
];

/** Admin: the FINANCIAL system's webhook receivers. */
export function EndpointsRoute() {
  const tr = useT(webhooksMessages);
  const { language } = useLanguage();
  const endpoints = useQuery(endpointsQueryOptions());
  const { secret, onIssued } = useIssuedSecret('secret', webhookEndpointKeys.all);
  const errors = useFormErrors(FIELDS);
  const mutate = useMutation({ ...endpointMutationOptions(), onSuccess: onIssued });
  const read = (data: FormData): CreateEndpointBody | null => {
    const url = String(data.get('url') ?? '').trim();
    const eventTypes = data.getAll('events').map(String) as CreateEndpointBody['eventTypes'];
    const failed = errors.check({
      url: url ? undefined : tr('urlRequired'),
      eventTypes: eventTypes.length ? undefined : tr('eventsRequired'),
    });
    return failed ? null : { url, eventTypes };
  };
  return (
    <>
      <PageIntro title={tr('endpointsTitle')} lead={tr('endpointsLead')} help={endpointsHelp} />
      <IssueSecretForm
        className="usa-form usa-form--large"
        errors={errors}
        mutation={mutate}
        read={read}
        submitLabel={tr('addEndpoint')}
        secret={secret}
        secretLabel={tr('secretOnce')}
      >
        <TextField {...errors.field('url')} type="url" label={tr('url')} hint={tr('urlHint')} />
        <CheckboxGroup
          id="endpoint-events"
          name="events"
          label={tr('events')}
          error={errors.error('eventTypes')}
          options={EVENTS.map((ev) => ({ value: ev, label: ev }))}
          defaultChecked
        />
      </IssueSecretForm>
      <QueryState query={endpoints} loading={tr('loading')} empty={<p>{tr('noEndpoints')}</p>}>
        {(data) => (
          <DataTable
            caption={tr('endpointsCaption')}
            rows={data.items}
            rowKey={(ep) => ep.id}
            columns={[
              {
                header: tr('url'),
                rowHeader: true,
                className: 'text-wrap',
                cell: (ep) => (
                  <>
                    {ep.url}
                    <div className="usa-hint">{formatDateTime(ep.createdAt, language)}</div>
                  </>
                ),
              },
              { header: tr('events'), cell: (ep) => ep.eventTypes.join(', ') },
              {
                header: tr('state'),
                cell: (ep) => tr(ep.enabled ? 'enabled' : 'disabled'),
              },
              {
                header: tr('actions'),
                headerHidden: true,
                cell: (ep) =>
                  ep.enabled ? (
                    <button
                      type="button"
                      className="usa-button usa-button--secondary"
                      disabled={mutate.isPending}
                      onClick={() => mutate.mutate({ kind: 'disable', id: ep.id })}
                    >
                      {tr('disable', { url: ep.url })}
                    </button>
                  ) : null,
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
