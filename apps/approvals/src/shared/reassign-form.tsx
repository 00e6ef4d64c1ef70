import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { eligibleAssignees, type RuleRequest } from '@hms/contracts/request-rules';
import {
  Alert,
  ErrorSummary,
  LoadingState,
  ProblemAlert,
  SelectField,
  problemFieldErrors,
  useFormErrors,
  useT,
  type FormField,
} from '@hms/ui';
import { approversQueryOptions, reassignMutationOptions } from './assignment-api.ts';
import { ConfirmStep } from './confirm-step.tsx';
import { reassignMessages } from './reassign-messages.ts';
import { SubmitOrLeave } from './submit-or-leave.tsx';

export interface ReassignTarget {
  id: string;
  reference: string;
  assigneeName: string | null;
  rules: RuleRequest;
}

/**
 * The request as the form needs it, from an inbox row or the review: they name the applicant and the first approver
 * differently (`people`), the rest alike.
 */
export function reassignTarget(
  request: {
    id: string;
    reference: string;
    status: RuleRequest['status'];
    assignee: { id: string; name: string } | null;
    /** A decision rule referred it to a senior approver: it may go only to one. */
    referredToSenior: boolean;
  },
  people: Pick<RuleRequest, 'applicantId' | 'firstApproverId'>,
): ReassignTarget {
  return {
    id: request.id,
    reference: request.reference,
    assigneeName: request.assignee?.name ?? null,
    rules: {
      status: request.status,
      applicantId: people.applicantId,
      assigneeId: request.assignee?.id ?? null,
      firstApproverId: people.firstApproverId,
      referredToSenior: request.referredToSenior,
    },
  };
}

/**
 * A senior approver gives a request to another approver: choose among the people the request may go to (the same
 * rule the API checks), confirm, and read the outcome. Focus moves to each step's heading or message, so a keyboard
 * or screen-reader user follows the steps without hunting for them. Mistakes follow the error-summary pattern; a
 * person the server refuses (`body.assigneeId`, e.g. their roles changed meanwhile) brings the choice back with the
 * refusal on it.
 */
export function ReassignForm({
  request,
  onClose,
  headingLevel = 2,
}: {
  request: ReassignTarget;
  onClose: () => void;
  headingLevel?: 2 | 3;
}) {
  const tr = useT(reassignMessages);
  const client = useQueryClient();
  const approvers = useQuery(approversQueryOptions());
  const reassign = useMutation(reassignMutationOptions(client));
  const [chosen, setChosen] = useState('');
  const [confirming, setConfirming] = useState(false);
  const headingId = `reassign-${request.id}`;
  const fields = useMemo<FormField<'assigneeId'>[]>(
    () => [
      { name: 'assigneeId', id: `${headingId}-person`, refusals: ['request.assignee_invalid'] },
    ],
    [headingId],
  );
  const errors = useFormErrors(fields);
  const heading = useRef<HTMLHeadingElement>(null);
  const outcome = useRef<HTMLDivElement>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (reassign.isSuccess) outcome.current?.focus();
  }, [reassign.isSuccess]);

  const people = eligibleAssignees(request.rules, approvers.data?.items ?? []);
  const person = people.find((p) => p.id === chosen);
  const H = headingLevel === 2 ? 'h2' : 'h3';

  function next(e: FormEvent) {
    e.preventDefault();
    if (errors.check({ assigneeId: person ? undefined : tr('required') })) return;
    reassign.reset();
    setConfirming(true);
  }

  function confirm(assigneeId: string) {
    reassign.mutate(
      { id: request.id, assigneeId },
      {
        onError: (error) => {
          const { byField, other } = problemFieldErrors(error, fields);
          if (Object.keys(byField).length === 0 && other.length === 0) return;
          setConfirming(false);
          errors.fail(error);
        },
      },
    );
  }

  return (
    <section aria-labelledby={headingId} className="usa-summary-box margin-y-2">
      <div className="usa-summary-box__body">
        <H id={headingId} className="usa-summary-box__heading" tabIndex={-1} ref={heading}>
          {tr('heading', { reference: request.reference })}
        </H>
        <p>
          {request.assigneeName
            ? tr('current', { name: request.assigneeName })
            : tr('currentNobody')}
        </p>
        {reassign.isSuccess ? (
          <>
            <Alert tone="success" slim role="status" tabIndex={-1} ref={outcome}>
              {tr('done', {
                reference: request.reference,
                name: reassign.data.assignee?.name ?? person?.name ?? '',
              })}
            </Alert>
            <button type="button" className="usa-button usa-button--outline" onClick={onClose}>
              {tr('close')}
            </button>
          </>
        ) : approvers.isPending ? (
          <LoadingState label={tr('loading')} />
        ) : approvers.isError ? (
          <ProblemAlert error={approvers.error} onRetry={() => void approvers.refetch()} />
        ) : people.length === 0 ? (
          <>
            <p>{tr('nobodyEligible')}</p>
            <button type="button" className="usa-button usa-button--outline" onClick={onClose}>
              {tr('cancel')}
            </button>
          </>
        ) : confirming && person ? (
          <ConfirmStep
            focusQuestion
            before={
              reassign.isError ? <ProblemAlert error={reassign.error} headingLevel={3} /> : null
            }
            question={tr('confirm', { reference: request.reference, name: person.name })}
            confirmLabel={tr('yes')}
            cancelLabel={tr('cancel')}
            busy={reassign.isPending}
            onConfirm={() => confirm(person.id)}
            onCancel={() => {
              reassign.reset();
              setConfirming(false);
            }}
          >
            <p>{tr('confirmHint')}</p>
          </ConfirmStep>
        ) : (
          <form className="usa-form" noValidate onSubmit={next}>
            <ErrorSummary {...errors.summary} />
            <SelectField
              id={`${headingId}-person`}
              label={tr('person')}
              hint={tr('personHint')}
              error={errors.error('assigneeId')}
              placeholder={tr('choose')}
              value={chosen}
              onChange={(e) => setChosen(e.target.value)}
              options={people.map((p) => ({
                value: p.id,
                label: p.roles.includes('senior_approver')
                  ? tr('senior', { name: p.name })
                  : p.name,
              }))}
            />
            <SubmitOrLeave submit={tr('continue')} leave={tr('cancel')} onLeave={onClose} outline />
          </form>
        )}
      </div>
    </section>
  );
}
