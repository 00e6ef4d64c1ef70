import { isApiProblem } from '@hms/api-client';
import { bankDetailsSchemaIn, type BankDetailsInput } from '@hms/contracts/applications';
import { ErrorSummary, ProblemAlert, useLanguage, useT } from '@hms/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  BankAccountFields,
  bankAccountErrorSummary,
  type BankAccountFieldName,
  type BankAccountOutput,
} from '../../../shared/bank-account-fields.tsx';
import { newAccountMutationOptions } from '../api/requests-api.ts';
import { requestMessages } from '../messages.ts';

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
  const form = useForm<BankDetailsInput, unknown, BankAccountOutput>({
    resolver: zodResolver(schema),
    shouldFocusError: false,
  });
  const [serverErrors, setServerErrors] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const errors = form.formState.errors;
  const summary = bankAccountErrorSummary('new', errors);

  const submit = form.handleSubmit(async (v) => {
    setProblem(null);
    try {
      const result = await save.mutateAsync({
        holderName: v.holderName,
        accountType: v.accountType,
        routingNumber: v.routingNumber,
        accountNumber: v.accountNumber,
        accountNumberConfirm: v.accountNumberConfirm,
        achAuthorization: v.achAuthorization,
      });
      onDone(result.accountLast4);
    } catch (err) {
      if (isApiProblem(err) && err.status === 400 && err.errors.length > 0) {
        for (const e of err.errors)
          form.setError(e.field.replace(/^body\./, '') as BankAccountFieldName, {
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
      <BankAccountFields
        idPrefix="new"
        register={form.register}
        errors={errors}
        messages={{ authorizationAgree: tr('authorizationAgree') }}
      />
      <button type="submit" className="usa-button margin-top-2" disabled={save.isPending}>
        {save.isPending ? tr('newAccountSending') : tr('newAccountSend')}
      </button>
    </form>
  );
}
