import { useCallback } from 'react';
import { ToneTag, formatDateTime, useLabel, useLanguage, useT, type Tone } from '@hms/ui';
import { requestStatusLabels, riskLevelLabels } from '@hms/contracts/labels';
import type { DeadlineState } from '@hms/contracts/inbox';
import type { RiskLevel } from '@hms/contracts/risk';
import type { RequestStatus } from '@hms/contracts/requests';
import { sharedMessages } from './messages.ts';

const DEADLINE_TONE: Record<DeadlineState, Tone> = {
  on_time: 'good',
  due_soon: 'caution',
  overdue: 'bad',
  paused: 'neutral',
  none: 'neutral',
};

export function DeadlineBadge({ state }: { state: DeadlineState }) {
  const tr = useT(sharedMessages);
  return (
    <ToneTag tone={DEADLINE_TONE[state]} data={{ 'data-deadline': state }}>
      {tr(state)}
    </ToneTag>
  );
}

const RISK_TONE: Record<RiskLevel, Tone> = {
  none: 'neutral',
  low: 'info',
  medium: 'caution',
  high: 'bad',
};

export function RiskBadge({ level }: { level: RiskLevel }) {
  const label = useLabel();
  return (
    <ToneTag tone={RISK_TONE[level]} data={{ 'data-risk': level }}>
      {label(riskLevelLabels[level])}
    </ToneTag>
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
