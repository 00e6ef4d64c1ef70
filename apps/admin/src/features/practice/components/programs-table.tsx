import { requestStatusLabels } from '@hms/contracts/labels';
import { DataTable, formatNumber, useLabel, useLanguage, useT } from '@hms/ui';
import type { PracticeProgram } from '../api/practice.ts';
import { practiceMessages } from '../messages.ts';

/** The id of a program's mark/unmark button, so focus can go back to it when its confirmation is cancelled. */
export const markButtonId = (programId: string) => `practice-mark-${programId}`;

/** Every program: real or practice, the practice requests it holds by status, and the mark/unmark action. */
export function ProgramsTable({
  programs,
  onMark,
}: {
  programs: PracticeProgram[];
  onMark: (program: PracticeProgram) => void;
}) {
  const tr = useT(practiceMessages);
  const label = useLabel();
  const { language } = useLanguage();
  return (
    <DataTable
      caption={tr('caption')}
      rows={programs}
      rowProps={(p) => ({ 'data-practice': p.practice || undefined })}
      columns={[
        {
          header: tr('program'),
          rowHeader: true,
          cell: (p) => (
            <>
              {p.name[language]}
              <div className="font-body-3xs text-base">{p.slug}</div>
            </>
          ),
        },
        {
          header: tr('kind'),
          cell: (p) =>
            p.practice ? (
              <span className="usa-tag bg-primary text-white">{tr('kindPractice')}</span>
            ) : (
              tr('kindReal')
            ),
        },
        {
          header: tr('requests'),
          numeric: true,
          cell: (p) => (
            <>
              {p.practice ? formatNumber(p.practiceRequestCount, language) : '—'}
              {p.byStatus.length > 0 ? (
                <ul className="usa-list usa-list--unstyled font-body-3xs text-base">
                  {p.byStatus.map((s) => (
                    <li key={s.status}>
                      {tr('byStatus', {
                        status: label(requestStatusLabels[s.status].staff),
                        count: formatNumber(s.count, language),
                      })}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          ),
        },
        {
          header: tr('actions'),
          cell: (p) => (
            <button
              type="button"
              id={markButtonId(p.id)}
              className="usa-button usa-button--outline"
              aria-label={tr(p.practice ? 'unmarkLabel' : 'markLabel', { name: p.name[language] })}
              onClick={() => onMark(p)}
            >
              {tr(p.practice ? 'unmark' : 'mark')}
            </button>
          ),
        },
      ]}
    />
  );
}
