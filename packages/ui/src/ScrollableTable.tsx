import { useId, type ReactNode } from 'react';

export interface ScrollableTableProps {
  /** The table's accessible name (its `<caption>`). */
  caption: ReactNode;
  /** The caption's id; generated when the scroll region is labelled by the caption and none is given. */
  captionId?: string;
  /** Keep the caption for screen readers only (`usa-sr-only`), e.g. when a visible heading already names the table. */
  captionHidden?: boolean;
  /** Label the scroll region by another element (a visible heading) instead of the caption. */
  labelledBy?: string;
  /** Label the scroll region with this text (`aria-label`) instead of the caption. */
  label?: string;
  /** `usa-table--borderless` (default true). */
  borderless?: boolean;
  /** `width-full` (default true). */
  fullWidth?: boolean;
  /** More classes for the `<table>`, after the USWDS ones. */
  className?: string;
  /** The `<thead>` and `<tbody>`. */
  children: ReactNode;
}

/**
 * A USWDS table in a scroll container. The container is focusable (tabIndex 0) so a keyboard user can scroll a
 * table wider than the screen, and it is a named region (by default labelled by the caption), so what takes focus
 * has a name. The caption is the table's own accessible name.
 */
export function ScrollableTable({
  caption,
  captionId,
  captionHidden = false,
  labelledBy,
  label,
  borderless = true,
  fullWidth = true,
  className,
  children,
}: ScrollableTableProps) {
  const generatedId = useId();
  const labelledByCaption = labelledBy === undefined && label === undefined;
  const ownCaptionId = captionId ?? (labelledByCaption ? generatedId : undefined);
  return (
    <div
      className="usa-table-container--scrollable"
      tabIndex={0}
      role="region"
      aria-labelledby={labelledBy ?? (labelledByCaption ? ownCaptionId : undefined)}
      aria-label={labelledBy === undefined ? label : undefined}
    >
      <table
        className={[
          'usa-table',
          borderless ? 'usa-table--borderless' : '',
          fullWidth ? 'width-full' : '',
          className ?? '',
        ]
          .filter(Boolean)
          .join(' ')}
      >
        <caption id={ownCaptionId} className={captionHidden ? 'usa-sr-only' : undefined}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}
