import { ProblemAlert, TextAreaField, TextField, formatDateTime, useLanguage, useT } from '@hms/ui';
import type { AdminProgram } from '@hms/contracts/program-admin';
import { useState } from 'react';
import type { ProgramAction } from '../api/programs.ts';
import { programsMessages } from '../messages.ts';

/** The go-live checklist, the publish request under dual control, and opening, closing or archiving. */
export function PublishPanel({
  program,
  pending,
  error,
  run,
}: {
  program: AdminProgram;
  pending: boolean;
  error: unknown;
  run: (action: ProgramAction) => void;
}) {
  const tr = useT(programsMessages);
  const { language } = useLanguage();
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
        {error ? <ProblemAlert error={error} headingLevel={3} /> : null}
        {request ? (
          <>
            <p>
              {tr('pendingBy', {
                name: request.requestedBy.name,
                at: formatDateTime(request.requestedAt, language),
                summary: request.changeSummary,
              })}{' '}
              {tr('otherAdmin')}
            </p>
            <ul className="usa-button-group">
              <li className="usa-button-group__item">
                <button
                  type="button"
                  className="usa-button"
                  disabled={pending}
                  onClick={() => run({ kind: 'approve' })}
                >
                  {tr('approve')}
                </button>
              </li>
              <li className="usa-button-group__item">
                <button
                  type="button"
                  className="usa-button usa-button--outline"
                  disabled={pending}
                  onClick={() => run({ kind: 'withdraw' })}
                >
                  {tr('withdraw')}
                </button>
              </li>
            </ul>
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
            <ul className="usa-button-group margin-top-2">
              <li className="usa-button-group__item">
                <button
                  type="button"
                  className="usa-button usa-button--outline"
                  disabled={pending}
                  onClick={() =>
                    run({ kind: 'open', ...(closesAt.trim() ? { closesAt: closesAt.trim() } : {}) })
                  }
                >
                  {tr('open')}
                </button>
              </li>
              <li className="usa-button-group__item">
                <button
                  type="button"
                  className="usa-button usa-button--outline"
                  disabled={pending}
                  onClick={() => run({ kind: 'close' })}
                >
                  {tr('close')}
                </button>
              </li>
              <li className="usa-button-group__item">
                <button
                  type="button"
                  className="usa-button usa-button--secondary"
                  disabled={pending}
                  onClick={() => setArchiving(true)}
                >
                  {tr('archive')}
                </button>
              </li>
            </ul>
            {archiving ? (
              <div
                className="usa-alert usa-alert--warning margin-y-2"
                role="alertdialog"
                aria-labelledby="archive-q"
              >
                <div className="usa-alert__body">
                  <p className="usa-alert__text" id="archive-q">
                    {tr('confirmArchive', {
                      name: program.draft.name[language] || program.draft.name.en,
                    })}
                  </p>
                  <ul className="usa-button-group margin-top-1">
                    <li className="usa-button-group__item">
                      <button
                        type="button"
                        className="usa-button usa-button--secondary"
                        autoFocus
                        onClick={() => {
                          setArchiving(false);
                          run({ kind: 'archive' });
                        }}
                      >
                        {tr('yesArchive')}
                      </button>
                    </li>
                    <li className="usa-button-group__item">
                      <button
                        type="button"
                        className="usa-button usa-button--unstyled"
                        onClick={() => setArchiving(false)}
                      >
                        {tr('no')}
                      </button>
                    </li>
                  </ul>
                </div>
              </div>
            ) : null}
          </>
        )}
      </section>
    </>
  );
}
