import type { ReactNode } from 'react';
import { HelpPanel, type HelpContent } from './HelpPanel.tsx';
import { PageTitle } from './PageTitle.tsx';

/**
 * The top of a staff page: its one h1 (and the tab title), the lead paragraph and the "About this page" help, in
 * that order on every page so a person learns where to look once.
 */
export function PageIntro({
  title,
  lead,
  help,
  hasErrors,
}: {
  /** Plain text: it is also the tab title. */
  title: string;
  lead?: ReactNode;
  help?: HelpContent;
  /** The page shows an error summary: the tab title starts with "Error:". */
  hasErrors?: boolean;
}) {
  return (
    <>
      <PageTitle hasErrors={hasErrors}>{title}</PageTitle>
      {lead ? <p className="usa-intro">{lead}</p> : null}
      {help ? <HelpPanel content={help} /> : null}
    </>
  );
}
