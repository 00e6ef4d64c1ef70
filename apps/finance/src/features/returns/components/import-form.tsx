import { isApiProblem } from '@hms/api-client';
import { fieldErrorText, ProblemAlert, useLanguage, useT } from '@hms/ui';
import { useRef, useState, type FormEvent } from 'react';
import { returnsMessages } from '../messages.ts';

/** FileReader rather than Blob.text(): same result, and it also works in older embedded browsers. */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}

export interface ImportFormProps {
  busy: boolean;
  error: unknown;
  onSubmit: (file: { fileName: string; content: string }) => void;
}

/** File picker → text → onSubmit. Field errors from the API (line, record, field, rule) are listed under the alert. */
export function ImportForm({ busy, error, onSubmit }: ImportFormProps) {
  const tr = useT(returnsMessages);
  const { language } = useLanguage();
  const inputRef = useRef<HTMLInputElement>(null);
  const [missing, setMissing] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = inputRef.current?.files?.[0];
    if (!file) {
      setMissing(true);
      inputRef.current?.focus();
      return;
    }
    setMissing(false);
    onSubmit({ fileName: file.name, content: await readText(file) });
  };
  const fieldErrors = isApiProblem(error) ? (error.errors ?? []) : [];
  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate>
      <div className={`usa-form-group${missing ? ' usa-form-group--error' : ''}`}>
        <label className={`usa-label${missing ? ' usa-label--error' : ''}`} htmlFor="return-file">
          {tr('fileLabel')}
        </label>
        <span className="usa-hint" id="return-file-hint">
          {tr('fileHint')}
        </span>
        {missing ? (
          <span className="usa-error-message" id="return-file-error">
            {tr('fileRequired')}
          </span>
        ) : null}
        <input
          ref={inputRef}
          id="return-file"
          name="returnFile"
          type="file"
          className="usa-file-input__input"
          accept=".ach,.txt,text/plain"
          aria-describedby={missing ? 'return-file-hint return-file-error' : 'return-file-hint'}
          aria-invalid={missing || undefined}
        />
      </div>
      <button type="submit" className="usa-button margin-top-2" disabled={busy}>
        {busy ? tr('uploading') : tr('upload')}
      </button>
      {error ? (
        <>
          <ProblemAlert error={error} />
          {fieldErrors.length > 0 ? (
            <ul aria-label={tr('errorHeading')}>
              {fieldErrors.map((f, i) => (
                <li key={i}>{fieldErrorText(f, language)}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </form>
  );
}
