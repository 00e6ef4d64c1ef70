import { isApiProblem, type ApiProblem } from '@hms/api-client';
import type { RequestDetail } from '../../../shared/requests/request-api.ts';
import {
  ErrorSummary,
  fieldErrorText,
  loadErrorMessages,
  ProblemAlert,
  TextAreaField,
  useLanguage,
  useT,
} from '@hms/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { DocumentField } from '../../../shared/documents/document-field.tsx';
import { answerInfoMutationOptions } from '../api/requests-api.ts';
import { requestMessages } from '../messages.ts';

const isFieldProblem = (err: unknown): err is ApiProblem =>
  isApiProblem(err) && err.errors.length > 0;

/** The citizen's answer to "we need more information": text and optional files; the request goes back to review. */
export function InfoResponseForm({
  detail,
  onSent,
}: {
  detail: RequestDetail;
  onSent: () => void;
}) {
  const tr = useT(requestMessages);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const answer = useMutation(answerInfoMutationOptions(queryClient, detail.id));
  const [message, setMessage] = useState('');
  const [files, setFiles] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      await answer.mutateAsync({ message, documentIds: files });
      onSent();
    } catch (err) {
      if (isFieldProblem(err)) {
        await loadErrorMessages(language);
        setError(fieldErrorText(err.errors[0]!, language));
      }
      setAttempt((n) => n + 1);
    }
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="maxw-tablet">
      <ErrorSummary
        errors={error ? [{ fieldId: 'info-message', message: error }] : []}
        focusKey={attempt}
      />
      {/* A refusal that names the field shows in the summary once its words are loaded; showing the general alert
          meanwhile would flash (and announce) a second, vaguer message first. */}
      {answer.isError && !error && !isFieldProblem(answer.error) ? (
        <ProblemAlert error={answer.error} />
      ) : null}
      <TextAreaField
        id="info-message"
        label={tr('infoAnswerLabel')}
        hint={tr('infoAnswerHint')}
        error={error}
        maxLength={5000}
        value={message}
        onChange={(e) => setMessage(e.target.value)}
      />
      <DocumentField
        id="info-files"
        label={tr('infoFiles')}
        requestId={detail.id}
        questionId={null}
        maxFiles={10}
        known={detail.documents}
        value={files}
        onChange={setFiles}
        deleteOnRemove={false}
      />
      <button type="submit" className="usa-button margin-top-2" disabled={answer.isPending}>
        {answer.isPending ? tr('infoSending') : tr('infoSend')}
      </button>
    </form>
  );
}
