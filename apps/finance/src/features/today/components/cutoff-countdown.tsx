import { formatPlainDate, useLanguage, useT } from '@hms/ui';
import { Fragment, useEffect, useState } from 'react';
import type { AchWindow } from '../api/today.ts';
import { todayMessages } from '../messages.ts';

const MINUTE = 60_000;

/** The time now, re-read at each minute boundary: the countdown moves once a minute, not every second. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let interval: ReturnType<typeof setInterval> | undefined;
    const tick = () => setNow(Date.now());
    const first = setTimeout(
      () => {
        tick();
        interval = setInterval(tick, MINUTE);
      },
      MINUTE - (Date.now() % MINUTE),
    );
    return () => {
      clearTimeout(first);
      if (interval) clearInterval(interval);
    };
  }, []);
  return now;
}

/** Whole minutes left, rounded up (so "1 min" lasts until the cut-off itself). */
export function remainingParts(closesAt: number, now: number) {
  const minutes = Math.max(0, Math.ceil((closesAt - now) / MINUTE));
  return {
    days: Math.floor(minutes / 1440),
    hours: Math.floor((minutes % 1440) / 60),
    minutes: minutes % 60,
  };
}

/**
 * The next ACH cut-off as a countdown, and both windows with their instants in the agency's time zone. The countdown
 * is a polite live region that changes once a minute; when a cut-off passes, `onPassed` asks for fresh windows.
 */
export function CutoffCountdown({
  cutoffs,
  timeZone,
  onPassed,
}: {
  cutoffs: { sameDay: AchWindow; nextDay: AchWindow };
  timeZone: string;
  onPassed: () => void;
}) {
  const tr = useT(todayMessages);
  const { language } = useLanguage();
  const now = useMinuteClock();
  const windows = (['sameDay', 'nextDay'] as const).map((kind) => ({
    kind,
    at: Date.parse(cutoffs[kind].closesAt),
    ...cutoffs[kind],
  }));
  const next = [...windows].sort((a, b) => a.at - b.at)[0]!;
  const passed = next.at <= now;
  useEffect(() => {
    if (passed) onPassed();
  }, [passed, onPassed]);
  const left = remainingParts(next.at, now);
  const remaining =
    left.days > 0
      ? tr('daysHours', { days: left.days, hours: left.hours })
      : left.hours > 0
        ? tr('hoursMinutes', { hours: left.hours, minutes: left.minutes })
        : tr('minutes', { minutes: left.minutes });
  const when = (iso: string) =>
    new Intl.DateTimeFormat(language === 'es' ? 'es-US' : 'en-US', {
      weekday: 'long',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    }).format(new Date(iso));
  return (
    <section aria-labelledby="cutoffs-heading" className="margin-bottom-4">
      <h2 id="cutoffs-heading">{tr('cutoffsHeading')}</h2>
      <p className="font-sans-lg text-bold" role="status" aria-live="polite" aria-atomic="true">
        {passed
          ? tr('cutoffPassed', { window: tr(next.kind) })
          : tr('nextCutoff', { window: tr(next.kind), remaining })}
      </p>
      <dl>
        {windows.map((w) => (
          <Fragment key={w.kind}>
            <dt className="text-bold">{tr(`${w.kind}Label`)}</dt>
            <dd className="margin-left-0 margin-bottom-1">
              {tr(`${w.kind}Detail`, {
                when: when(w.closesAt),
                date: formatPlainDate(w.effectiveDate, language),
              })}
            </dd>
          </Fragment>
        ))}
      </dl>
      <p className="text-base">{tr('timeZone', { timeZone })}</p>
    </section>
  );
}
