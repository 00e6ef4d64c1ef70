import { useCallback } from 'react';
import { formatDateTime, useLabel, useLanguage, useT } from '@hms/ui';
import { requestStatusLabels, riskLevelLabels } from '@hms/contracts/labels';
import type { DeadlineState } from '@hms/contracts/inbox';
import type { RiskLevel } from '@hms/contracts/risk';
import type { RequestStatus } from '@hms/contracts/requests';
import { sharedMessages } from './messages.ts';

// Colours pass WCAG AA contrast with white or black text (USWDS tokens); the words carry the meaning, not the colour.
const DEADLINE_CLASS: Record<DeadlineState, string> = {
  on_time: 'bg-green text-white',
  due_soon: 'bg-gold text-ink',
  overdue: 'bg-secondary-dark text-white',
  paused: 'bg-base-lighter text-ink',
  none: 'bg-base-lighter text-ink',
};

export function DeadlineBadge({ state }: { state: DeadlineState }) {
  const tr = useT(sharedMessages);
  return (
    <span className={`usa-tag ${DEADLINE_CLASS[state]}`} data-deadline={state}>
      {tr(state)}
    </span>
  );
}

const RISK_CLASS: Record<RiskLevel, string> = {
  none: 'bg-base-lighter text-ink',
  low: 'bg-primary-lighter text-ink',
  medium: 'bg-gold text-ink',
  high: 'bg-secondary-dark text-white',
};

export function RiskBadge({ level }: { level: RiskLevel }) {
  const label = useLabel();
  return (
    <span className={`usa-tag ${RISK_CLASS[level]}`} data-risk={level}>
      {label(riskLevelLabels[level])}
    </span>
  );
}

/** A request status as staff read it, as text (for sentences such as "HMS-… is now Approved"). */
export function useStatusLabel() {
  const label = useLabel();
  return useCallback((status: RequestStatus) => label(requestStatusLabels[status].staff), [label]);
}

export function StatusText({ status }: { status: RequestStatus }) {
  return <>{useStatusLabel()(status)}</>;
}

/**
 * Marks a request whose citizen answered a request for information that nobody has acted on yet, so the reviewer
 * sees in the queue and on the page that the ball is back with them.
 */
export function AnsweredBadge({ at }: { at: string | null }) {
  const tr = useT(sharedMessages);
  const { language } = useLanguage();
  if (!at) return null;
  return (
    <span
      className="usa-tag bg-primary text-white margin-left-1"
      data-answered={at}
      title={tr('info_answered_label', { date: formatDateTime(at, language) })}
    >
      {tr('info_answered')}
    </span>
  );
}
