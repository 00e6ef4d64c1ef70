import { useEffect, useRef } from 'react';

/**
 * A ref for an element that takes focus whenever `shown` becomes, or changes to another, value that is not empty:
 * a result, a confirmation or a question that appears in place of what the reader was on (give the element
 * `tabIndex={-1}` unless it is focusable already).
 */
export function useFocusWhen<T extends HTMLElement>(shown: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown]);
  return ref;
}
