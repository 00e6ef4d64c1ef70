import { useFormErrors, useT, type FormField, CheckedForm } from '@hms/ui';
import { useRef, type FormEvent } from 'react';
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

/** A NACHA record is 94 characters: a file shorter than one record is not a bank file (the API's own minimum). */
const NACHA_RECORD_LENGTH = 94;

// Both the file's name and its content come from the one file input, so the API's errors on either belong to it.
const FIELDS: FormField<'content' | 'fileName'>[] = [
  { name: 'content', id: 'return-file' },
  { name: 'fileName', id: 'return-file' },
];

export interface ImportFormProps {
  busy: boolean;
  /** Uploads the file; a rejection with a problem's field errors is shown on the file input and in the summary. */
  onSubmit: (file: { fileName: string; content: string }) => Promise<unknown>;
}

/** File picker → text → onSubmit. Errors from the API (line, record, field, rule) are listed on the file input. */
export function ImportForm({ busy, onSubmit }: ImportFormProps) {
  const tr = useT(returnsMessages);
  const inputRef = useRef<HTMLInputElement>(null);
  const errors = useFormErrors(FIELDS);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = inputRef.current?.files?.[0];
    if (errors.check({ content: file ? undefined : tr('fileRequired') }) || !file) return;
    try {
      const content = await readText(file);
      if (
        errors.check({
          content: content.length < NACHA_RECORD_LENGTH ? tr('fileTooShort') : undefined,
        })
      )
        return;
      await onSubmit({ fileName: file.name, content });
    } catch (error) {
      errors.fail(error);
    }
  };
  const messages = [...errors.errors('fileName'), ...errors.errors('content')];
  const invalid = messages.length > 0;
  return (
    <CheckedForm errors={errors} onSubmit={(e) => void submit(e)}>
      <div className={`usa-form-group${invalid ? ' usa-form-group--error' : ''}`}>
        <label className={`usa-label${invalid ? ' usa-label--error' : ''}`} htmlFor="return-file">
          {tr('fileLabel')}
        </label>
        <span className="usa-hint" id="return-file-hint">
          {tr('fileHint')}
        </span>
        {invalid ? (
          <span className="usa-error-message" id="return-file-error">
            {messages.map((m, i) => (
              <span key={i} className="display-block">
                {m}
              </span>
            ))}
          </span>
        ) : null}
        <input
          ref={inputRef}
          id="return-file"
          name="returnFile"
          type="file"
          className="usa-file-input__input"
          accept=".ach,.txt,text/plain"
          aria-describedby={invalid ? 'return-file-hint return-file-error' : 'return-file-hint'}
          aria-invalid={invalid || undefined}
        />
      </div>
      <button type="submit" className="usa-button margin-top-2" disabled={busy}>
        {busy ? tr('uploading') : tr('upload')}
      </button>
    </CheckedForm>
  );
}
