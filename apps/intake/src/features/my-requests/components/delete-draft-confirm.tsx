import type { MyRequestItem } from '../api/use-my-requests.ts';
import { ProblemAlert, useLanguage, useT } from '@hms/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { deleteDraftMutationOptions } from '../api/delete-draft.ts';
import { myRequestsMessages } from '../messages.ts';

/**
 * "Delete this draft?" for one draft: takes focus when it opens, says what goes, and deletes only on the explicit
 * second press. Cancel hands focus back to the row's button (the caller does that in onCancel).
 */
export function DeleteDraftConfirm({
  item,
  onCancel,
  onDeleted,
}: {
  item: MyRequestItem;
  onCancel: () => void;
  onDeleted: () => void;
}) {
  const tr = useT(myRequestsMessages);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const remove = useMutation(deleteDraftMutationOptions(queryClient));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [item.id]);
  return (
    <div
      className="usa-alert usa-alert--warning margin-y-2"
      role="region"
      aria-labelledby="delete-draft-title"
    >
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading" id="delete-draft-title" tabIndex={-1} ref={heading}>
          {tr('deleteConfirmTitle', {
            reference: item.reference,
            service: item.programName[language],
          })}
        </h2>
        <p className="usa-alert__text">{tr('deleteConfirmBody')}</p>
        {remove.isError ? <ProblemAlert error={remove.error} headingLevel={3} /> : null}
        <div className="margin-top-2">
          <button
            type="button"
            className="usa-button usa-button--secondary"
            disabled={remove.isPending}
            onClick={() => remove.mutate(item.id, { onSuccess: onDeleted })}
          >
            {remove.isPending ? tr('deleting') : tr('deleteYes')}
          </button>
          <button type="button" className="usa-button usa-button--outline" onClick={onCancel}>
            {tr('deleteCancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
