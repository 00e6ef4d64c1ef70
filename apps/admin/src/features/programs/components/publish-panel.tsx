import {
  Alert,
  ButtonGroup,
  ConfirmAction,
  ProblemAlert,
  TextAreaField,
  TextField,
  formatDateTime,
  useFocusWhen,
  useLanguage,
  useT,
} from '@hms/ui';
import { useState, type ReactNode } from 'react';
import type { ProgramAction } from '../api/programs.ts';
import type { AdminProgram } from '../../../shared/admin-program.ts';
import { programsMessages } from '../messages.ts';

// Whole class names, so the USWDS build check (apps/shell uswds-theme.test.ts) sees every class in use.
const LOOKS = {
  outline: 'usa-button usa-button--outline',
  secondary: 'usa-button usa-button--secondary',
} as const;

/** One button of the panel; every one is off while an action is in flight, so two cannot race. */
function ActionButton({
  look,
  pending,
  onClick,
  children,
}: {
  look?: 'outline' | 'secondary';
  pending: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={look ? LOOKS[look] : 'usa-button'}
      disabled={pending}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** The last action of the panel that succeeded, with the program as it answered. */
export interface ProgramOutcome {
  kind: ProgramAction['kind'];
  program: AdminProgram;
}

/**
 * What an action of the panel did, in a sentence, and the section it belongs to; none for the actions of other
 * panels (save, revert).
 */
function outcomeOf({ kind, program }: ProgramOutcome): {
  section: 'publish' | 'lifecycle';
  key: `outcome${'Requested' | 'Published' | 'Withdrawn' | 'Opened' | 'Closed' | 'Archived'}`;
} | null {
  switch (kind) {
    case 'requestPublish':
    case 'approve':
      return program.pendingPublishRequest
        ? { section: 'publish', key: 'outcomeRequested' }
        : { section: 'publish', key: 'outcomePublished' };
    case 'withdraw':
      return { section: 'publish', key: 'outcomeWithdrawn' };
    case 'open':
      return { section: 'lifecycle', key: 'outcomeOpened' };
    case 'close':
      return { section: 'lifecycle', key: 'outcomeClosed' };
    case 'archive':
      return { section: 'lifecycle', key: 'outcomeArchived' };
    default:
      return null;
  }
}

/**
 * The go-live checklist, the publish request under dual control, and opening, closing or archiving. The button that
 * was pressed is gone or off once its action is done, so what it did is said in its section, and focus goes there.
 */
export function PublishPanel({
  program,
  pending,
  error,
  done,
  run,
}: {
  program: AdminProgram;
  pending: boolean;
  error: unknown;
  /** The panel's last action that succeeded (null while another runs). */
  done: ProgramOutcome | null;
  run: (action: ProgramAction) => void;
}) {
  const tr = useT(programsMessages);
  const { language } = useLanguage();
  const outcome = done ? outcomeOf(done) : null;
  const outcomeRef = useFocusWhen<HTMLDivElement>(outcome ? done : null);
  const said = (section: 'publish' | 'lifecycle') =>
    outcome?.section === section ? (
      <Alert tone="success" slim role="status" tabIndex={-1} ref={outcomeRef}>
        {tr(outcome.key, { version: done!.program.liveVersion ?? '' })}
      </Alert>
    ) : null;
  const [summary, setSummary] = useState('');
  const [summaryError, setSummaryError] = useState<string | undefined>();
  const [closesAt, setClosesAt] = useState('');
  const [archiving, setArchiving] = useState(false);
  const request = program.pendingPublishRequest;
  const ask = () => {
    if (!summary.trim()) {
      setSummaryError(tr('changeSummaryRequired'));
      document.getElementById('publish-summary')?.focus();
      return;
    }
    setSummaryError(undefined);
    run({ kind: 'requestPublish', changeSummary: summary.trim() });
  };
  return (
    <>
      <section aria-labelledby="checklist-heading" className="margin-top-4">
        <h2 id="checklist-heading">{tr('checklistHeading')}</h2>
        <ul className="usa-list usa-list--unstyled">
          {program.checklist.items.map((item) => (
            <li key={item.id} className="margin-bottom-1" data-testid={`check-${item.id}`}>
              <strong>{item.ok ? `✓ ${tr('done')}` : `✗ ${tr('todo')}`}:</strong>{' '}
              {tr(`check_${item.id}`)}
              {item.problems.length && item.id !== 'approval' ? (
                <ul className="usa-list">
                  {item.problems.map((p, i) => (
                    <li key={i}>
                      <code>{p.field}</code>: {p.message}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="publish-heading" className="margin-top-4">
        <h2 id="publish-heading">{tr('publishHeading')}</h2>
        {said('publish')}
        {error ? <ProblemAlert error={error} headingLevel={3} /> : null}
        {request ? (
          <>
            <p>
              {tr('pendingBy', {
                name: request.requestedBy.name,
                at: formatDateTime(request.requestedAt, language),
                summary: request.changeSummary,
              })}{' '}
              {program.viewerMayApprovePublish ? null : tr('otherAdmin')}
            </p>
            <ButtonGroup>
              {program.viewerMayApprovePublish ? (
                <ActionButton pending={pending} onClick={() => run({ kind: 'approve' })}>
                  {tr('approve')}
                </ActionButton>
              ) : null}
              <ActionButton
                look="outline"
                pending={pending}
                onClick={() => run({ kind: 'withdraw' })}
              >
                {tr('withdraw')}
              </ActionButton>
            </ButtonGroup>
          </>
        ) : program.status === 'archived' ? null : (
          <>
            {program.publishNeedsSecondApproval ? null : <p>{tr('noSecondApproval')}</p>}
            <TextAreaField
              id="publish-summary"
              label={tr('changeSummary')}
              value={summary}
              error={summaryError}
              maxLength={500}
              onChange={(e) => setSummary(e.target.value)}
            />
            <button
              type="button"
              className="usa-button margin-top-2"
              disabled={pending}
              onClick={ask}
            >
              {program.publishNeedsSecondApproval ? tr('requestPublish') : tr('publishNow')}
            </button>
          </>
        )}
      </section>
      <section aria-labelledby="lifecycle-heading" className="margin-top-4">
        <h2 id="lifecycle-heading">{tr('lifecycleHeading')}</h2>
        {said('lifecycle')}
        {program.status === 'draft' ? (
          <p>{tr('notPublished')}</p>
        ) : program.status === 'archived' ? (
          <p>{tr('status_archived')}</p>
        ) : (
          <>
            {program.window ? (
              <p>{tr('windowNow', { window: tr(`window_${program.window}`) })}</p>
            ) : null}
            <TextField
              id="open-closes-at"
              label={tr('closesOn')}
              hint="YYYY-MM-DD"
              value={closesAt}
              onChange={(e) => setClosesAt(e.target.value)}
            />
            <ButtonGroup className="margin-top-2">
              <ActionButton
                look="outline"
                pending={pending}
                onClick={() =>
                  run({ kind: 'open', ...(closesAt.trim() ? { closesAt: closesAt.trim() } : {}) })
                }
              >
                {tr('open')}
              </ActionButton>
              <ActionButton look="outline" pending={pending} onClick={() => run({ kind: 'close' })}>
                {tr('close')}
              </ActionButton>
              <ActionButton look="secondary" pending={pending} onClick={() => setArchiving(true)}>
                {tr('archive')}
              </ActionButton>
            </ButtonGroup>
            {archiving ? (
              <ConfirmAction
                question={tr('confirmArchive', {
                  name: program.draft.name[language] || program.draft.name.en,
                })}
                confirmLabel={tr('yesArchive')}
                cancelLabel={tr('no')}
                onConfirm={() => {
                  setArchiving(false);
                  run({ kind: 'archive' });
                }}
                onCancel={() => setArchiving(false)}
              />
            ) : null}
          </>
        )}
      </section>
    </>
  );
}
