import { ACH_AUTHORIZATION_TEXT } from '@hms/contracts/applications';
import type { bankDetailsSchemaIn, BankDetailsInput } from '@hms/contracts/applications';
import {
  Checkbox,
  ErrorMessage,
  RadioGroup,
  TextField,
  defineMessages,
  useLanguage,
  useT,
} from '@hms/ui';
import type { SummaryError } from '@hms/ui';
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

/** The digits of the account (routing number, account number and its confirmation), each with its hint if any. */
const DIGIT_FIELDS = [
  ['routingNumber', 'routingHint'],
  ['accountNumber', 'accountHint'],
  ['accountNumberConfirm', null],
] as const;

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

/** The fields' own words, the same wherever a citizen gives a bank account (the application, a new account after a return). */
const bankAccountMessages = defineMessages({
  en: {
    holderName: 'Name on the account',
    holderHint: 'As it appears on your bank statement, up to 22 characters.',
    accountType: 'Type of account',
    checking: 'Checking',
    savings: 'Savings',
    routingNumber: 'Routing number',
    routingHint: 'Nine digits, found at the bottom left of a check or in your online banking.',
    accountNumber: 'Account number',
    accountHint: 'Between 4 and 17 digits.',
    accountNumberConfirm: 'Enter the account number again',
  },
  es: {
    holderName: 'Nombre del titular de la cuenta',
    holderHint: 'Como aparece en su estado de cuenta, hasta 22 caracteres.',
    accountType: 'Tipo de cuenta',
    checking: 'Cheques',
    savings: 'Ahorros',
    routingNumber: 'Número de ruta bancaria',
    routingHint:
      'Nueve dígitos, en la parte inferior izquierda de un cheque o en su banca en línea.',
    accountNumber: 'Número de cuenta',
    accountHint: 'Entre 4 y 17 dígitos.',
    accountNumberConfirm: 'Escriba el número de cuenta otra vez',
  },
});

/** The texts that differ by where the fields stand, already translated by the calling feature. */
export interface BankAccountFieldsMessages {
  /** The holder name's hint, when not the individual's ("as it appears on your bank statement"). */
  holderHint?: string;
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
  const tr = useT(bankAccountMessages);
  const message = (name: BankAccountFieldName) => bankAccountFieldError(errors, name);
  const numberProps = compactNumbers
    ? { spellCheck: false, className: 'usa-input--medium' }
    : ({} as const);
  const authError = message('achAuthorization');
  const describedBy = `${idPrefix}-authorization-text${authError ? ` ${idPrefix}-achAuthorization-error` : ''}`;
  const authorization = (
    <>
      <p id={`${idPrefix}-authorization-text`}>{ACH_AUTHORIZATION_TEXT[language]}</p>
      <ErrorMessage id={`${idPrefix}-achAuthorization-error`}>{authError}</ErrorMessage>
      <Checkbox
        id={`${idPrefix}-achAuthorization`}
        label={messages.authorizationAgree}
        {...(messages.authorizationTitle === undefined ? { 'aria-describedby': describedBy } : {})}
        {...register('achAuthorization')}
      />
    </>
  );

  return (
    <>
      <TextField
        id={`${idPrefix}-holderName`}
        label={tr('holderName')}
        hint={messages.holderHint ?? tr('holderHint')}
        error={message('holderName')}
        autoComplete="name"
        {...(holderMaxLength === undefined ? {} : { maxLength: holderMaxLength })}
        {...register('holderName')}
      />
      <RadioGroup
        id={`${idPrefix}-accountType`}
        label={tr('accountType')}
        error={message('accountType')}
        options={[
          { value: 'checking', label: tr('checking') },
          { value: 'savings', label: tr('savings') },
        ]}
        {...register('accountType')}
      />
      {DIGIT_FIELDS.map(([name, hint]) => (
        <TextField
          key={name}
          id={`${idPrefix}-${name}`}
          label={tr(name)}
          hint={hint ? tr(hint) : undefined}
          error={message(name)}
          inputMode="numeric"
          autoComplete="off"
          {...numberProps}
          {...register(name)}
        />
      ))}
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
