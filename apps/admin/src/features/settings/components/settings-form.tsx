import { settingsFields, settingsValuesSchemaIn } from '@hms/contracts/settings';
import type { SettingsField } from '@hms/contracts/settings';
import {
  Checkbox,
  ErrorSummary,
  ProblemAlert,
  TextField,
  useFormErrors,
  useLanguage,
  useT,
} from '@hms/ui';
import type { FormField, TextFieldProps } from '@hms/ui';
import type { FormEvent } from 'react';
import type { AgencySettings, UpdateSettingsBody } from '../api/settings.ts';
import { settingsMessages } from '../messages.ts';

const idOf = (f: SettingsField) => `settings-${f}`;
const FIELDS: FormField<SettingsField>[] = settingsFields.map((name) => ({ name, id: idOf(name) }));

const NUMBERS: readonly SettingsField[] = [
  'prenoteWaitDays',
  'sessionTtlHours',
  'sessionIdleMinutes',
];

/** The values of the form as the API takes them: numbers as numbers (NaN when not a number), the box as a boolean. */
function valuesOf(form: HTMLFormElement) {
  const data = new FormData(form);
  const out: Record<string, unknown> = {};
  for (const f of settingsFields) {
    if (f === 'publishNeedsSecondApproval') out[f] = data.get(f) === 'on';
    else if (NUMBERS.includes(f)) {
      const raw = String(data.get(f) ?? '').trim();
      out[f] = raw === '' ? Number.NaN : Number(raw);
    } else out[f] = String(data.get(f) ?? '');
  }
  return out;
}

export interface SettingsFormProps {
  settings: AgencySettings;
  saving: boolean;
  /** Saves; a failure (problem+json) is handed to `onError`, whose field errors land on the fields. */
  onSave: (body: UpdateSettingsBody, onError: (error: unknown) => void) => void;
  /** Reads the settings again (after a 409: someone else saved first). */
  onReload: () => void;
}

/**
 * The settings form (GOV.UK pattern): checked in the browser with the same rules as the API, in the reader's
 * language; errors in a summary that takes focus and links to each field, and beside each field.
 */
export function SettingsForm({ settings, saving, onSave, onReload }: SettingsFormProps) {
  const tr = useT(settingsMessages);
  const { language } = useLanguage();
  const errors = useFormErrors(FIELDS);
  const schema = settingsValuesSchemaIn(language);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const values = valuesOf(e.currentTarget);
    const parsed = schema.safeParse(values);
    const messages: Partial<Record<SettingsField, string>> = {};
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const f = issue.path[0] as SettingsField;
        messages[f] ??= issue.message;
      }
    if (errors.check(messages) || !parsed.success) return;
    onSave({ ...parsed.data, version: settings.version }, errors.fail);
  };

  const field = (f: SettingsField, hint: string, extra: Partial<TextFieldProps>) => (
    <TextField
      id={idOf(f)}
      name={f}
      label={tr(f)}
      hint={hint}
      error={errors.error(f)}
      defaultValue={String(settings[f])}
      {...extra}
    />
  );
  const text = (f: SettingsField, hint: string, extra: { maxLength?: number } = {}) =>
    field(f, hint, { autoComplete: 'off', spellCheck: false, ...extra });
  const number = (f: SettingsField, hint: string) =>
    field(f, hint, { inputMode: 'numeric', className: 'usa-input--small' });

  return (
    <form className="usa-form usa-form--large" onSubmit={onSubmit} noValidate>
      <ErrorSummary {...errors.summary} />
      {errors.problem ? (
        <>
          <ProblemAlert error={errors.problem} />
          <button type="button" className="usa-button usa-button--outline" onClick={onReload}>
            {tr('reload')}
          </button>
        </>
      ) : null}
      <fieldset className="usa-fieldset">
        <legend className="usa-legend usa-legend--large">{tr('originator')}</legend>
        <p className="usa-hint">{tr('originatorHint')}</p>
        {text('companyName', tr('companyNameHint'), { maxLength: 16 })}
        {text('companyId', tr('companyIdHint'), { maxLength: 10 })}
        {text('odfiRouting', tr('odfiRoutingHint'), { maxLength: 11 })}
        {text('immediateDestination', tr('immediateDestinationHint'), { maxLength: 11 })}
        {text('immediateDestinationName', tr('nameHint23'), { maxLength: 23 })}
        {text('immediateOrigin', tr('immediateOriginHint'), { maxLength: 12 })}
        {text('immediateOriginName', tr('nameHint23'), { maxLength: 23 })}
      </fieldset>
      <fieldset className="usa-fieldset margin-top-4">
        <legend className="usa-legend usa-legend--large">{tr('timing')}</legend>
        <TextField
          id={idOf('sameDayCutoff')}
          name="sameDayCutoff"
          label={tr('sameDayCutoff')}
          hint={tr('sameDayCutoffHint', { timeZone: settings.timeZone })}
          error={errors.error('sameDayCutoff')}
          defaultValue={settings.sameDayCutoff}
          className="usa-input--small"
          maxLength={5}
        />
        {number('prenoteWaitDays', tr('prenoteWaitDaysHint'))}
      </fieldset>
      <fieldset className="usa-fieldset margin-top-4">
        <legend className="usa-legend usa-legend--large">{tr('sessions')}</legend>
        {number('sessionTtlHours', tr('sessionTtlHoursHint'))}
        {number('sessionIdleMinutes', tr('sessionIdleMinutesHint'))}
      </fieldset>
      <fieldset className="usa-fieldset margin-top-4">
        <legend className="usa-legend usa-legend--large">{tr('publishing')}</legend>
        <div
          className={`usa-form-group${errors.error('publishNeedsSecondApproval') ? ' usa-form-group--error' : ''}`}
        >
          <p className="usa-hint" id="settings-publish-hint">
            {tr('publishHint')}
          </p>
          <Checkbox
            id={idOf('publishNeedsSecondApproval')}
            label={tr('publishNeedsSecondApproval')}
            name="publishNeedsSecondApproval"
            defaultChecked={settings.publishNeedsSecondApproval}
            aria-describedby="settings-publish-hint"
          />
        </div>
      </fieldset>
      <button type="submit" className="usa-button margin-top-3" disabled={saving}>
        {saving ? tr('saving') : tr('save')}
      </button>
    </form>
  );
}
