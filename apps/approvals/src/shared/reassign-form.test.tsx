import { LanguageProvider, PageTitle } from '@hms/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { focusedErrorSummary } from '@hms/ui/render-at';
import { describe, expect, it } from 'vitest';
import { fakeApi, type FakeCall, type FakeReply } from '@hms/api-client/fake-api';
import { ReassignForm, reassignTarget, type ReassignTarget } from './reassign-form.tsx';
import { axeViolations } from './axe.test-helper.ts';
import type { Language } from '@hms/contracts/language';

const target: ReassignTarget = {
  id: '00000000-0000-7000-8000-000000000001',
  reference: 'HMS-AAAA-0001-X',
  assigneeName: 'Avery Approver',
  rules: {
    status: 'in_review',
    applicantId: 'applicant-1',
    assigneeId: 'a1',
    firstApproverId: null,
  },
};

let calls: FakeCall[] = [];
/** The inbox's approvers, and the assignment POST answered by `assignment`. */
function serve(assignment: () => FakeReply) {
  calls = fakeApi({
    'GET /api/inbox/approvers': () => ({
      body: {
        items: [
          { id: 'a1', name: 'Avery Approver', roles: ['approver'] },
          { id: 's2', name: 'Sasha Second', roles: ['senior_approver'] },
        ],
      },
    }),
    [`POST /api/requests/${target.id}/assignment`]: assignment,
  });
}
const posts = () => calls.filter((c) => c.method === 'POST').map((c) => c.body);

function renderForm(language: Language = 'en', request: ReassignTarget = target) {
  return render(
    <QueryClientProvider
      client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
    >
      <LanguageProvider initialLanguage={language}>
        <PageTitle>Inbox</PageTitle>
        <ReassignForm request={request} onClose={() => undefined} />
      </LanguageProvider>
    </QueryClientProvider>,
  );
}

describe('ReassignForm', () => {
  it('a request a decision rule referred to a senior approver is offered to senior approvers only, as the API checks', async () => {
    serve(() => ({ status: 500, body: {} }));
    // As an inbox row (or the review) gives it: nobody holds it yet.
    const row = {
      id: target.id,
      reference: target.reference,
      status: 'submitted' as const,
      assignee: null,
      referredToSenior: true,
    };
    renderForm('en', reassignTarget(row, { applicantId: 'applicant-1', firstApproverId: null }));
    const select = await screen.findByLabelText('Give it to');
    const people = within(select)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(people.some((p) => p?.startsWith('Sasha Second'))).toBe(true);
    expect(people.some((p) => p?.startsWith('Avery Approver'))).toBe(false);
  });

  it('no person chosen: the summary takes focus, names the fix, links to the list; the title starts with "Error:"', async () => {
    serve(() => ({ status: 500, body: {} }));
    const { container } = renderForm();
    await screen.findByLabelText('Give it to');
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    const { summary } = await focusedErrorSummary();
    expect(document.title.startsWith('Error: Inbox')).toBe(true);
    const link = within(summary).getByRole('link', { name: 'Choose the person to give it to.' });
    expect(link.getAttribute('href')).toBe(`#reassign-${target.id}-person`);
    fireEvent.click(link);
    expect(document.activeElement).toBe(screen.getByLabelText('Give it to'));
    expect(document.getElementById(`reassign-${target.id}-person-error`)!.textContent).toBe(
      'Choose the person to give it to.',
    );
    expect(await axeViolations(container)).toEqual([]);
    expect(posts()).toEqual([]);
  });

  it('a person the server refuses brings the choice back with the refusal on it, in the reader’s language', async () => {
    serve(() => ({
      status: 400,
      body: {
        type: 'https://hms.example.gov/problems/request.assignee_invalid',
        code: 'request.assignee_invalid',
        title: 'Your request has errors',
        status: 400,
        detail: 'Sasha Second is no longer an approver.',
        errors: [{ field: 'body.assigneeId', message: 'Sasha Second is no longer an approver.' }],
      },
    }));
    const { container } = renderForm('es');
    const select = await screen.findByLabelText('Asignarla a');
    fireEvent.change(select, { target: { value: 's2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continuar' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sí, reasignar' }));

    const { summary } = await focusedErrorSummary();
    expect(posts()).toEqual([{ assigneeId: 's2' }]);
    const spanish = 'Esta persona no puede tomar esta solicitud. Elija a otra.';
    expect(within(summary).getByRole('link', { name: spanish }).getAttribute('href')).toBe(
      `#reassign-${target.id}-person`,
    );
    expect(document.getElementById(`reassign-${target.id}-person-error`)!.textContent).toBe(
      spanish,
    );
    expect((screen.getByLabelText('Asignarla a') as HTMLSelectElement).value).toBe('s2');
    expect(document.title.startsWith('Error:')).toBe(true);
    expect(await axeViolations(container)).toEqual([]);
  });
});
