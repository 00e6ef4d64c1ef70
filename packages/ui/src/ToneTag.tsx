import type { ReactNode } from 'react';

// Each pair passes WCAG AA contrast (USWDS tokens); the tag's words carry the meaning, never the colour alone.
const TONE_CLASS = {
  neutral: 'bg-base-lighter text-ink',
  info: 'bg-primary-lighter text-ink',
  caution: 'bg-gold text-ink',
  good: 'bg-green text-white',
  bad: 'bg-secondary-dark text-white',
} as const;

export type Tone = keyof typeof TONE_CLASS;

/**
 * A state shown as a coloured tag (a status, a deadline, a risk level): a screen maps each of its codes to a tone,
 * so the colours mean the same on every screen. `data` names the code for tests and styles (`data-status`, …).
 */
export function ToneTag({
  tone,
  data,
  children,
}: {
  tone: Tone;
  data: Record<`data-${string}`, string>;
  children: ReactNode;
}) {
  return (
    <span className={`usa-tag ${TONE_CLASS[tone]}`} {...data}>
      {children}
    </span>
  );
}
