import { isApiProblem } from '@hms/api-client';
import { MAX_DOCUMENT_BYTES, sniffDocumentType } from '@hms/contracts/documents';
import {
  loadErrorMessages,
  problemText,
  useLanguage,
  useT,
  FieldGroup,
  controlAria,
} from '@hms/ui';
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { deleteDocument, documentUrl, uploadDocument, type DocumentInfo } from './documents-api.ts';
import { documentMessages } from './messages.ts';

/** The first bytes of a file (FileReader where Blob.arrayBuffer is missing: older browsers, jsdom). */
function readHead(file: Blob, size: number): Promise<Uint8Array> {
  const part = file.slice(0, size);
  if (typeof part.arrayBuffer === 'function')
    return part.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the file'));
    reader.readAsArrayBuffer(part);
  });
}

export interface DocumentFieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  requestId: string;
  /** The document question; null for files sent with an answer to a request for information. */
  questionId: string | null;
  maxFiles: number;
  /** Documents already on the request that this field may show. */
  known: DocumentInfo[];
  value: string[];
  onChange: (ids: string[]) => void;
  /** Delete from the server when removed (drafts); false keeps the file and only unselects it. */
  deleteOnRemove?: boolean;
}

/**
 * A file upload that sends each file at once (with progress) and keeps the uploaded ids as the field value. The type
 * is checked from the file's first bytes, as the API does, so a renamed file is refused before it is sent.
 */
export function DocumentField(props: DocumentFieldProps) {
  const { id, label, hint, requestId, questionId, maxFiles, value, onChange } = props;
  const tr = useT(documentMessages);
  const { language } = useLanguage();
  const statusId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [uploaded, setUploaded] = useState<DocumentInfo[]>([]);
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const [status, setStatus] = useState('');
  const [localError, setLocalError] = useState<string | undefined>();
  const error = localError ?? props.error;
  // The input is disabled while a file goes up, which drops the focus of a keyboard user to the page: once it is done
  // (sent or refused), focus comes back to the input unless the person has moved on meanwhile.
  const uploading = progress !== null;
  const wasUploading = useRef(false);
  useEffect(() => {
    if (uploading) wasUploading.current = true;
    else if (wasUploading.current) {
      wasUploading.current = false;
      const active = document.activeElement;
      if (!active || active === document.body) inputRef.current?.focus();
    }
  }, [uploading]);
  const docs = [...props.known, ...uploaded].filter(
    (d, i, all) => value.includes(d.id) && all.findIndex((x) => x.id === d.id) === i,
  );

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setLocalError(undefined);
    if (value.length >= maxFiles) return setLocalError(tr('fileTooMany', { n: maxFiles }));
    if (file.size === 0) return setLocalError(tr('fileEmpty'));
    if (file.size > MAX_DOCUMENT_BYTES) return setLocalError(tr('fileTooLarge'));
    const head = await readHead(file, 16);
    if (!sniffDocumentType(head)) return setLocalError(tr('fileWrongType'));
    setProgress({ name: file.name, percent: 0 });
    try {
      const doc = await uploadDocument({
        requestId,
        questionId,
        file,
        language,
        onProgress: (f) => setProgress({ name: file.name, percent: Math.round(f * 100) }),
      });
      setUploaded((list) => [...list, doc]);
      onChange([...value, doc.id]);
      setStatus(tr('fileUploaded', { name: doc.filename }));
    } catch (err) {
      if (isApiProblem(err)) await loadErrorMessages(language);
      setLocalError(isApiProblem(err) ? problemText(err, language).message : tr('fileWrongType'));
    } finally {
      setProgress(null);
    }
  }

  async function remove(doc: DocumentInfo) {
    if (props.deleteOnRemove !== false) {
      try {
        await deleteDocument(doc.id);
      } catch {
        // Already gone, or kept by the server: either way it is no longer part of this answer.
      }
    }
    onChange(value.filter((v) => v !== doc.id));
    inputRef.current?.focus();
  }

  return (
    <FieldGroup id={id} label={label} hint={hint} note={tr('accepts')} error={error}>
      <input
        ref={inputRef}
        type="file"
        className="usa-input"
        accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
        {...controlAria(id, hint, error, true)}
        onChange={(e) => void onFile(e)}
        disabled={uploading}
      />
      {progress ? (
        <div className="margin-top-1">
          <label htmlFor={`${id}-progress`}>
            {tr('fileUploading', { name: progress.name, percent: progress.percent })}
          </label>
          <progress
            id={`${id}-progress`}
            max={100}
            value={progress.percent}
            className="width-full"
          />
        </div>
      ) : null}
      <div role="status" aria-live="polite" className="usa-sr-only" id={statusId}>
        {status}
      </div>
      {docs.length > 0 ? (
        <ul className="usa-list usa-list--unstyled margin-top-1" aria-label={tr('filesUploaded')}>
          {docs.map((doc) => (
            <li key={doc.id} className="display-flex flex-align-center margin-bottom-05">
              <a href={documentUrl(doc.id)} className="margin-right-2 hms-break-anywhere">
                {doc.filename}
              </a>
              <button
                type="button"
                className="usa-button usa-button--unstyled"
                aria-label={tr('fileRemoveLabel', { name: doc.filename })}
                onClick={() => void remove(doc)}
              >
                {tr('fileRemove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </FieldGroup>
  );
}
