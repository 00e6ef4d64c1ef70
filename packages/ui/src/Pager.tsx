import { ButtonGroup } from './ButtonGroup.tsx';
import { useT } from './i18n.tsx';
import { uiMessages } from './messages.ts';

export interface PagerProps {
  /** Names the navigation landmark, e.g. "Pages of batches". */
  label: string;
  /** The API's cursors for the pages either side; null where there is none. */
  prevCursor: string | null;
  nextCursor: string | null;
  onPage: (cursor: string) => void;
}

/**
 * Previous / next through a list paged on the server (keyset cursors both ways). Nothing is rendered when the list
 * fits on one page. The buttons stay in place while a page loads so a keyboard user keeps their position.
 */
export function Pager({ label, prevCursor, nextCursor, onPage }: PagerProps) {
  const tr = useT(uiMessages);
  if (!prevCursor && !nextCursor) return null;
  return (
    <nav aria-label={label} className="margin-y-2">
      <ButtonGroup>
        <button
          type="button"
          className="usa-button usa-button--outline"
          disabled={!prevCursor}
          onClick={() => prevCursor && onPage(prevCursor)}
        >
          <span aria-hidden="true">← </span>
          {tr('pagePrevious')}
        </button>
        <button
          type="button"
          className="usa-button usa-button--outline"
          disabled={!nextCursor}
          onClick={() => nextCursor && onPage(nextCursor)}
        >
          {tr('pageNext')}
          <span aria-hidden="true"> →</span>
        </button>
      </ButtonGroup>
    </nav>
  );
}
