import { ProblemAlert, useT } from '@hms/ui';
import type { ProgramDraft } from '@hms/contracts/program-admin';
import type { EligibilityRule } from '@hms/contracts/question-set';
import { useQuery } from '@tanstack/react-query';
import { EligibilityRulesEditor } from '../../../shared/eligibility-rules-editor.tsx';
import { eligibilityPreviewQueryOptions } from '../api/programs.ts';
import { programsMessages } from '../messages.ts';

/**
 * The draft's eligibility rules, each written in words, with how many past requests it would have let through (the
 * API runs the same checks on the stored answers), and a form that adds a rule of one of the readable kinds.
 */
export function RulesEditor({
  programId,
  draft,
  onChange,
}: {
  programId: string;
  draft: ProgramDraft;
  onChange: (rules: EligibilityRule[]) => void;
}) {
  const tr = useT(programsMessages);
  const rules = draft.eligibilityRules;
  const preview = useQuery(eligibilityPreviewQueryOptions(programId, rules));
  const counts = preview.data;
  return (
    <section aria-labelledby="rules-heading" className="margin-top-4">
      <h2 id="rules-heading">{tr('rulesHeading')}</h2>
      <p>{tr('rulesLead')}</p>
      {preview.isError ? <ProblemAlert error={preview.error} headingLevel={3} /> : null}
      <EligibilityRulesEditor
        questionSet={draft.questionSet}
        rules={rules}
        onChange={onChange}
        caption={tr('rulesCaption')}
        counts={counts}
        showCounts
      />
      {counts && rules.length > 0 ? (
        <p>{tr('passedAll', { passed: counts.passedAll, total: counts.totalRequests })}</p>
      ) : null}
    </section>
  );
}
