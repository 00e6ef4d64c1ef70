import { serviceTokenKeys } from '@hms/api-client';
import {
  ButtonGroup,
  CheckboxGroup,
  ConfirmAction,
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
import { useState } from 'react';
import { tokenMutationOptions, tokensQueryOptions, type ServiceToken } from '../api/tokens.ts';
import { tokensMessages } from '../messages.ts';
import { IssueSecretForm, useIssuedSecret } from '../../../shared/secret-once.tsx';
import { tokensHelp } from '../help.ts';

const SCOPES = [
  ['settlement:write', 'scope_settlement'],
  ['journal:read', 'scope_journal'],
] as const;

const FIELDS: FormField<'name' | 'scopes' | 'expiresOn'>[] = [
  { name: 'name', id: 'token-name' },
  { name: 'scopes', id: 'token-scopes' },
  { name: 'expiresOn', id: 'token-expires-on' },
];

/** Today in the browser's calendar, YYYY-MM-DD (the API checks against the agency's; this only catches the obvious). */
function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Admin: create, rotate and revoke the FINANCIAL system's service tokens. */
export function TokensRoute() {
  const tr = useT(tokensMessages);
  const { language } = useLanguage();
  const tokens = useQuery(tokensQueryOptions());
  const { secret, onIssued } = useIssuedSecret('token', serviceTokenKeys.all);
  const errors = useFormErrors(FIELDS);
  const [revoking, setRevoking] = useState<ServiceToken | null>(null);
  const mutate = useMutation({
    ...tokenMutationOptions(),
    onSuccess: (res) => {
      onIssued(res);
      setRevoking(null);
    },
  });
  const read = (data: FormData) => {
    const name = String(data.get('name') ?? '').trim();
    const scopes = data.getAll('scopes').map(String) as Array<(typeof SCOPES)[number][0]>;
    const expiresOn = String(data.get('expiresOn') ?? '').trim();
    const failed = errors.check({
      name: name ? undefined : tr('nameRequired'),
      scopes: scopes.length ? undefined : tr('scopesRequired'),
      expiresOn: expiresOn && expiresOn < todayLocal() ? tr('expiresOnPast') : undefined,
    });
    return failed ? null : { name, scopes, ...(expiresOn ? { expiresOn } : {}) };
  };
  const when = (at: string | null, otherwise: 'noExpiry' | 'never') =>
    at ? formatDateTime(at, language) : tr(otherwise);
  const actions = (t: ServiceToken) =>
    t.revokedAt ? null : (
      <ButtonGroup>
        {t.expired ? null : (
          <button
            type="button"
            className="usa-button usa-button--outline"
            disabled={mutate.isPending}
            onClick={() => mutate.mutate({ kind: 'rotate', id: t.id })}
          >
            {tr('rotate', { name: t.name })}
          </button>
        )}
        <button
          type="button"
          className="usa-button usa-button--secondary"
          disabled={mutate.isPending}
          onClick={() => setRevoking(t)}
        >
          {tr('revoke', { name: t.name })}
        </button>
      </ButtonGroup>
    );
  return (
    <>
      <PageIntro title={tr('tokensTitle')} lead={tr('tokensLead')} help={tokensHelp} />
      <IssueSecretForm
        errors={errors}
        mutation={mutate}
        read={read}
        submitLabel={tr('create')}
        secret={secret}
        secretLabel={tr('shownOnce')}
      >
        <TextField
          {...errors.field('name')}
          label={tr('name')}
          hint={tr('nameHint')}
          maxLength={100}
        />
        <CheckboxGroup
          {...errors.field('scopes')}
          label={tr('scopes')}
          options={SCOPES.map(([value, key]) => ({ value, label: tr(key) }))}
        />
        <TextField
          {...errors.field('expiresOn')}
          type="date"
          label={tr('expiresOn')}
          hint={tr('expiresOnHint')}
          className="usa-input--medium"
        />
      </IssueSecretForm>
      {revoking ? (
        <ConfirmAction
          question={tr('confirmRevoke', { name: revoking.name })}
          confirmLabel={tr('yesRevoke')}
          cancelLabel={tr('no')}
          onConfirm={() => mutate.mutate({ kind: 'revoke', id: revoking.id })}
          onCancel={() => setRevoking(null)}
        />
      ) : null}
      <QueryState query={tokens} loading={tr('loading')} empty={<p>{tr('empty')}</p>}>
        {(data) => (
          <DataTable
            caption={tr('caption')}
            rows={data.items}
            columns={[
              { header: tr('name'), rowHeader: true, cell: (t) => t.name },
              { header: tr('scopes'), cell: (t) => t.scopes.join(', ') },
              {
                header: tr('prefix'),
                className: 'font-mono-xs',
                cell: (t) => `${t.prefix}…`,
              },
              {
                header: tr('created'),
                cell: (t) => (
                  <>
                    {formatDateTime(t.createdAt, language)}
                    {t.createdBy ? (
                      <>
                        <br />
                        {tr('createdBy', { name: t.createdBy.name })}
                      </>
                    ) : null}
                  </>
                ),
              },
              { header: tr('expires'), cell: (t) => when(t.expiresAt, 'noExpiry') },
              { header: tr('lastUsed'), cell: (t) => when(t.lastUsedAt, 'never') },
              { header: tr('uses'), numeric: true, cell: (t) => t.useCount },
              {
                header: tr('state'),
                cell: (t) => tr(t.revokedAt ? 'revoked' : t.expired ? 'expired' : 'active'),
              },
              { header: tr('actions'), headerHidden: true, cell: actions },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
