import type { DocumentInfo } from '../../../shared/documents/documents-api.ts';
import { StepForm as QuestionStepForm } from '@hms/intake-form/step-form';
import type { StepFormProps as QuestionStepFormProps } from '@hms/intake-form/step-form';
import type { RenderDocument } from '@hms/intake-form/question-field';
import { LoadingState } from '@hms/ui';
import { lazy, Suspense, useCallback } from 'react';

// Only receipt-style steps need the upload field (and its file checks): loaded when such a step is shown.
const DocumentField = lazy(async () => ({
  default: (await import('../../../shared/documents/document-field.tsx')).DocumentField,
}));

export interface StepFormProps extends Omit<QuestionStepFormProps, 'renderDocument'> {
  requestId: string;
  documents: DocumentInfo[];
}

/**
 * One step of the citizen's application: the shared question form (@hms/intake-form, the same one the form builder
 * previews) with the real upload field, which sends each file to this request.
 */
export function StepForm({ requestId, documents, ...props }: StepFormProps) {
  const renderDocument = useCallback<RenderDocument>(
    ({ id, label, hint, error, question, value, onChange }) => (
      <Suspense fallback={<LoadingState />}>
        <DocumentField
          id={id}
          label={label}
          hint={hint}
          error={error}
          requestId={requestId}
          questionId={question.id}
          maxFiles={question.maxFiles ?? 10}
          known={documents}
          value={value}
          onChange={onChange}
        />
      </Suspense>
    ),
    [requestId, documents],
  );
  return <QuestionStepForm {...props} renderDocument={renderDocument} />;
}
