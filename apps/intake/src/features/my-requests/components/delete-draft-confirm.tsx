import type { MyRequestItem } from '../api/use-my-requests.ts';
import { useLanguage, useT } from '@hms/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ConfirmPanel } from '../../../shared/confirm-panel.tsx';
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
  return (
    <ConfirmPanel
      title={tr('deleteConfirmTitle', {
        reference: item.reference,
        service: item.programName[language],
      })}
      headingLevel={2}
      regionId="delete-draft-title"
      className="margin-y-2"
      focusKey={item.id}
      body={tr('deleteConfirmBody')}
      error={remove.isError ? remove.error : null}
      confirmLabel={remove.isPending ? tr('deleting') : tr('deleteYes')}
      busy={remove.isPending}
      onConfirm={() => remove.mutate(item.id, { onSuccess: onDeleted })}
      cancelLabel={tr('deleteCancel')}
      onCancel={onCancel}
    />
  );
}
