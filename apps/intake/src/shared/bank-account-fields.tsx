import {
  ACH_AUTHORIZATION_TEXT,
  type bankDetailsSchemaIn,
  type BankDetailsInput,
} from '@hms/contracts/applications';
import { RadioGroup, TextField, useLanguage, type SummaryError } from '@hms/ui';
import type { FieldErrors, UseFormRegister } from 'react-hook-form';

/** What the bank-details schema gives back once it has parsed the form. */
export type BankAccountOutput = ReturnType<ReturnType<typeof bankDetailsSchemaIn>['parse']>;

/** The bank-account fields, in the order they appear on the page (and in the error summary). */
export const BANK_ACCOUNT_FIELDS = [
  'holderName',
  'accountType',
  'routingNumber',
  'accountNumber',
  'accountNumberConfirm',
  'achAuthorization',
] as const;
export type BankAccountFieldName = (typeof BANK_ACCOUNT_FIELDS)[number];

/** The error message of one field, if react-hook-form has one. */
export function bankAccountFieldError(
  errors: FieldErrors<BankDetailsInput>,
  name: BankAccountFieldName,
): string | undefined {
  const m = errors[name]?.message;
  return typeof m === 'string' ? m : undefined;
}

/** The error summary entries for the fields rendered with `idPrefix`. */
export function bankAccountErrorSummary(
  idPrefix: string,
  errors: FieldErrors<BankDetailsInput>,
): SummaryError[] {
  return BANK_ACCOUNT_FIELDS.flatMap((name) => {
    const m = bankAccountFieldError(errors, name);
    return m ? [{ fieldId: `${idPrefix}-${name}`, message: m }] : [];
  });
}

/** The texts the fields show, already translated by the calling feature. */
export interface BankAccountFieldsMessages {
  holderName: string;
  holderHint: string;
  accountType: string;
  checking: string;
  savings: string;
  routingNumber: string;
  routingHint: string;
  accountNumber: string;
  accountHint: string;
  accountNumberConfirm: string;
  authorizationAgree: string;
  /**
   * When given, the ACH authorization is a fieldset with this legend (described by the authorization
   * text); without it, the checkbox itself is described by the text.
   */
  authorizationTitle?: string;
}

export interface BankAccountFieldsProps {
  /** Prefix of every field id, e.g. `bank` gives `bank-holderName`. */
  idPrefix: string;
  register: UseFormRegister<BankDetailsInput>;
  errors: FieldErrors<BankDetailsInput>;
  messages: BankAccountFieldsMessages;
  /** maxlength of the holder name input, if any. */
  holderMaxLength?: number;
  /** Medium-width number inputs with spell checking off. */
  compactNumbers?: boolean;
}

/**
 * Name on the account, account type, routing number, account number typed twice and the ACH
 * authorization checkbox; the caller owns the form (react-hook-form with `bankDetailsSchemaIn`).
 */
export function BankAccountFields({
  idPrefix,
  register,
  errors,
  messages,
  holderMaxLength,
  compactNumbers = false,
}: BankAccountFieldsProps) {
  const { language } = useLanguage();
  const message = (name: BankAccountFieldName) => bankAccountFieldError(errors, name);
  const numberProps = compactNumbers
    ? { spellCheck: false, className: 'usa-input--medium' }
    : ({} as const);
  const authError = message('achAuthorization');
  const describedBy = `${idPrefix}-authorization-text${authError ? ` ${idPrefix}-achAuthorization-error` : ''}`;
  const authorization = (
    <>
      <p id={`${idPrefix}-authorization-text`}>{ACH_AUTHORIZATION_TEXT[language]}</p>
      {authError ? (
        <span className="usa-error-message" id={`${idPrefix}-achAuthorization-error`}>
          {authError}
        </span>
      ) : null}
      <div className="usa-checkbox">
        <input
          className="usa-checkbox__input"
          type="checkbox"
          id={`${idPrefix}-achAuthorization`}
          {...(messages.authorizationTitle === undefined
            ? { 'aria-describedby': describedBy }
            : {})}
          {...register('achAuthorization')}
        />
        <label className="usa-checkbox__label" htmlFor={`${idPrefix}-achAuthorization`}>
          {messages.authorizationAgree}
        </label>
      </div>
    </>
  );

  return (
    <>
      <TextField
        id={`${idPrefix}-holderName`}
        label={messages.holderName}
        hint={messages.holderHint}
        error={message('holderName')}
        autoComplete="name"
        {...(holderMaxLength === undefined ? {} : { maxLength: holderMaxLength })}
        {...register('holderName')}
      />
      <RadioGroup
        id={`${idPrefix}-accountType`}
        label={messages.accountType}
        error={message('accountType')}
        options={[
          { value: 'checking', label: messages.checking },
          { value: 'savings', label: messages.savings },
        ]}
        {...register('accountType')}
      />
      <TextField
        id={`${idPrefix}-routingNumber`}
        label={messages.routingNumber}
        hint={messages.routingHint}
        error={message('routingNumber')}
        inputMode="numeric"
        autoComplete="off"
        {...numberProps}
        {...register('routingNumber')}
      />
      <TextField
        id={`${idPrefix}-accountNumber`}
        label={messages.accountNumber}
        hint={messages.accountHint}
        error={message('accountNumber')}
        inputMode="numeric"
        autoComplete="off"
        {...numberProps}
        {...register('accountNumber')}
      />
      <TextField
        id={`${idPrefix}-accountNumberConfirm`}
        label={messages.accountNumberConfirm}
        error={message('accountNumberConfirm')}
        inputMode="numeric"
        autoComplete="off"
        {...numberProps}
        {...register('accountNumberConfirm')}
      />
      <div className={`usa-form-group${authError ? ' usa-form-group--error' : ''}`}>
        {messages.authorizationTitle === undefined ? (
          authorization
        ) : (
          <fieldset className="usa-fieldset" aria-describedby={describedBy}>
            <legend className="usa-legend usa-legend--large">{messages.authorizationTitle}</legend>
            {authorization}
          </fieldset>
        )}
      </div>
    </>
  );
}
