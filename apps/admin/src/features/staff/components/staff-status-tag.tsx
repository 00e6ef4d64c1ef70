import { ToneTag, useT, type Tone } from '@hms/ui';
import type { StaffStatus } from '../api/staff.ts';
import { staffMessages } from '../messages.ts';

const STATUS_TONE: Record<StaffStatus, Tone> = {
  invited: 'neutral',
  active: 'good',
  deactivated: 'bad',
};

export function StaffStatusTag({ status }: { status: StaffStatus }) {
  const tr = useT(staffMessages);
  return (
    <ToneTag tone={STATUS_TONE[status]} data={{ 'data-status': status }}>
      {tr(`status_${status}`)}
    </ToneTag>
  );
}
