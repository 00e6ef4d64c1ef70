import { useEffect, useRef } from 'react';

/** A secret shown once: focused so screen readers announce it, selectable for copying. */
export function SecretOnce({ label, secret }: { label: string; secret: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [secret]);
  return (
    <div className="usa-alert usa-alert--success margin-y-2" ref={ref} tabIndex={-1}>
      <div className="usa-alert__body">
        <p className="usa-alert__text">{label}</p>
        <p className="usa-alert__text">
          <code className="font-mono-xs text-wrap" data-testid="secret">
            {secret}
          </code>
        </p>
      </div>
    </div>
  );
}
