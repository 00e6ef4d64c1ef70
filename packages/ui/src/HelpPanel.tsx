import { useLanguage, useT, type Language } from './i18n.tsx';
import { uiMessages } from './messages.ts';

/** What one staff page tells a new member of staff, in one language. */
export interface HelpText {
  /** What this page is for: one or two sentences. */
  purpose: string;
  /** What to check on this page before acting: short items, each one thing. */
  check: readonly string[];
  /** What happens after the person acts here (who does what next, what the citizen sees). */
  next: string;
}

/** A page's help in both languages: English is the source and Spanish must say the same. */
export type HelpContent = Record<Language, HelpText>;

/** Keeps a page's help typed where it is written (next to the page's other messages). */
export function defineHelp(content: HelpContent): HelpContent {
  return content;
}

/**
 * "About this page": a closed disclosure (details/summary, so it opens with the keyboard and needs no script) under
 * a staff page's heading, saying what the page is for, what to check and what happens next, in the reader's
 * language. A description list, not headings, so the page's outline stays the page's own.
 */
export function HelpPanel({ content, id }: { content: HelpContent; id?: string }) {
  const tr = useT(uiMessages);
  const { language } = useLanguage();
  const help = content[language];
  return (
    <details className="hms-help margin-y-2" id={id} data-testid="help-panel">
      <summary className="hms-help__summary">{tr('helpSummary')}</summary>
      <dl className="margin-0 padding-x-2 padding-bottom-2">
        <dt className="text-bold margin-top-1">{tr('helpPurpose')}</dt>
        <dd className="margin-0">{help.purpose}</dd>
        <dt className="text-bold margin-top-2">{tr('helpCheck')}</dt>
        <dd className="margin-0">
          <ul className="usa-list margin-y-05">
            {help.check.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </dd>
        <dt className="text-bold margin-top-2">{tr('helpNext')}</dt>
        <dd className="margin-0">{help.next}</dd>
      </dl>
    </details>
  );
}
