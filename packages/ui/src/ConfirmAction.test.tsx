import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ButtonGroup } from './ButtonGroup.tsx';
import { ConfirmAction, type ConfirmActionProps } from './ConfirmAction.tsx';

const show = (props: Partial<ConfirmActionProps> = {}) => {
  const onConfirm = vi.fn();
  const onCancel = vi.fn();
  render(
    <ConfirmAction
      question="Revoke the token Ledger?"
      confirmLabel="Yes, revoke"
      cancelLabel="No, go back"
      onConfirm={onConfirm}
      onCancel={onCancel}
      {...props}
    />,
  );
  return { onConfirm, onCancel, dialog: screen.getByRole('alertdialog') };
};

describe('ConfirmAction', () => {
  it('is an alertdialog named by its question, with the confirm button focused and red', () => {
    const { dialog } = show();
    expect(screen.getByRole('alertdialog', { name: 'Revoke the token Ledger?' })).toBe(dialog);
    const yes = within(dialog).getByRole('button', { name: 'Yes, revoke' });
    expect(document.activeElement).toBe(yes);
    expect(yes.className).toBe('usa-button usa-button--secondary');
    expect(within(dialog).getAllByRole('listitem')).toHaveLength(2);
  });

  it('acts only on the confirm button and goes back on the other', () => {
    const { onConfirm, onCancel, dialog } = show();
    fireEvent.click(within(dialog).getByRole('button', { name: 'No, go back' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, revoke' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('can put focus on the question instead, so a stray Enter does not act', () => {
    const { dialog } = show({ focus: 'question', tone: 'primary', slim: true });
    const question = within(dialog).getByText('Revoke the token Ledger?');
    expect(document.activeElement).toBe(question);
    expect(question.tabIndex).toBe(-1);
    expect(within(dialog).getByRole('button', { name: 'Yes, revoke' }).className).toBe(
      'usa-button',
    );
    expect(dialog.className).toContain('usa-alert--slim');
  });

  it('turns the confirm button off while the action runs, saying so when told how', () => {
    const { onConfirm, dialog } = show({ busy: true, busyLabel: 'Working…' });
    const busy = within(dialog).getByRole('button', { name: 'Working…' }) as HTMLButtonElement;
    expect(busy.disabled).toBe(true);
    fireEvent.click(busy);
    expect(onConfirm).not.toHaveBeenCalled();
  });
});

describe('ButtonGroup', () => {
  it('makes each offered button one item and skips the ones not offered', () => {
    render(
      <ButtonGroup className="margin-top-2">
        <button type="button">One</button>
        {false}
        {null}
        <button type="button">Two</button>
      </ButtonGroup>,
    );
    const list = screen.getByRole('list');
    expect(list.className).toBe('usa-button-group margin-top-2');
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['One', 'Two']);
  });
});
