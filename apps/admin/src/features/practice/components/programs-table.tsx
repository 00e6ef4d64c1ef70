import { requestStatusLabels } from '@hms/contracts/labels';
import { ScrollableTable, formatNumber, useLabel, useLanguage, useT } from '@hms/ui';
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
    <ScrollableTable caption={tr('caption')} captionId="practice-caption">
      <thead>
        <tr>
          <th scope="col">{tr('program')}</th>
          <th scope="col">{tr('kind')}</th>
          <th scope="col" className="text-right">
            {tr('requests')}
          </th>
          <th scope="col">{tr('actions')}</th>
        </tr>
      </thead>
      <tbody>
        {programs.map((p) => {
          const name = p.name[language];
          return (
            <tr key={p.id} data-practice={p.practice || undefined}>
              <th scope="row">
                {name}
                <div className="font-body-3xs text-base">{p.slug}</div>
              </th>
              <td>
                {p.practice ? (
                  <span className="usa-tag bg-primary text-white">{tr('kindPractice')}</span>
                ) : (
                  tr('kindReal')
                )}
              </td>
              <td className="text-right text-tabular">
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
              </td>
              <td>
                <button
                  type="button"
                  id={markButtonId(p.id)}
                  className="usa-button usa-button--outline"
                  aria-label={tr(p.practice ? 'unmarkLabel' : 'markLabel', { name })}
                  onClick={() => onMark(p)}
                >
                  {tr(p.practice ? 'unmark' : 'mark')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </ScrollableTable>
  );
}
