import { requestEventLabels } from '@hms/contracts/request-event-labels';
import type { RequestDetail } from '../../../shared/requests/request-api.ts';

type TimelineEntry = RequestDetail['timeline'][number];
import { formatCents, formatDateTime, useLabel, useLanguage, useT } from '@hms/ui';
import { requestMessages } from '../messages.ts';

/** Every step of the request the applicant may see, oldest first, with the reason or question that came with it. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const tr = useT(requestMessages);
  const { language } = useLanguage();
  const label = useLabel();
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);
  return (
    <ol className="usa-process-list">
      {entries.map((e) => {
        const title = label(requestEventLabels[e.type].applicant);
        const reason =
          text(language === 'es' ? (e.data.reasonEs ?? e.data.reason) : e.data.reason) ??
          text(e.data.messageToApplicant);
        const question = text(e.data.question);
        const message = text(e.data.message);
        return (
          <li key={e.id} className="usa-process-list__item">
            <h3 className="usa-process-list__heading font-sans-md">{title}</h3>
            <p className="margin-top-05 text-base">
              <time dateTime={e.at}>{formatDateTime(e.at, language)}</time>
            </p>
            {question ? (
              <p>
                <strong>{tr('questionLabel')}:</strong> {question}
              </p>
            ) : null}
            {reason ? (
              <p>
                <strong>{tr('reasonLabel')}:</strong> {reason}
              </p>
            ) : null}
            {message ? (
              <p>
                <strong>{tr('yourAnswer')}:</strong> {message}
              </p>
            ) : null}
            {typeof e.data.amountCents === 'number' && e.type !== 'submitted' ? (
              <p>
                <strong>{tr('amountLabel')}:</strong> {formatCents(e.data.amountCents, language)}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
