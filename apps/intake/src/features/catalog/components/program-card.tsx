import type { Program } from '@hms/api-client';
import { formatCents, formatDate, useLanguage, useT, type Language } from '@hms/ui';
import { Link } from 'react-router';
import { catalogMessages } from '../messages.ts';

type Translate = (
  key: keyof (typeof catalogMessages)['en'],
  vars?: Record<string, string | number>,
) => string;

// What the API says (GET /api/programs: the same rule as the program page and the submit check), not the browser clock.
function availability(program: Program, tr: Translate, language: Language) {
  switch (program.closedReason) {
    case null:
      return program.closesAt
        ? tr('closes', { date: formatDate(program.closesAt, language) })
        : null;
    case 'not_open_yet':
      return program.opensAt ? tr('opens', { date: formatDate(program.opensAt, language) }) : null;
    case 'closed':
      return program.closesAt
        ? tr('closedOn', { date: formatDate(program.closesAt, language) })
        : null;
    case 'budget_exhausted':
      return tr('budgetUsedUpBody');
  }
}

const tagKey = {
  not_open_yet: 'notOpenYet',
  closed: 'closed',
  budget_exhausted: 'budgetUsedUp',
} as const;

/**
 * One service in the catalog; services that take no applications now stay listed (people look for them) but say
 * why: not open yet, closed, or budget used up.
 */
export function ProgramCard({ program }: { program: Program }) {
  const tr = useT(catalogMessages);
  const { language } = useLanguage();
  const when = availability(program, tr, language);
  const headingId = `program-${program.id}`;
  return (
    <li className="usa-card tablet:grid-col-6 desktop:grid-col-4">
      <div className="usa-card__container">
        <div className="usa-card__header">
          <h2 className="usa-card__heading" id={headingId}>
            <Link to={`/services/${program.slug}`}>{program.name[language]}</Link>
          </h2>
        </div>
        <div className="usa-card__body">
          <p>
            <span
              className={`usa-tag ${program.acceptingApplications ? 'bg-green' : 'bg-base-dark'}`}
            >
              {program.closedReason ? tr(tagKey[program.closedReason]) : tr('open')}
            </span>
          </p>
          <p>{program.description[language]}</p>
          <h3 className="font-sans-xs margin-bottom-05">{tr('eligibility')}</h3>
          <p className="margin-top-0">{program.eligibility[language]}</p>
          <ul className="usa-list">
            <li>{tr('upTo', { amount: formatCents(program.maxAmountCents, language) })}</li>
            <li>{tr('decisionTime', { days: program.reviewDeadlineDays })}</li>
            {when ? <li>{when}</li> : null}
          </ul>
        </div>
      </div>
    </li>
  );
}
