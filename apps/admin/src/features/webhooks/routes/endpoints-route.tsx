import { webhookEndpointKeys } from '@hms/api-client';
import {
  CheckboxGroup,
  HelpPanel,
  PageTitle,
  QueryState,
  ScrollableTable,
  TextField,
  formatDateTime,
  useFormErrors,
  useLanguage,
  useT,
  type FormField,
} from '@hms/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import {
  endpointMutationOptions,
  endpointsQueryOptions,
  type CreateEndpointBody,
} from '../api/endpoints.ts';
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
  const onCreate = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const url = String(data.get('url') ?? '').trim();
    const eventTypes = data.getAll('events').map(String) as CreateEndpointBody['eventTypes'];
    const failed = errors.check({
      url: url ? undefined : tr('urlRequired'),
      eventTypes: eventTypes.length ? undefined : tr('eventsRequired'),
    });
    if (failed) return;
    mutate.mutate(
      { kind: 'create', body: { url, eventTypes } },
      { onSuccess: () => form.reset(), onError: errors.fail },
    );
  };
  return (
    <>
      <PageTitle>{tr('endpointsTitle')}</PageTitle>
      <p className="usa-intro">{tr('endpointsLead')}</p>
      <HelpPanel content={endpointsHelp} />
      <IssueSecretForm
        className="usa-form usa-form--large"
        errors={errors}
        mutation={mutate}
        onSubmit={onCreate}
        submitLabel={tr('addEndpoint')}
        secret={secret}
        secretLabel={tr('secretOnce')}
      >
        <TextField
          id="endpoint-url"
          name="url"
          type="url"
          label={tr('url')}
          hint={tr('urlHint')}
          error={errors.error('url')}
        />
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
          <ScrollableTable caption={tr('endpointsCaption')} captionId="endpoints-caption">
            <thead>
              <tr>
                <th scope="col">{tr('url')}</th>
                <th scope="col">{tr('events')}</th>
                <th scope="col">{tr('state')}</th>
                <th scope="col">
                  <span className="usa-sr-only">{tr('state')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.map((ep) => (
                <tr key={ep.id}>
                  <th scope="row" className="text-wrap">
                    {ep.url}
                    <div className="usa-hint">{formatDateTime(ep.createdAt, language)}</div>
                  </th>
                  <td>{ep.eventTypes.join(', ')}</td>
                  <td>{ep.enabled ? tr('enabled') : tr('disabled')}</td>
                  <td>
                    {ep.enabled ? (
                      <button
                        type="button"
                        className="usa-button usa-button--secondary"
                        disabled={mutate.isPending}
                        onClick={() => mutate.mutate({ kind: 'disable', id: ep.id })}
                      >
                        {tr('disable', { url: ep.url })}
                      </button>
                    ) : null}
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
