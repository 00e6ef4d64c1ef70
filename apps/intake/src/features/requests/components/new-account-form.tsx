import { isApiProblem } from '@hms/api-client';
import {
  ACH_AUTHORIZATION_TEXT,
  bankDetailsSchemaIn,
  type BankDetailsInput,
} from '@hms/contracts/applications';
import {
  ErrorSummary,
  ProblemAlert,
  RadioGroup,
  TextField,
  useLanguage,
  useT,
  type SummaryError,
} from '@hms/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { newAccountMutationOptions } from '../api/requests-api.ts';
import { requestMessages } from '../messages.ts';

type Output = ReturnType<ReturnType<typeof bankDetailsSchemaIn>['parse']>;
const FIELDS = [
  'holderName',
  'accountType',
  'routingNumber',
  'accountNumber',
  'accountNumberConfirm',
  'achAuthorization',
] as const;
type FieldName = (typeof FIELDS)[number];

/** "Payment returned → give a new bank account": the same account checks as the application, typed twice. */
export function NewAccountForm({
  requestId,
  onDone,
}: {
  requestId: string;
  onDone: (last4: string) => void;
}) {
  const tr = useT(requestMessages);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const save = useMutation(newAccountMutationOptions(queryClient, requestId));
  const schema = useMemo(() => bankDetailsSchemaIn(language), [language]);
  const form = useForm<BankDetailsInput, unknown, Output>({
    resolver: zodResolver(schema),
    shouldFocusError: false,
  });
  const [serverErrors, setServerErrors] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const errors = form.formState.errors;
  const message = (name: FieldName) =>
    typeof errors[name]?.message === 'string' ? (errors[name]!.message as string) : undefined;
  const summary: SummaryError[] = FIELDS.flatMap((n) =>
    message(n) ? [{ fieldId: `new-${n}`, message: message(n)! }] : [],
  );

  const submit = form.handleSubmit(async (v) => {
    setProblem(null);
    try {
      const result = await save.mutateAsync({
        holderName: v.holderName,
        accountType: v.accountType,
        routingNumber: v.routingNumber,
        accountNumber: v.accountNumber,
      });
      onDone(result.accountLast4);
    } catch (err) {
      if (isApiProblem(err) && err.status === 400 && err.errors.length > 0) {
        for (const e of err.errors)
          form.setError(e.field.replace(/^body\./, '') as FieldName, {
            type: 'server',
            message: e.message,
          });
        setServerErrors((n) => n + 1);
      } else setProblem(err);
    }
  });

  return (
    <form
      noValidate
      onSubmit={(e) => void submit(e)}
      className="maxw-tablet"
      aria-labelledby="new-account-title"
    >
      <h2 id="new-account-title">{tr('newAccountTitle')}</h2>
      <ErrorSummary errors={summary} focusKey={`${form.formState.submitCount}:${serverErrors}`} />
      {problem ? <ProblemAlert error={problem} headingLevel={3} /> : null}
      <TextField
        id="new-holderName"
        label={tr('holderName')}
        hint={tr('holderHint')}
        error={message('holderName')}
        autoComplete="name"
        {...form.register('holderName')}
      />
      <RadioGroup
        id="new-accountType"
        label={tr('accountType')}
        error={message('accountType')}
        options={[
          { value: 'checking', label: tr('checking') },
          { value: 'savings', label: tr('savings') },
        ]}
        {...form.register('accountType')}
      />
      <TextField
        id="new-routingNumber"
        label={tr('routingNumber')}
        hint={tr('routingHint')}
        error={message('routingNumber')}
        inputMode="numeric"
        autoComplete="off"
        {...form.register('routingNumber')}
      />
      <TextField
        id="new-accountNumber"
        label={tr('accountNumber')}
        hint={tr('accountHint')}
        error={message('accountNumber')}
        inputMode="numeric"
        autoComplete="off"
        {...form.register('accountNumber')}
      />
      <TextField
        id="new-accountNumberConfirm"
        label={tr('accountNumberConfirm')}
        error={message('accountNumberConfirm')}
        inputMode="numeric"
        autoComplete="off"
        {...form.register('accountNumberConfirm')}
      />
      <div
        className={`usa-form-group${message('achAuthorization') ? ' usa-form-group--error' : ''}`}
      >
        <p id="new-authorization-text">{ACH_AUTHORIZATION_TEXT[language]}</p>
        {message('achAuthorization') ? (
          <span className="usa-error-message" id="new-achAuthorization-error">
            {message('achAuthorization')}
          </span>
        ) : null}
        <div className="usa-checkbox">
          <input
            className="usa-checkbox__input"
            type="checkbox"
            id="new-achAuthorization"
            aria-describedby={`new-authorization-text${message('achAuthorization') ? ' new-achAuthorization-error' : ''}`}
            {...form.register('achAuthorization')}
          />
          <label className="usa-checkbox__label" htmlFor="new-achAuthorization">
            {tr('authorizationAgree')}
          </label>
        </div>
      </div>
      <button type="submit" className="usa-button margin-top-2" disabled={save.isPending}>
        {save.isPending ? tr('newAccountSending') : tr('newAccountSend')}
      </button>
    </form>
  );
}
