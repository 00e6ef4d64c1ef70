import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useT } from './i18n.tsx';
import { uiMessages } from './messages.ts';

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
 * has a name. The caption is the table's own accessible name. When the table is wider than the container, a visible
 * cue above it says so (and describes the region), and the scrollbar is always drawn: a clipped column is never silent.
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
  const cueId = `${generatedId}-scroll-cue`;
  const overflowing = useOverflowing();
  return (
    <>
      {overflowing.value ? <ScrollCue id={cueId} /> : null}
      <div
        ref={overflowing.ref}
        className={`usa-table-container--scrollable${overflowing.value ? ' hms-overflowing' : ''}`}
        tabIndex={0}
        role="region"
        aria-labelledby={labelledBy ?? (labelledByCaption ? ownCaptionId : undefined)}
        aria-label={labelledBy === undefined ? label : undefined}
        aria-describedby={overflowing.value ? cueId : undefined}
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
    </>
  );
}

// Its own component: only a table that overflows needs the language context for the cue.
function ScrollCue({ id }: { id: string }) {
  const tr = useT(uiMessages);
  return (
    <p className="hms-scroll-cue" id={id}>
      {tr('scrollCue')} <span aria-hidden="true">→</span>
    </p>
  );
}

/** Whether the element's content is wider than the element, kept current as either is resized. */
function useOverflowing() {
  const ref = useRef<HTMLDivElement>(null);
  const [value, setValue] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // One pixel of slack: sub-pixel widths round differently in scrollWidth and clientWidth.
    const check = () => setValue(el.scrollWidth > el.clientWidth + 1);
    check();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(check);
    observer.observe(el);
    // The table grows when rows arrive (a new page, a refetch) without the container changing size.
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return { ref, value };
}
