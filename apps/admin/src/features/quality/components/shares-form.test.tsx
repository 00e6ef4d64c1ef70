import { LanguageProvider } from '@hms/ui';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import type { QualityShares } from '../api/quality-shares.ts';
import { SharesForm } from './shares-form.tsx';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const shares: QualityShares = {
  programId: '0190a0e0-0000-7000-8000-000000000001',
  programName: 'Home Energy Rebate',
  humanShareBasisPoints: 250,
  automatedShareBasisPoints: 1_000,
  changedBy: null,
  changedAt: null,
};

function renderForm() {
  const onSave = vi.fn();
  const view = render(
    <LanguageProvider>
      <SharesForm shares={shares} saving={false} onSave={onSave} />
    </LanguageProvider>,
  );
  return { onSave, view };
}

describe('the sampling shares form', () => {
  it('shows each share as a percent in its own labelled field and saves both as basis points', async () => {
    const { onSave, view } = renderForm();
    const human = screen.getByLabelText(/Share of people’s decisions to re-check/);
    const automated = screen.getByLabelText(/Share of approvals by decision rules to re-check/);
    expect(human).toHaveProperty('value', '2.5');
    expect(automated).toHaveProperty('value', '10');
    expect(await axeViolations(view.container)).toEqual([]);

    await userEvent.clear(automated);
    await userEvent.type(automated, '12.75');
    await userEvent.click(screen.getByRole('button', { name: 'Save the shares' }));
    expect(onSave).toHaveBeenCalledWith(
      { humanShareBasisPoints: 250, automatedShareBasisPoints: 1_275 },
      expect.any(Function),
    );
  });

  it('names the field that is not a share and does not save', async () => {
    const { onSave } = renderForm();
    const human = screen.getByLabelText(/Share of people’s decisions to re-check/);
    await userEvent.clear(human);
    await userEvent.type(human, '101');
    await userEvent.click(screen.getByRole('button', { name: 'Save the shares' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(human.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText(/Enter a percent from 0 to 100/).length).toBeGreaterThan(0);
    expect(
      screen
        .getByLabelText(/Share of approvals by decision rules to re-check/)
        .getAttribute('aria-invalid'),
    ).not.toBe('true');
  });
});
