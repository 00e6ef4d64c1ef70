import type { RequestStatus } from '@hms/contracts/requests';
import { requestStatusLabels } from '@hms/contracts/labels';
import { useLabel } from '@hms/ui';

// Colour is never the only signal (the text says the status); these USWDS tokens keep AA contrast with their text.
// "Information needed" is the one status waiting on the citizen, so it has a colour of its own (gold, dark text).
const TAG_CLASS: Record<RequestStatus, string> = {
  draft: 'bg-base-dark',
  submitted: 'bg-primary',
  in_review: 'bg-primary',
  awaiting_second_approval: 'bg-primary',
  needs_info: 'bg-gold text-ink',
  approved: 'bg-green',
  paid: 'bg-green',
  rejected: 'bg-base-darker',
  withdrawn: 'bg-base-darker',
  payment_returned: 'bg-secondary-dark',
};

/** A request status as the applicant reads it (the shared catalog's applicant wording), as text. */
export function useApplicantStatusLabel() {
  const label = useLabel();
  return (status: RequestStatus) => label(requestStatusLabels[status].applicant);
}

/** A citizen-facing status: internal steps (second approval) read as plain "In review". */
export function StatusTag({ status }: { status: RequestStatus }) {
  const statusLabel = useApplicantStatusLabel();
  return <span className={`usa-tag ${TAG_CLASS[status]}`}>{statusLabel(status)}</span>;
}
