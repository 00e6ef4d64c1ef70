import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadErrorMessages } from './error-messages.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { TextField } from './Field.tsx';
import { problemFieldErrors, useFormErrors } from './form-errors.ts';
import type { FormErrors, FormField } from './form-errors.ts';
import { LanguageProvider } from './i18n.tsx';
import { PageTitle } from './PageTitle.tsx';

const FIELDS: FormField<'name' | 'scopes'>[] = [
  { name: 'name', id: 'name' },
  { name: 'scopes', id: 'scope-a' },
];

describe('problemFieldErrors', () => {
  it('maps body.x, body.x.0 and query.x to the form field x; keeps errors about anything else', () => {
    const problem = {
      status: 400,
      errors: [
        { field: 'body.scopes.0', message: 'Unknown scope.' },
        { field: 'body.name', message: 'Too long.' },
        { field: 'body.name', message: 'No control characters.' },
        { field: 'body.other', message: 'Something else.' },
      ],
    };
    expect(problemFieldErrors(problem, FIELDS)).toEqual({
      byField: { name: ['Too long.', 'No control characters.'], scopes: ['Unknown scope.'] },
      other: ['Something else.'],
    });
    expect(problemFieldErrors(new TypeError('offline'), FIELDS)).toEqual({
      byField: {},
      other: [],
    });
  });
  it("shows a refusal the field expects in the catalog's words for the problem code, in the reader's language", async () => {
    await loadErrorMessages('es');
    const amount: FormField<'approvedAmountCents'>[] = [
      {
        name: 'approvedAmountCents',
        id: 'amount',
        refusals: ['decision.amount_above_program_max'],
      },
    ];
    const refusal = (code: string) => ({
      status: 400,
      code,
      params: { limitCents: 100_000 },
      errors: [
        {
          field: 'body.approvedAmountCents',
          message: 'approvedAmountCents ($1,500.00) is more than the program maximum of $1,000.00.',
        },
      ],
    });
    expect(problemFieldErrors(refusal('decision.amount_above_program_max'), amount, 'es')).toEqual({
      byField: {
        approvedAmountCents: [
          'El monto es mayor que el máximo del programa. Apruebe como máximo $1,000.00.',
        ],
      },
      other: [],
    });
    // A code the field does not expect keeps the server's own text.
    expect(
      problemFieldErrors(refusal('decision.amount_above_budget'), amount, 'es').byField,
    ).toEqual({
      approvedAmountCents: [
        'approvedAmountCents ($1,500.00) is more than the program maximum of $1,000.00.',
      ],
    });
  });
});

let api: FormErrors<'name' | 'scopes'>;
function Form() {
  return (
    <LanguageProvider initialLanguage="en">
      <FormBody />
    </LanguageProvider>
  );
}

function FormBody() {
  const errors = useFormErrors(FIELDS);
  api = errors;
  return (
    <>
      <PageTitle>Service tokens</PageTitle>
      <ErrorSummary {...errors.summary} />
      {errors.problem ? <p>problem shown</p> : null}
      <TextField id="name" label="Name" error={errors.error('name')} />
      <input id="scope-a" type="checkbox" aria-label="Scope A" />
    </>
  );
}

describe('useFormErrors', () => {
  it('drives the summary (focus, links in form order) and the "Error:" title, from checks and server errors', async () => {
    render(<Form />);
    expect(document.title).toBe('Service tokens | HMS — Health & Money Services');
    act(() => {
      expect(api.check({ name: undefined, scopes: 'Choose a scope.' })).toBe(true);
    });
    const summary = screen.getByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(document.title).toBe('Error: Service tokens | HMS — Health & Money Services');
    expect(
      within(summary).getByRole('link', { name: 'Choose a scope.' }).getAttribute('href'),
    ).toBe('#scope-a');

    // Server errors replace the form's own, in form order; the focus comes back to the summary.
    screen.getByLabelText('Name').focus();
    act(() =>
      api.fail({
        status: 400,
        errors: [
          { field: 'body.scopes', message: 'Unknown scope.' },
          { field: 'body.name', message: 'Name is taken.' },
        ],
      }),
    );
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('alert')));
    expect(
      within(screen.getByRole('alert'))
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Name is taken.', 'Unknown scope.']);
    expect(document.getElementById('name-error')!.textContent).toBe('Name is taken.');
    fireEvent.click(screen.getByRole('link', { name: 'Name is taken.' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));

    // A failure not about fields is a problem to show, not a summary; the title loses "Error:" with the summary.
    act(() => api.fail({ status: 409, title: 'Conflict' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('problem shown')).toBeTruthy();
    expect(document.title).toBe('Service tokens | HMS — Health & Money Services');

    act(() => {
      expect(api.check({ name: 'Enter a name.' })).toBe(true);
    });
    expect(document.title.startsWith('Error: ')).toBe(true);
    act(() => api.clear());
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.title).toBe('Service tokens | HMS — Health & Money Services');
  });
});
