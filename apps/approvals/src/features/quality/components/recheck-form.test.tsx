import { LanguageProvider } from '@hms/ui';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { focusedErrorSummary } from '@hms/ui/render-at';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecheckForm } from './recheck-form.tsx';
import { axeViolations } from '../../../shared/axe.test-helper.ts';

afterEach(cleanup);

const renderForm = (language: 'en' | 'es' = 'en') => {
  const onSave = vi.fn();
  const view = render(
    <LanguageProvider initialLanguage={language}>
      <RecheckForm saving={false} onSave={onSave} />
    </LanguageProvider>,
  );
  return { onSave, ...view };
};

describe('RecheckForm', () => {
  it('refuses to send without an outcome: the summary takes focus and links to the choice', async () => {
    const { onSave, container } = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Record my decision' }));
    const { links } = await focusedErrorSummary();
    expect(links).toEqual([['Choose approve or reject', '#recheck-outcome']]);
    expect(onSave).not.toHaveBeenCalled();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('sends the outcome and the trimmed note', () => {
    const { onSave } = renderForm();
    fireEvent.click(screen.getByRole('radio', { name: 'Reject' }));
    fireEvent.change(screen.getByLabelText('Note (optional)'), {
      target: { value: '  No receipt.  ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Record my decision' }));
    expect(onSave).toHaveBeenCalledWith(
      { outcome: 'reject', note: 'No receipt.' },
      expect.any(Function),
    );
  });

  it('speaks Spanish', async () => {
    const { container } = renderForm('es');
    expect(screen.getByRole('radio', { name: 'Aprobar' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Registrar mi decisión' }));
    const { links } = await focusedErrorSummary();
    expect(links[0]![0]).toBe('Elija aprobar o rechazar');
    expect(await axeViolations(container)).toEqual([]);
  });
});
