import { useT } from '@hms/ui';
import { intakeFormMessages } from './messages.ts';

export interface IndicatorStep {
  id: string;
  title: string;
  complete: boolean;
}

/** The USWDS step indicator: where the person is, and how many steps remain. */
export function StepIndicator({ steps, currentId }: { steps: IndicatorStep[]; currentId: string }) {
  const tr = useT(intakeFormMessages);
  const index = Math.max(
    0,
    steps.findIndex((s) => s.id === currentId),
  );
  const current = steps[index]!;
  return (
    <div
      className="usa-step-indicator usa-step-indicator--counters-sm"
      aria-label={tr('stepsLabel')}
    >
      <ol className="usa-step-indicator__segments">
        {steps.map((s, i) => {
          const state =
            i === index
              ? ' usa-step-indicator__segment--current'
              : s.complete
                ? ' usa-step-indicator__segment--complete'
                : '';
          return (
            <li
              key={s.id}
              className={`usa-step-indicator__segment${state}`}
              aria-current={i === index ? 'step' : undefined}
            >
              <span className="usa-step-indicator__segment-label">
                {s.title}
                {i !== index ? (
                  <span className="usa-sr-only">
                    {' '}
                    {s.complete ? tr('completed') : tr('notCompleted')}
                  </span>
                ) : null}
              </span>
            </li>
          );
        })}
      </ol>
      <div className="usa-step-indicator__header">
        <p className="usa-step-indicator__heading margin-0">
          <span className="usa-step-indicator__heading-counter">
            <span className="usa-sr-only">
              {tr('stepOf', { n: index + 1, total: steps.length })}
            </span>
            <span className="usa-step-indicator__current-step" aria-hidden="true">
              {index + 1}
            </span>{' '}
            <span className="usa-step-indicator__total-steps" aria-hidden="true">
              / {steps.length}
            </span>
          </span>{' '}
          <span className="usa-step-indicator__heading-text">{current.title}</span>
        </p>
      </div>
    </div>
  );
}
