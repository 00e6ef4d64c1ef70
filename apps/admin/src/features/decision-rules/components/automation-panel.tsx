import { decisionRuleKeys } from '@hms/api-client';
import { Alert, ConfirmAction, ProblemAlert, formatDateTime, useLanguage, useT } from '@hms/ui';
import type { ProgramAutomation } from '@hms/contracts/decision-rules';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { setAutomationMutationOptions } from '../api/decision-rules.ts';
import type { RuleVersionList } from '../../../shared/decision-rule-versions.ts';
import { decisionRulesMessages } from '../messages.ts';

/**
 * The program's automation switch: its state, who changed it last, and switching it after a confirmation (it takes
 * effect for the next submission, so the question says so).
 */
export function AutomationPanel({
  programId,
  programName,
  automation,
  hasLive,
}: {
  programId: string;
  programName: string;
  automation: ProgramAutomation;
  hasLive: boolean;
}) {
  const tr = useT(decisionRulesMessages);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [changed, setChanged] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const set = useMutation({
    ...setAutomationMutationOptions(programId),
    onSuccess: (next) => {
      queryClient.setQueryData<RuleVersionList>(decisionRuleKeys.program(programId), (old) =>
        old ? { ...old, automation: next } : old,
      );
      setConfirming(false);
      setChanged(true);
      // The button that opened the question comes back: focus returns there.
      setTimeout(() => toggle.current?.focus(), 0);
    },
  });
  const on = automation.enabled;
  return (
    <section aria-labelledby="automation-heading" className="margin-top-3">
      <h2 id="automation-heading">{tr('automationHeading')}</h2>
      <p data-testid="automation-state" className="text-bold">
        {on ? tr('automationOn') : tr('automationOff')}
      </p>
      {automation.changedBy && automation.changedAt ? (
        <p>
          {tr('automationChanged', {
            name: automation.changedBy.name,
            when: formatDateTime(automation.changedAt, language),
          })}
        </p>
      ) : null}
      {!hasLive ? <p className="usa-hint">{tr('automationNoLive')}</p> : null}
      {changed ? (
        <Alert tone="success" slim role="status">
          {on ? tr('switchedOn') : tr('switchedOff')}
        </Alert>
      ) : null}
      {set.isError ? <ProblemAlert error={set.error} headingLevel={3} /> : null}
      {confirming ? (
        <ConfirmAction
          question={tr(on ? 'confirmOff' : 'confirmOn', { program: programName })}
          confirmLabel={on ? tr('yesOff') : tr('yesOn')}
          cancelLabel={tr('goBack')}
          tone={on ? 'danger' : 'primary'}
          focus="question"
          busy={set.isPending}
          busyLabel={tr('switching')}
          onConfirm={() => set.mutate(!on)}
          onCancel={() => {
            setConfirming(false);
            setTimeout(() => toggle.current?.focus(), 0);
          }}
        />
      ) : (
        <button
          ref={toggle}
          type="button"
          className="usa-button usa-button--outline"
          onClick={() => {
            setChanged(false);
            set.reset();
            setConfirming(true);
          }}
        >
          {on ? tr('switchOff') : tr('switchOn')}
        </button>
      )}
    </section>
  );
}
