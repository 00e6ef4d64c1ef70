import type { Program } from '@hms/api-client';
import { formatCents, formatDate, useLanguage, useT, type Language } from '@hms/ui';
import { Link } from 'react-router';
import { catalogMessages } from '../messages.ts';

type Translate = (key: keyof (typeof catalogMessages)['en'], vars?: Record<string, string | number>) => string;

function availability(program: Program, tr: Translate, language: Language) {
  const now = Date.now();
  if (program.isOpen) return program.closesAt ? tr('closes', { date: formatDate(program.closesAt, language) }) : null;
  if (program.opensAt && Date.parse(program.opensAt) > now) return tr('opens', { date: formatDate(program.opensAt, language) });
  if (program.closesAt) return tr('closedOn', { date: formatDate(program.closesAt, language) });
  return null;
}

/** One service in the catalog; closed services stay listed (people look for them) but are marked closed. */
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
            <span className={`usa-tag ${program.isOpen ? 'bg-green' : 'bg-base-dark'}`}>
              {program.isOpen ? tr('open') : tr('closed')}
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
