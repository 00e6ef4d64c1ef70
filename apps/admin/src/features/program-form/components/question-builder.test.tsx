import type { Language } from '@hms/contracts/language';
import { QUESTION_TYPES, type Question, type QuestionSet } from '@hms/contracts/question-set';
import { LanguageProvider } from '@hms/ui';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { QUESTION_TYPE_NAMES } from '../messages.ts';
import { QuestionBuilder } from './question-builder.tsx';
import { emptyQuestionSet } from './question-set-edit.ts';
import { choiceQuestion, t, YES_NO } from '@hms/contracts/question-set.test-helper';

afterEach(() => {
  // Unmounted before the rest is reset (the shared set-up's clean-up runs after this one).
  cleanup();
  localStorage.clear();
});

const text = (id: string, en: string, es = `${en} (es)`): Question => ({
  id,
  type: 'text',
  label: t(en, es),
  required: false,
});

/** The builder in a host that keeps its value, as the program editor page does; `current()` reads it. */
function renderBuilder(initial: QuestionSet, language: Language = 'en', onHostSubmit?: () => void) {
  let latest = initial;
  function Host() {
    const [value, setValue] = useState(initial);
    return (
      <QuestionBuilder
        value={value}
        onChange={(next) => {
          latest = next;
          setValue(next);
        }}
      />
    );
  }
  const view = render(
    <LanguageProvider initialLanguage={language}>
      {onHostSubmit ? (
        // The program editor holds the builder inside its own form, which saves the draft on submit.
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onHostSubmit();
          }}
        >
          <Host />
        </form>
      ) : (
        <Host />
      )}
    </LanguageProvider>,
  );
  return { ...view, current: () => latest };
}

const order = (set: QuestionSet) => set.steps.flatMap((s) => s.questions.map((q) => q.id));

