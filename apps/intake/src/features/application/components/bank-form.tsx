import { bankDetailsSchemaIn } from '@hms/contracts/applications';
import type { BankAccountView, BankDetailsInput } from '@hms/contracts/applications';
import { ErrorSummary, ProblemAlert, useLanguage, useT } from '@hms/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import {
  BankAccountFields,
  bankAccountErrorSummary,
} from '../../../shared/bank-account-fields.tsx';
import type { BankAccountOutput } from '../../../shared/bank-account-fields.tsx';
import { applicationMessages } from '../messages.ts';
import { useServerCheckedSubmit } from '@hms/intake-form/server-checked-submit';
import { StepActions } from '@hms/intake-form/step-form';

export interface BankFormProps {
  payeeType: 'individual' | 'business';
  saved: BankAccountView | null;
  onSave: (details: BankAccountOutput) => Promise<void>;
  onBack: () => void;
  /** Where "keep this account" goes when an account is already saved. */
  continueTo: string;
}

/** The bank step: why we ask, the ACH authorization, the account typed twice; the same schema as the API. */
export function BankForm({ payeeType, saved, onSave, onBack, continueTo }: BankFormProps) {
  const tr = useT(applicationMessages);
  const { language } = useLanguage();
  const schema = useMemo(() => bankDetailsSchemaIn(language), [language]);
  const form = useForm<BankDetailsInput, unknown, BankAccountOutput>({
    resolver: zodResolver(schema),
    defaultValues: {
      holderName: saved?.holderName ?? '',
      routingNumber: '',
      accountNumber: '',
      accountNumberConfirm: '',
    },
    shouldFocusError: false,
  });
  const errors = form.formState.errors;
  const summary = bankAccountErrorSummary('bank', errors);
  const { submit, problem, focusKey } = useServerCheckedSubmit(form, onSave);

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="maxw-tablet">
      <ErrorSummary errors={summary} focusKey={focusKey} />
      {problem ? <ProblemAlert error={problem} /> : null}
      <p>{tr('bankWhy')}</p>
      {saved ? (
        <div className="usa-summary-box margin-y-2">
          <div className="usa-summary-box__body">
            <p className="usa-summary-box__text margin-0">
              {tr('savedAccount', { last4: saved.last4, type: tr(saved.accountType) })}
            </p>
            <Link to={continueTo} className="usa-button usa-button--outline margin-top-2">
              {tr('continue')}
            </Link>
          </div>
        </div>
      ) : null}
      <BankAccountFields
        idPrefix="bank"
        register={form.register}
        errors={errors}
        messages={{
          ...(payeeType === 'business' ? { holderHint: tr('holderHintBusiness') } : {}),
          authorizationAgree: tr('authorizationAgree'),
          authorizationTitle: tr('authorizationTitle'),
        }}
        holderMaxLength={60}
        compactNumbers
      />
      <StepActions
        onBack={onBack}
        backLabel={tr('back')}
        submit={{
          label: tr('continue'),
          busyLabel: tr('saving'),
          busy: form.formState.isSubmitting,
        }}
      />
    </form>
  );
}
