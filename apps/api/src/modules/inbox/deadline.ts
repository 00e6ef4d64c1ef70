import { addBusinessDays, toZonedDate, startOfZonedDay } from '@hms/contracts/business-days';
import { DUE_SOON_BUSINESS_DAYS, type DeadlineState } from '@hms/contracts/inbox';
import type { RequestStatus } from '@hms/contracts/requests';

const TICKING: readonly RequestStatus[] = ['submitted', 'in_review', 'awaiting_second_approval'];

/** The instant from which a deadline is no longer "due soon" but "on time": the end of the Nth business day from today. */
export function dueSoonCutoff(now: Date, timeZone: string): Date {
  const today = toZonedDate(now, timeZone);
  return startOfZonedDay(addBusinessDays(today, DUE_SOON_BUSINESS_DAYS), timeZone, 1);
}

/** The badge of a request: the clock pauses while the citizen is asked for information; closed requests have none. */
export function deadlineState(
  status: RequestStatus,
  dueAt: Date | string | null,
  now: Date,
  cutoff: Date,
): DeadlineState {
  if (status === 'needs_info') return 'paused';
  if (!TICKING.includes(status) || dueAt === null) return 'none';
  const due = new Date(dueAt).getTime();
  if (due < now.getTime()) return 'overdue';
  if (due < cutoff.getTime()) return 'due_soon';
  return 'on_time';
}
