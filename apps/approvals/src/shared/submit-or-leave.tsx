/**
 * The end of an approvals form: its submit button, then the button that leaves without sending (cancel, clear
 * the filters). The leave button is a plain link-like button, or an outline one where it closes a panel.
 */
export function SubmitOrLeave({
  submit,
  leave,
  onLeave,
  outline = false,
}: {
  submit: string;
  leave: string;
  onLeave: () => void;
  outline?: boolean;
}) {
  return (
    <div className="margin-top-2">
      <button type="submit" className="usa-button">
        {submit}
      </button>
      <button
        type="button"
        className={
          outline
            ? 'usa-button usa-button--outline'
            : 'usa-button usa-button--unstyled margin-left-2'
        }
        onClick={onLeave}
      >
        {leave}
      </button>
    </div>
  );
}
