import { ApiProblem } from '@hms/api-client';
import { permitFeeRefund, homeEnergyRebate } from '@hms/contracts/programs-seed';
import { LanguageProvider } from '@hms/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { focusedErrorSummary } from '@hms/ui/render-at';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StepForm, type StepFormProps } from './step-form.tsx';
import type { Language } from '@hms/contracts/language';

afterEach(() => {
  // Unmounted before the rest is reset (the shared set-up's clean-up runs after this one).
  cleanup();
  localStorage.clear();
});

function renderStep(
  props: Partial<StepFormProps> & Pick<StepFormProps, 'step' | 'questionSet'>,
  language: Language = 'en',
) {
  const onSave = props.onSave ?? vi.fn(async () => undefined);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <LanguageProvider initialLanguage={language}>
        <StepForm requestId="r1" answers={{}} documents={[]} {...props} onSave={onSave} />
      </LanguageProvider>
    </QueryClientProvider>,
  );
  return { onSave };
}

const permitStep = permitFeeRefund.questionSet.steps[0]!;

describe('StepForm', () => {
  it('shows an error summary that takes focus and links to each field, with inline errors, and does not save', async () => {
    const user = userEvent.setup();
    const { onSave } = renderStep({ questionSet: permitFeeRefund.questionSet, step: permitStep });
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));

    const summary = await screen.findByRole('alert');
    expect(document.activeElement).toBe(summary);
    const links = within(summary).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '#q-permitNumber',
      '#q-datePaid',
      '#q-amountPaid',
    ]);
    // The same messages appear inline, tied to the inputs.
    const permit = screen.getByLabelText(/permit number/i);
    expect(permit.getAttribute('aria-invalid')).toBe('true');
    expect(permit.getAttribute('aria-describedby')).toContain('q-permitNumber-error');
    expect(document.getElementById('q-permitNumber-error')?.textContent).toBe(
      links[0]!.textContent,
    );
    // A link moves focus to its field.
    await user.click(links[2]!);
    expect(document.activeElement?.id).toBe('q-amountPaid');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves the validated answers (money as cents) when the step is valid', async () => {
    const user = userEvent.setup();
    const { onSave } = renderStep({ questionSet: permitFeeRefund.questionSet, step: permitStep });
    await user.type(screen.getByLabelText(/permit number/i), 'BP-2026-01234');
    const date = document.getElementById('q-datePaid') as HTMLInputElement;
    await user.type(date, '2026-02-03');
    await user.type(document.getElementById('q-amountPaid')!, '1,250.50');
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave).toHaveBeenCalledWith({
      permitNumber: 'BP-2026-01234',
      datePaid: '2026-02-03',
      amountPaid: 125050,
    });
  });

  it('maps field errors from the server onto the fields and the summary, in Spanish', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn(async () => {
      throw new ApiProblem({
        status: 400,
        title: 'Your request has errors',
        errors: [
          { field: 'body.answers.permitNumber', message: 'Número de permiso no encontrado' },
        ],
      });
    });
    renderStep(
      {
        questionSet: permitFeeRefund.questionSet,
        step: permitStep,
        onSave,
        answers: { permitNumber: 'BP-2026-01234', datePaid: '2026-02-03', amountPaid: 5000 },
      },
      'es',
    );
    expect((document.getElementById('q-amountPaid') as HTMLInputElement).value).toBe('50.00');
    await user.click(screen.getByRole('button', { name: 'Guardar y continuar' }));
    const { summary, links } = await focusedErrorSummary();
    expect(within(summary).getByRole('heading').textContent).toBe('Hay un problema');
    expect(links).toContainEqual(['Número de permiso no encontrado', '#q-permitNumber']);
  });

  it('shows a question only when its condition holds (renters are asked about permission)', async () => {
    const user = userEvent.setup();
    const homeStep = homeEnergyRebate.questionSet.steps[1]!;
    renderStep({ questionSet: homeEnergyRebate.questionSet, step: homeStep });
    expect(screen.queryByText(/landlord give you written permission/)).toBeNull();
    await user.click(screen.getByLabelText('I rent it'));
    expect(await screen.findByText(/landlord give you written permission/)).toBeTruthy();
  });
});
