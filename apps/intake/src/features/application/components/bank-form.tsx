import { isApiProblem } from '@hms/api-client';
import {
  ACH_AUTHORIZATION_TEXT,
  bankDetailsSchemaIn,
  type BankAccountView,
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
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { applicationMessages } from '../messages.ts';
import { fieldNameOf } from './form-values.ts';

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

export interface BankFormProps {
  payeeType: 'individual' | 'business';
  saved: BankAccountView | null;
  onSave: (details: Output) => Promise<void>;
  onBack: () => void;
  /** Where "keep this account" goes when an account is already saved. */
  continueTo: string;
}

/** The bank step: why we ask, the ACH authorization, the account typed twice; the same schema as the API. */
export function BankForm({ payeeType, saved, onSave, onBack, continueTo }: BankFormProps) {
  const tr = useT(applicationMessages);
  const { language } = useLanguage();
  const schema = useMemo(() => bankDetailsSchemaIn(language), [language]);
  const form = useForm<BankDetailsInput, unknown, Output>({
    resolver: zodResolver(schema),
    defaultValues: {
      holderName: saved?.holderName ?? '',
      routingNumber: '',
      accountNumber: '',
      accountNumberConfirm: '',
    },
    shouldFocusError: false,
  });
  const [problem, setProblem] = useState<unknown>(null);
  const [serverErrors, setServerErrors] = useState(0);
  const errors = form.formState.errors;
  const message = (name: FieldName) => {
    const m = errors[name]?.message;
    return typeof m === 'string' ? m : undefined;
  };
  const summary: SummaryError[] = FIELDS.flatMap((name) => {
    const m = message(name);
    return m ? [{ fieldId: `bank-${name}`, message: m }] : [];
  });

  const submit = form.handleSubmit(async (details) => {
    setProblem(null);
    try {
      await onSave(details);
    } catch (err) {
      if (isApiProblem(err) && err.status === 400 && err.errors.length > 0) {
        for (const e of err.errors)
          form.setError(fieldNameOf(e.field) as FieldName, { type: 'server', message: e.message });
        setServerErrors((n) => n + 1);
      } else setProblem(err);
    }
  });

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="maxw-tablet">
      <ErrorSummary errors={summary} focusKey={`${form.formState.submitCount}:${serverErrors}`} />
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
      <TextField
        id="bank-holderName"
        label={tr('holderName')}
        hint={payeeType === 'business' ? tr('holderHintBusiness') : tr('holderHintIndividual')}
        error={message('holderName')}
        autoComplete="name"
        maxLength={60}
        {...form.register('holderName')}
      />
      <RadioGroup
        id="bank-accountType"
        label={tr('accountType')}
        error={message('accountType')}
        options={[
          { value: 'checking', label: tr('checking') },
          { value: 'savings', label: tr('savings') },
        ]}
        {...form.register('accountType')}
      />
      <TextField
        id="bank-routingNumber"
        label={tr('routingNumber')}
        hint={tr('routingHint')}
        error={message('routingNumber')}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        className="usa-input--medium"
        {...form.register('routingNumber')}
      />
      <TextField
        id="bank-accountNumber"
        label={tr('accountNumber')}
        hint={tr('accountHint')}
        error={message('accountNumber')}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        className="usa-input--medium"
        {...form.register('accountNumber')}
      />
      <TextField
        id="bank-accountNumberConfirm"
        label={tr('accountNumberConfirm')}
        error={message('accountNumberConfirm')}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        className="usa-input--medium"
        {...form.register('accountNumberConfirm')}
      />
      <div
        className={`usa-form-group${message('achAuthorization') ? ' usa-form-group--error' : ''}`}
      >
        <fieldset
          className="usa-fieldset"
          aria-describedby={`bank-authorization-text${message('achAuthorization') ? ' bank-achAuthorization-error' : ''}`}
        >
          <legend className="usa-legend usa-legend--large">{tr('authorizationTitle')}</legend>
          <p id="bank-authorization-text">{ACH_AUTHORIZATION_TEXT[language]}</p>
          {message('achAuthorization') ? (
            <span className="usa-error-message" id="bank-achAuthorization-error">
              {message('achAuthorization')}
            </span>
          ) : null}
          <div className="usa-checkbox">
            <input
              className="usa-checkbox__input"
              type="checkbox"
              id="bank-achAuthorization"
              {...form.register('achAuthorization')}
            />
            <label className="usa-checkbox__label" htmlFor="bank-achAuthorization">
              {tr('authorizationAgree')}
            </label>
          </div>
        </fieldset>
      </div>
      <div className="margin-top-4 display-flex flex-wrap">
        <button
          type="button"
          className="usa-button usa-button--outline margin-bottom-1"
          onClick={onBack}
        >
          {tr('back')}
        </button>
        <button
          type="submit"
          className="usa-button margin-bottom-1"
          disabled={form.formState.isSubmitting}
        >
          {form.formState.isSubmitting ? tr('saving') : tr('continue')}
        </button>
      </div>
    </form>
  );
}
