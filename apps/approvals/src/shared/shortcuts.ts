import { useEffect, useRef } from 'react';

/** True when the key press belongs to a field the user is typing into, so shortcuts must leave it alone. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** True when the key press is Enter or Space on a link or button, which the browser turns into its click. */
function activating(e: KeyboardEvent): boolean {
  return (
    (e.key === 'Enter' || e.key === ' ') &&
    e.target instanceof Element &&
    e.target.closest('a[href],button,summary') !== null
  );
}

/**
 * Single-key shortcuts (j, k, a, r, i, ?…) active while the component is mounted, never while typing, and never in
 * place of a focused link's or button's own Enter or Space (its default action is what a keyboard user asked for).
 */
export function useShortcuts(map: Record<string, (e: KeyboardEvent) => void>) {
  const ref = useRef(map);
  ref.current = map;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target) || activating(e)) return;
      const fn = ref.current[e.key];
      if (fn) {
        e.preventDefault();
        fn(e);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