describe('QuestionBuilder', () => {
  it('adds a question of every type, each shown in the preview, with no axe violations', async () => {
    const { container, current } = renderBuilder(emptyQuestionSet());
    for (const type of QUESTION_TYPES) {
      // fireEvent and ids rather than user-event and roles: jsdom computes every accessible name on each role query,
      // which on a page of eleven question cards takes seconds.
      fireEvent.change(document.getElementById('qb-step-0-add-type')!, { target: { value: type } });
      fireEvent.click(document.getElementById('qb-step-0-add')!);
    }
    const questions = current().steps[0]!.questions;
    expect(questions.map((q) => q.type)).toEqual([...QUESTION_TYPES]);
    expect(new Set(questions.map((q) => q.id)).size).toBe(QUESTION_TYPES.length);
    // Focus goes to the new question's English text, and the change is announced.
    expect(document.activeElement?.id).toBe(`qb-0-${QUESTION_TYPES.length - 1}-label-en`);
    expect(screen.getByTestId('builder-status').textContent).toBe(
      `Question ${QUESTION_TYPES.length} added: ${QUESTION_TYPE_NAMES.document.en}.`,
    );
    // Texts are still blank: the builder says so for each, and the preview shows where.
    expect(await screen.findByText(/This form has \d+ problems/)).toBeTruthy();
    const preview = screen.getByTestId('form-preview');
    expect(within(preview).getByText('[question 1 has no text in this language yet]')).toBeTruthy();

    fireEvent.change(document.getElementById('qb-0-0-label-en')!, {
      target: { value: 'Your name' },
    });
    expect(within(preview).getByLabelText('Your name')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  }, 120_000);

  it('reorders with the Move buttons from the keyboard, and with Alt + arrow keys', async () => {
    const user = userEvent.setup();
    const { current } = renderBuilder({
      steps: [
        {
          id: 'one',
          title: t('One', 'Uno'),
          questions: [text('first', 'First'), text('second', 'Second'), text('third', 'Third')],
        },
      ],
    });
    screen.getByRole('button', { name: 'Move down: First' }).focus();
    await user.keyboard('{Enter}');
    expect(order(current())).toEqual(['second', 'first', 'third']);
    // Focus follows the question to its new place, and a screen reader hears where it went.
    await waitFor(() => expect(document.activeElement?.id).toBe('qb-0-1-down'));
    expect(document.activeElement?.textContent).toBe('Move down: First');
    expect(screen.getByTestId('builder-status').textContent).toBe(
      '“First” is now question 2 of 3.',
    );
    await user.keyboard(' ');
    expect(order(current())).toEqual(['second', 'third', 'first']);
    // At the bottom Move down is disabled, so focus moves to Move up of the same question.
    await waitFor(() => expect(document.activeElement?.id).toBe('qb-0-2-up'));
    expect(
      (screen.getByRole('button', { name: 'Move down: First' }) as HTMLButtonElement).disabled,
    ).toBe(true);

    // Alt + ↑ in a text field of the card moves it too.
    screen.getByLabelText('Question (English)', { selector: '#qb-0-2-label-en' }).focus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(order(current())).toEqual(['second', 'first', 'third']);
  });

  it('offers only earlier questions (never files) for a condition, and writes the condition', async () => {
    const user = userEvent.setup();
    const { current } = renderBuilder({
      steps: [
        {
          id: 'one',
          title: t('One', 'Uno'),
          questions: [
            choiceQuestion('rent', 'radio', t('Do you rent?', '¿Alquila?'), YES_NO),
            { id: 'lease', type: 'document', label: t('Lease', 'Contrato'), required: false },
            text('landlord', 'Landlord'),
            text('notes', 'Notes'),
          ],
        },
      ],
    });
    // The first question has nothing before it to depend on.
    expect((document.getElementById('qb-0-0-showif-when') as HTMLInputElement).disabled).toBe(true);

    await user.click(document.getElementById('qb-0-3-showif-when')!);
    const choices = within(
      screen.getByLabelText('Earlier question', { selector: '#qb-0-3-showif-question' }),
    )
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(choices).toEqual(['- Choose a question -', 'Do you rent?', 'Landlord']);

    await user.click(document.getElementById('qb-0-2-showif-when')!);
    const earlier = within(
      screen.getByLabelText('Earlier question', { selector: '#qb-0-2-showif-question' }),
    )
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(earlier).toEqual(['- Choose a question -', 'Do you rent?']);
    await user.selectOptions(document.getElementById('qb-0-2-showif-question')!, 'rent');
    expect(current().steps[0]!.questions[2]!.showIf).toEqual({ questionId: 'rent', equals: 'yes' });
    // Ticking a second answer makes it "is one of".
    await user.click(document.getElementById('qb-0-2-showif-value-1')!);
    expect(current().steps[0]!.questions[2]!.showIf).toEqual({
      questionId: 'rent',
      in: ['yes', 'no'],
    });

    // The preview asks Landlord only once the earlier answer is given.
    const preview = screen.getByTestId('form-preview');
    expect(within(preview).queryByLabelText('Landlord')).toBeNull();
    await user.click(within(preview).getByLabelText('Yes'));
    expect(await within(preview).findByLabelText('Landlord')).toBeTruthy();
  }, 30_000);

  it('shows each problem beside the question it names, and in the summary, with links to the field', async () => {
    const user = userEvent.setup();
    renderBuilder({
      steps: [
        {
          id: 'one',
          title: t('Household', 'Hogar'),
          questions: [
            {
              ...text('size', 'Household size'),
              showIf: { questionId: 'county', equals: 'north' },
            },
            choiceQuestion('county', 'select', t('County', ''), [
              ['north', 'North', 'Norte'],
              ['north', 'South', 'Sur'],
            ]),
          ],
        },
      ],
    });
    const summary = await screen.findByTestId('form-problems');
    const later =
      'The question “Household size” depends on “County”, which does not come before it. A question can only depend on an earlier one.';
    expect(await within(summary).findByRole('link', { name: later })).toBeTruthy();
    expect(within(summary).getByRole('heading').textContent).toBe(
      'This form has 3 problems to fix before it can go live',
    );
    // Beside the question: in its card, and on the field.
    const sizeCard = screen.getByRole('listitem', { name: /Question 1: Household size/ });
    expect(within(sizeCard).getByRole('link', { name: later })).toBeTruthy();
    const countyCard = screen.getByRole('listitem', { name: /Question 2: County/ });
    within(countyCard).getByRole('link', {
      name: 'The text of the question “County” has no Spanish. Add the Spanish text.',
    });
    within(countyCard).getByRole('link', {
      name: 'The question “County” has two options with the value north. Give each option its own value.',
    });
    const spanish = document.getElementById('qb-0-1-label-es')!;
    expect(spanish.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('qb-0-1-label-es-error')!.textContent).toContain(
      '“County” has no Spanish',
    );

    await user.click(within(summary).getByRole('link', { name: /has no Spanish/ }));
    expect(document.activeElement).toBe(spanish);
    await user.type(spanish, 'Condado');
    await waitFor(() =>
      expect(within(summary).getByRole('heading').textContent).toBe(
        'This form has 2 problems to fix before it can go live',
      ),
    );
  }, 30_000);

  it('names the problems in Spanish for a Spanish-speaking administrator', async () => {
    renderBuilder(
      {
        steps: [
          {
            id: 'one',
            title: t('Household', 'Hogar'),
            questions: [
              { id: 'county', type: 'radio', label: t('County', 'Condado'), required: true },
            ],
          },
        ],
      },
      'es',
    );
    expect(
      await screen.findAllByText(
        'La pregunta «Condado» necesita al menos 2 opciones. Agregue opciones.',
      ),
    ).toHaveLength(3); // the summary, the question's card, and beside the Add an option button
  });

  it('previews the question in Spanish with the citizen form’s own words and checks', async () => {
    const user = userEvent.setup();
    const hostSubmit = vi.fn();
    renderBuilder(
      {
        steps: [
          {
            id: 'one',
            title: t('Your household', 'Su hogar'),
            questions: [
              {
                id: 'people',
                type: 'number',
                label: t('How many people live with you?', '¿Cuántas personas viven con usted?'),
                hint: t('Count yourself', 'Cuéntese a usted'),
                required: true,
                integer: true,
                min: 1,
              },
            ],
          },
        ],
      },
      'en',
      hostSubmit,
    );
    const preview = screen.getByTestId('form-preview');
    expect(within(preview).getByLabelText('How many people live with you?')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Español' }));
    expect(screen.getByRole('button', { name: 'Español' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(preview.getAttribute('lang')).toBe('es');
    // The administrator's own page stays in English.
    expect(document.documentElement.lang).toBe('en');
    const field = within(preview).getByLabelText('¿Cuántas personas viven con usted?');
    expect(within(preview).getByText('Cuéntese a usted')).toBeTruthy();
    expect(within(preview).getByRole('heading', { name: 'Su hogar' })).toBeTruthy();
    await user.click(within(preview).getByRole('button', { name: 'Guardar y continuar' }));
    const summary = await within(preview).findByRole('alert', {}, { timeout: 15_000 });
    expect(within(summary).getByRole('heading').textContent).toBe('Hay un problema');
    expect(field.getAttribute('aria-invalid')).toBe('true');

    await user.type(field, '3');
    await user.click(within(preview).getByRole('button', { name: 'Guardar y continuar' }));
    expect(
      await within(preview).findByRole('heading', { name: 'Fin de las preguntas' }),
    ).toBeTruthy();
  }, 30_000);
});
