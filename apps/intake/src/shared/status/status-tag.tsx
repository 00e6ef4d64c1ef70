import type { RequestStatus } from '@hms/contracts/landing';
import { useT } from '@hms/ui';
import { statusMessages } from './messages.ts';

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

/** A citizen-facing status: internal steps (second approval) read as plain "In review". */
export function StatusTag({ status }: { status: RequestStatus }) {
  const tr = useT(statusMessages);
  return <span className={`usa-tag ${TAG_CLASS[status]}`}>{tr(`status_${status}`)}</span>;
}
