import { serviceTokenKeys } from '@hms/api-client';
import {
  ButtonGroup,
  ConfirmAction,
  HelpPanel,
  ErrorSummary,
  LoadingState,
  PageTitle,
  ProblemAlert,
  ScrollableTable,
  TextField,
  formatDateTime,
  useFormErrors,
  useLanguage,
  useT,
  type FormField,
} from '@hms/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { tokenMutationOptions, tokensQueryOptions, type ServiceToken } from '../api/tokens.ts';
import { tokensMessages } from '../messages.ts';
import { SecretOnce } from '../../../shared/secret-once.tsx';
import { tokensHelp } from '../help.ts';

const SCOPES = [
  ['settlement:write', 'scope_settlement'],
  ['journal:read', 'scope_journal'],
] as const;

const FIELDS: FormField<'name' | 'scopes' | 'expiresOn'>[] = [
  { name: 'name', id: 'token-name' },
  { name: 'scopes', id: `scope-${SCOPES[0][0]}` },
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
  const queryClient = useQueryClient();
  const tokens = useQuery(tokensQueryOptions());
  const [secret, setSecret] = useState<string | null>(null);
  const errors = useFormErrors(FIELDS);
  const [revoking, setRevoking] = useState<ServiceToken | null>(null);
  const mutate = useMutation({
    ...tokenMutationOptions(),
    onSuccess: (res) => {
      const token = (res as { token?: unknown }).token;
      setSecret(typeof token === 'string' ? token : null);
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: serviceTokenKeys.all });
    },
  });
  const onCreate = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    const scopes = data.getAll('scopes').map(String) as Array<(typeof SCOPES)[number][0]>;
    const expiresOn = String(data.get('expiresOn') ?? '').trim();
    const failed = errors.check({
      name: name ? undefined : tr('nameRequired'),
      scopes: scopes.length ? undefined : tr('scopesRequired'),
      expiresOn: expiresOn && expiresOn < todayLocal() ? tr('expiresOnPast') : undefined,
    });
    if (failed) return;
    mutate.mutate(
      { kind: 'create', body: { name, scopes, ...(expiresOn ? { expiresOn } : {}) } },
      { onSuccess: () => form.reset(), onError: errors.fail },
    );
  };
  return (
    <>
      <PageTitle>{tr('tokensTitle')}</PageTitle>
      <p className="usa-intro">{tr('tokensLead')}</p>
      <HelpPanel content={tokensHelp} />
      <form className="usa-form" onSubmit={onCreate} noValidate>
        <ErrorSummary {...errors.summary} />
        {errors.problem ? <ProblemAlert error={errors.problem} /> : null}
        <TextField
          id="token-name"
          name="name"
          label={tr('name')}
          hint={tr('nameHint')}
          error={errors.error('name')}
          maxLength={100}
        />
        <fieldset
          className={`usa-fieldset usa-form-group${errors.error('scopes') ? ' usa-form-group--error' : ''}`}
          aria-describedby={errors.error('scopes') ? 'scopes-error' : undefined}
        >
          <legend className={`usa-legend${errors.error('scopes') ? ' usa-label--error' : ''}`}>
            {tr('scopes')}
          </legend>
          {errors.error('scopes') ? (
            <span className="usa-error-message" id="scopes-error">
              {errors.error('scopes')}
            </span>
          ) : null}
          {SCOPES.map(([value, key]) => (
            <div className="usa-checkbox" key={value}>
              <input
                className="usa-checkbox__input"
                id={`scope-${value}`}
                type="checkbox"
                name="scopes"
                value={value}
              />
              <label className="usa-checkbox__label" htmlFor={`scope-${value}`}>
                {tr(key)}
              </label>
            </div>
          ))}
        </fieldset>
        <TextField
          id="token-expires-on"
          name="expiresOn"
          type="date"
          label={tr('expiresOn')}
          hint={tr('expiresOnHint')}
          error={errors.error('expiresOn')}
          className="usa-input--medium"
        />
        <button type="submit" className="usa-button margin-top-2" disabled={mutate.isPending}>
          {tr('create')}
        </button>
      </form>
      {mutate.isError && mutate.variables.kind !== 'create' ? (
        <ProblemAlert error={mutate.error} />
      ) : null}
      {secret ? <SecretOnce label={tr('shownOnce')} secret={secret} /> : null}
      {revoking ? (
        <ConfirmAction
          question={tr('confirmRevoke', { name: revoking.name })}
          confirmLabel={tr('yesRevoke')}
          cancelLabel={tr('no')}
          onConfirm={() => mutate.mutate({ kind: 'revoke', id: revoking.id })}
          onCancel={() => setRevoking(null)}
        />
      ) : null}
      {tokens.isPending ? (
        <LoadingState label={tr('loading')} />
      ) : tokens.isError ? (
        <ProblemAlert error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <p>{tr('empty')}</p>
      ) : (
        <ScrollableTable caption={tr('caption')} captionId="tokens-caption">
          <thead>
            <tr>
              <th scope="col">{tr('name')}</th>
              <th scope="col">{tr('scopes')}</th>
              <th scope="col">{tr('prefix')}</th>
              <th scope="col">{tr('created')}</th>
              <th scope="col">{tr('expires')}</th>
              <th scope="col">{tr('lastUsed')}</th>
              <th scope="col" className="text-right">
                {tr('uses')}
              </th>
              <th scope="col">{tr('state')}</th>
              <th scope="col">
                <span className="usa-sr-only">{tr('state')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((t) => (
              <tr key={t.id}>
                <th scope="row">{t.name}</th>
                <td>{t.scopes.join(', ')}</td>
                <td className="font-mono-xs">{t.prefix}…</td>
                <td>
                  {formatDateTime(t.createdAt, language)}
                  {t.createdBy ? (
                    <>
                      <br />
                      {tr('createdBy', { name: t.createdBy.name })}
                    </>
                  ) : null}
                </td>
                <td>{t.expiresAt ? formatDateTime(t.expiresAt, language) : tr('noExpiry')}</td>
                <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt, language) : tr('never')}</td>
                <td className="text-right text-tabular">{t.useCount}</td>
                <td>{t.revokedAt ? tr('revoked') : t.expired ? tr('expired') : tr('active')}</td>
                <td>
                  {t.revokedAt ? null : (
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
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollableTable>
      )}
    </>
  );
}
