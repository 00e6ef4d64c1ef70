import { useT } from './i18n.tsx';
import { uiMessages } from './messages.ts';

/**
 * Marks a practice request or payment (generated training data, never paid) wherever staff see it: the inbox, the
 * review page, the finance payment lists. The title says what it means; screen readers read the tag text.
 */
export function PracticeTag({ practice }: { practice: boolean | undefined }) {
  const tr = useT(uiMessages);
  if (!practice) return null;
  return (
    <span
      className="usa-tag bg-primary text-white margin-left-1"
      data-practice="true"
      title={tr('practiceTitle')}
    >
      {tr('practiceTag')}
    </span>
  );
}

/** The notice at the top of a practice request's review page. */
export function PracticeNotice({ practice }: { practice: boolean | undefined }) {
  const tr = useT(uiMessages);
  if (!practice) return null;
  return (
    <div className="usa-alert usa-alert--info usa-alert--slim margin-y-2" data-practice="true">
      <div className="usa-alert__body">
        <p className="usa-alert__text">{tr('practiceNotice')}</p>
      </div>
    </div>
  );
}
