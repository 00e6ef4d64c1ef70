import type { Language } from '@hms/contracts/language';
import { centsToDecimalString, parseDollars } from '@hms/contracts/money';
import type { LocalizedText } from '@hms/contracts/question-set';
import { SelectField, TextField, useT } from '@hms/ui';
import { useState } from 'react';
import { programFormMessages } from '../messages.ts';

/** The inline error a field shows: the builder's problems for that field id. */
export type ErrorFor = (fieldId: string) => string | undefined;

/** A text in English and Spanish, side by side on a wide screen. Blank optional texts become undefined. */
export function TextPair(
  props: {
    id: string;
    labels: { en: string; es: string };
    value: LocalizedText | undefined;
    errorFor: ErrorFor;
  } & (
    | { optional?: false; onChange: (value: LocalizedText) => void }
    | { optional: true; onChange: (value: LocalizedText | undefined) => void }
  ),
) {
  const { id, labels, value, errorFor } = props;
  const set = (language: Language, text: string) => {
    const next = { en: value?.en ?? '', es: value?.es ?? '', [language]: text };
    if (props.optional && next.en.trim() === '' && next.es.trim() === '') props.onChange(undefined);
    else props.onChange(next);
  };
  return (
    <div className="grid-row grid-gap">
      {(['en', 'es'] as const).map((language) => (
        <div key={language} className="tablet:grid-col-6">
          <TextField
            id={`${id}-${language}`}
            label={labels[language]}
            lang={language}
            value={value?.[language] ?? ''}
            error={errorFor(`${id}-${language}`)}
            onChange={(e) => set(language, e.target.value)}
          />
        </div>
      ))}
    </div>
  );
}

/**
 * A number typed as text: what the person types stays while it is not a number yet ("1e", "-"), and the value
 * changes only when it reads as one. `money` reads dollars and gives cents.
 */
export function NumberSetting({
  id,
  label,
  value,
  money = false,
  whole = false,
  onChange,
  errorFor,
}: {
  id: string;
  label: string;
  value: number | undefined;
  money?: boolean;
  whole?: boolean;
  onChange: (value: number | undefined) => void;
  errorFor: ErrorFor;
}) {
  const tr = useT(programFormMessages);
  const shown = (v: number | undefined) =>
    v === undefined ? '' : money && Number.isSafeInteger(v) ? centsToDecimalString(v) : String(v);
  const [text, setText] = useState(() => shown(value));
  // A value changed from outside (another question moved into this place) replaces what was typed.
  const [seen, setSeen] = useState(value);
  const parse = (input: string): number | undefined | null => {
    if (input.trim() === '') return undefined;
    if (money) {
      const result = parseDollars(input);
      return result.ok ? result.cents : null;
    }
    const n = Number(input.trim());
    return Number.isFinite(n) && (!whole || Number.isInteger(n)) ? n : null;
  };
  if (seen !== value) {
    setSeen(value);
    if (parse(text) !== value) setText(shown(value));
  }
  const parsed = parse(text);
  return (
    <TextField
      id={id}
      label={label}
      inputMode={money || !whole ? 'decimal' : 'numeric'}
      className="usa-input--small"
      value={text}
      error={errorFor(id) ?? (parsed === null ? tr(money ? 'notAmount' : 'notNumber') : undefined)}
      onChange={(e) => {
        setText(e.target.value);
        const next = parse(e.target.value);
        if (next !== null) onChange(next);
      }}
    />
  );
}

/** A date limit: none, "today", or a fixed date. */
export function DateLimit({
  id,
  label,
  value,
  onChange,
  errorFor,
}: {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  errorFor: ErrorFor;
}) {
  const tr = useT(programFormMessages);
  const kind = value === undefined ? 'none' : value === 'today' ? 'today' : 'date';
  return (
    <>
      <SelectField
        id={id}
        label={label}
        value={kind}
        options={[
          { value: 'none', label: tr('dateNone') },
          { value: 'today', label: tr('dateToday') },
          { value: 'date', label: tr('dateFixed') },
        ]}
        error={errorFor(id)}
        onChange={(e) => {
          const next = e.target.value;
          onChange(next === 'none' ? undefined : next === 'today' ? 'today' : '');
        }}
      />
      {kind === 'date' ? (
        <TextField
          id={`${id}-value`}
          label={tr('dateValue', { which: label })}
          type="date"
          value={value ?? ''}
          error={errorFor(`${id}-value`)}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : null}
    </>
  );
}
