import { practiceKeys } from '@hms/api-client';
import {
  ConfirmAction,
  EmptyState,
  ProblemAlert,
  QueryState,
  formatNumber,
  useFocusWhen,
  useLanguage,
  useT,
  PageIntro,
} from '@hms/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { practiceOverviewQueryOptions, setPracticeMutationOptions } from '../api/practice.ts';
import type { CopiedProgram, PracticeProgram } from '../api/practice.ts';
import { ClearPanel } from '../components/clear-panel.tsx';
import { CopyForm } from '../components/copy-form.tsx';
import { GenerateForm } from '../components/generate-form.tsx';
import { ProgramsTable, markButtonId } from '../components/programs-table.tsx';
import { ResultNotice } from '../../../shared/result-notice.tsx';
import { practiceHelp } from '../help.ts';
import { practiceMessages } from '../messages.ts';

/** Admin: /admin/practice. Practice programs, their generated requests, and clearing them (issue 11 item 9). */
export function PracticeRoute() {
  const tr = useT(practiceMessages);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const overview = useQuery(practiceOverviewQueryOptions());
  const [copied, setCopied] = useState<CopiedProgram | null>(null);
  const [marking, setMarking] = useState<PracticeProgram | null>(null);
  const [markedText, setMarkedText] = useState<string | null>(null);
  // The confirmation the person was on is gone: the result takes focus.
  const markedRef = useFocusWhen<HTMLDivElement>(markedText);
  const mark = useMutation({
    ...setPracticeMutationOptions(),
    onSuccess: (next, { programId, practice }) => {
      queryClient.setQueryData(practiceKeys.overview(), next);
      const name = next.programs.find((p) => p.id === programId)?.name[language] ?? '';
      setMarking(null);
      setMarkedText(tr(practice ? 'marked' : 'unmarked', { name }));
    },
  });

  const startMark = (program: PracticeProgram) => {
    mark.reset();
    setMarkedText(null);
    setMarking(program);
  };
  // The program's button stays in its row while the question is open: going back returns focus to it.
  const cancelMark = () => {
    const id = marking?.id;
    setMarking(null);
    mark.reset();
    if (id) document.getElementById(markButtonId(id))?.focus();
  };

  const head = (
    <>
      <PageIntro title={tr('title')} lead={tr('lead')} help={practiceHelp} />
    </>
  );
  return (
    <>
      {head}
      <QueryState query={overview} loading={tr('loading')}>
        {(data) => {
          const { programs } = data;
          const practice = programs.filter((p) => p.practice);
          const real = programs.filter((p) => !p.practice);
          const copiedProgram = copied ? programs.find((p) => p.id === copied.id) : undefined;
          return (
            <>
              <section aria-labelledby="practice-programs-heading">
                <h2 id="practice-programs-heading">{tr('programsHeading')}</h2>
                {programs.length === 0 ? (
                  <EmptyState title={tr('noProgramsTitle')} body={tr('noProgramsBody')} />
                ) : (
                  <>
                    {practice.length === 0 ? (
                      <EmptyState title={tr('noPracticeTitle')} body={tr('noPracticeBody')} />
                    ) : (
                      <p>
                        {tr('total', {
                          count: formatNumber(data.practiceRequestCount, language),
                        })}
                      </p>
                    )}
                    <ProgramsTable programs={programs} onMark={startMark} />
                  </>
                )}
                <ResultNotice ref={markedRef} text={markedText} />
                {mark.isError ? <ProblemAlert error={mark.error} /> : null}
                {marking ? (
                  <ConfirmAction
                    // Another program's button while one question is open asks afresh, with focus on it.
                    key={marking.id}
                    question={tr(marking.practice ? 'confirmUnmark' : 'confirmMark', {
                      name: marking.name[language],
                    })}
                    confirmLabel={tr(marking.practice ? 'yesUnmark' : 'yesMark')}
                    cancelLabel={tr('no')}
                    busy={mark.isPending}
                    onConfirm={() =>
                      mark.mutate({ programId: marking.id, practice: !marking.practice })
                    }
                    onCancel={cancelMark}
                  />
                ) : null}
              </section>

              {programs.length > 0 ? (
                <section aria-labelledby="practice-copy-heading" className="margin-top-4">
                  <h2 id="practice-copy-heading">{tr('copyHeading')}</h2>
                  <p>{tr('copyLead')}</p>
                  <ResultNotice
                    text={
                      copied
                        ? tr('copied', {
                            name: copiedProgram?.name[language] ?? copied.slug,
                            slug: copied.slug,
                          })
                        : null
                    }
                  />
                  <CopyForm sources={real} onCopied={setCopied} />
                </section>
              ) : null}

              <section aria-labelledby="practice-generate-heading" className="margin-top-4">
                <h2 id="practice-generate-heading">{tr('generateHeading')}</h2>
                <p>{tr('generateLead')}</p>
                {/* A new copy opens the form afresh with the copy chosen. */}
                <GenerateForm
                  key={copied?.id ?? ''}
                  programs={practice}
                  initialProgramId={copied?.id}
                />
              </section>

              <section aria-labelledby="practice-clear-heading" className="margin-top-4">
                <h2 id="practice-clear-heading">{tr('clearHeading')}</h2>
                <p>{tr('clearLead')}</p>
                <ClearPanel overview={data} />
              </section>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
