import { useT } from '@hms/ui';
import type { StaffStatus } from '../api/staff.ts';
import { staffMessages } from '../messages.ts';

// The word carries the meaning, not the colour; each pair passes WCAG AA contrast.
const STATUS_CLASS: Record<StaffStatus, string> = {
  invited: 'bg-base-lighter text-ink',
  active: 'bg-green text-white',
  deactivated: 'bg-secondary-dark text-white',
};

export function StaffStatusTag({ status }: { status: StaffStatus }) {
  const tr = useT(staffMessages);
  return (
    <span className={`usa-tag ${STATUS_CLASS[status]}`} data-status={status}>
      {tr(`status_${status}`)}
    </span>
  );
}
