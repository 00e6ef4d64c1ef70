import { defineMessages, formatPlainDate, useLanguage, useT } from '@hms/ui';

const computedAtMessages = defineMessages({
  en: {
    computedAt: 'Computed at {time}; refreshed every 30 seconds.',
    computedAtFor: 'Computed at {time} for {date}; refreshed every 30 seconds.',
    updating: 'Updating…',
  },
  es: {
    computedAt: 'Calculado a las {time}; se actualiza cada 30 segundos.',
    computedAtFor: 'Calculado a las {time} para el {date}; se actualiza cada 30 segundos.',
    updating: 'Actualizando…',
  },
});

/**
 * The line above a finance page's figures: when they were computed (the time of day, in `timeZone` when given, and
 * the agency day `asOf` they are for). With the page's `query`, the line is a status region that says "Updating…"
 * while another period loads over the last answer (the figures on screen are then the old ones).
 */
export function ComputedAt({
  computedAt,
  timeZone,
  asOf,
  query,
}: {
  computedAt: string;
  timeZone?: string;
  asOf?: string;
  query?: { isFetching: boolean; isPlaceholderData: boolean };
}) {
  const tr = useT(computedAtMessages);
  const { language } = useLanguage();
  const time = new Date(computedAt).toLocaleTimeString(
    language === 'es' ? 'es-US' : 'en-US',
    timeZone ? { timeZone } : undefined,
  );
  const text = asOf
    ? tr('computedAtFor', { time, date: formatPlainDate(asOf, language) })
    : tr('computedAt', { time });
  if (!query) return <p className="text-base">{text}</p>;
  return (
    <p className="text-base" role="status">
      {query.isFetching && query.isPlaceholderData ? tr('updating') : text}
    </p>
  );
}
