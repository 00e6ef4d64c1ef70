import type { QuestionSet } from '@hms/contracts/question-set';
import { LanguageProvider } from '@hms/ui';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RenderDocument } from './question-field.tsx';
import { StepForm } from './step-form.tsx';
import { StepIndicator } from './step-indicator.tsx';
import { choiceQuestion, t } from '@hms/contracts/question-set.test-helper';

afterEach(() => {
  // Unmounted before the rest is reset (the shared set-up's clean-up runs after this one).
  cleanup();
  localStorage.clear();
});

const DOC = '0190c1a2-7b3e-7c3d-8f3a-1b2c3d4e5f60';
const SET: QuestionSet = {
  steps: [
    {
      id: 'one',
      title: t('Your home', 'Su vivienda'),
      questions: [
        choiceQuestion('county', 'select', t('County', 'Condado'), [
          ['north', 'North', 'Norte'],
          ['south', 'South', 'Sur'],
        ]),
        {
          id: 'proof',
          type: 'document',
          label: t('Proof of address', 'Comprobante de domicilio'),
          hint: t('A bill', 'Una factura'),
          required: true,
        },
      ],
    },
  ],
};

/** A document field that "uploads" by adding a fixed id: what the form does with the value is under test. */
const fakeDocument: RenderDocument = ({ id, label, hint, error, value, onChange }) => (
  <div>
    <span id={`${id}-label`}>{label}</span>
    {hint ? <span>{hint}</span> : null}
    {error ? <span role="note">{error}</span> : null}
    <button type="button" id={id} onClick={() => onChange([...value, DOC])}>
      Attach
    </button>
  </div>
);

describe('the shared citizen StepForm', () => {
  it('renders the step in Spanish with the document slot it is given, and saves what the slot chose', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn(async () => undefined);
    render(
      <LanguageProvider initialLanguage="es">
        <StepForm
          questionSet={SET}
          step={SET.steps[0]!}
          answers={{}}
          renderDocument={fakeDocument}
          onSave={onSave}
        />
      </LanguageProvider>,
    );
    expect(screen.getByLabelText('Condado')).toBeTruthy();
    expect(screen.getByText('Comprobante de domicilio')).toBeTruthy();
    expect(screen.getByText('Una factura')).toBeTruthy();
    expect(screen.getByRole('option', { name: '- Seleccione -' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Guardar y continuar' }));
    const summary = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(
      within(summary)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['#q-county', '#q-proof']);
    expect(onSave).not.toHaveBeenCalled();

    await user.selectOptions(screen.getByLabelText('Condado'), 'south');
    await user.click(screen.getByRole('button', { name: 'Attach' }));
    await user.click(screen.getByRole('button', { name: 'Guardar y continuar' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ county: 'south', proof: [DOC] }));
  }, 20_000);

  it('shows the step indicator with the current step', () => {
    render(
      <LanguageProvider initialLanguage="en">
        <StepIndicator
          steps={[
            { id: 'a', title: 'First', complete: true },
            { id: 'b', title: 'Second', complete: false },
          ]}
          currentId="b"
        />
      </LanguageProvider>,
    );
    expect(screen.getByText('Step 2 of 2')).toBeTruthy();
    expect(document.querySelector('[aria-current="step"]')?.textContent).toContain('Second');
  });
});
