import { practiceKeys } from '@hms/api-client';
import {
  ConfirmAction,
  ProblemAlert,
  SelectField,
  formatNumber,
  useFocusWhen,
  useLanguage,
  useT,
} from '@hms/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { clearPracticeMutationOptions, type PracticeOverview } from '../api/practice.ts';
import { practiceMessages } from '../messages.ts';
import { ResultNotice } from '../../../shared/result-notice.tsx';

const ALL = '';

/**
 * Deletes practice data (all of it, or one practice program's) after a confirmation that names how much goes. The
 * confirmation stands in place of the button and takes focus; going back returns focus to the button, and once the
 * data is cleared focus moves to the result, since the confirmation it was on is gone.
 */
export function ClearPanel({ overview }: { overview: PracticeOverview }) {
  const tr = useT(practiceMessages);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const [scope, setScope] = useState(ALL);
  const [confirming, setConfirming] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  const backToButton = useRef(false);
  const clear = useMutation({
    ...clearPracticeMutationOptions(),
    onSuccess: () => {
      setConfirming(false);
      setScope(ALL);
      void queryClient.invalidateQueries({ queryKey: practiceKeys.all });
    },
  });
  const cleared = clear.data;
  const result = useFocusWhen<HTMLDivElement>(cleared);
  useEffect(() => {
    if (confirming || !backToButton.current) return;
    backToButton.current = false;
    openButton.current?.focus();
  }, [confirming]);

  const holding = overview.programs.filter((p) => p.practice && p.practiceRequestCount > 0);
  const chosen = holding.find((p) => p.id === scope);
  const count = chosen ? chosen.practiceRequestCount : overview.practiceRequestCount;
  const n = formatNumber(count, language);

  return (
    <>
      <ResultNotice
        ref={result}
        text={
          cleared
            ? tr('cleared', {
                requests: formatNumber(cleared.requestsDeleted, language),
                payments: formatNumber(cleared.paymentsDeleted, language),
                documents: formatNumber(cleared.documentsDeleted, language),
                applicants: formatNumber(cleared.applicantsDeleted, language),
              })
            : null
        }
      />
      {clear.isError ? <ProblemAlert error={clear.error} /> : null}
      {overview.practiceRequestCount === 0 ? (
        <p>{tr('nothingToClear')}</p>
      ) : (
        <>
          <div className="usa-form usa-form--large">
            <SelectField
              id="practice-clear-scope"
              label={tr('scope')}
              value={scope}
              onChange={(e) => {
                setScope(e.target.value);
                setConfirming(false);
              }}
              options={[
                {
                  value: ALL,
                  label: tr('scopeAll', {
                    count: formatNumber(overview.practiceRequestCount, language),
                  }),
                },
                ...holding.map((p) => ({
                  value: p.id,
                  label: tr('scopeOne', {
                    name: p.name[language],
                    count: formatNumber(p.practiceRequestCount, language),
                  }),
                })),
              ]}
            />
          </div>
          {confirming ? (
            <ConfirmAction
              question={
                chosen
                  ? tr('confirmClearOne', { count: n, name: chosen.name[language] })
                  : tr('confirmClearAll', { count: n })
              }
              confirmLabel={tr('yesClear')}
              cancelLabel={tr('no')}
              busy={clear.isPending}
              onConfirm={() => clear.mutate(chosen ? { programId: chosen.id } : {})}
              onCancel={() => {
                backToButton.current = true;
                setConfirming(false);
              }}
            />
          ) : (
            <button
              ref={openButton}
              type="button"
              className="usa-button usa-button--secondary margin-top-2"
              onClick={() => {
                clear.reset();
                setConfirming(true);
              }}
            >
              {tr('clearSubmit')}
            </button>
          )}
        </>
      )}
    </>
  );
}
