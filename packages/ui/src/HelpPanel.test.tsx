import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { HelpPanel, defineHelp } from './HelpPanel.tsx';
import { LanguageProvider, type Language } from './i18n.tsx';

const help = defineHelp({
  en: {
    purpose: 'Build a batch from pending payments.',
    check: ['The amounts', 'The accounts'],
    next: 'A supervisor releases it.',
  },
  es: {
    purpose: 'Arme un lote con los pagos pendientes.',
    check: ['Los montos', 'Las cuentas'],
    next: 'Un supervisor lo libera.',
  },
});

const show = (language: Language) =>
  render(
    <LanguageProvider initialLanguage={language}>
      <h1>Page</h1>
      <HelpPanel content={help} />
    </LanguageProvider>,
  );

describe('HelpPanel', () => {
  // A native details/summary: the browser makes the summary focusable and opens it with Enter or Space (the e2e
  // practice spec opens one from the keyboard); jsdom only implements the click.
  it('is a closed "About this page" disclosure that the summary opens', async () => {
    show('en');
    const panel = screen.getByTestId('help-panel') as HTMLDetailsElement;
    expect(panel.tagName).toBe('DETAILS');
    expect(panel.open).toBe(false);
    const summary = screen.getByText('About this page');
    expect(summary.tagName).toBe('SUMMARY');
    await userEvent.click(summary);
    expect(panel.open).toBe(true);
  });

  it('says what the page is for, what to check and what happens next, without adding headings', () => {
    show('en');
    const terms = screen.getAllByRole('term').map((t) => t.textContent);
    expect(terms).toEqual(['What this page is for', 'What to check', 'What happens next']);
    expect(screen.getByText('Build a batch from pending payments.')).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'The amounts',
      'The accounts',
    ]);
    expect(screen.getByText('A supervisor releases it.')).toBeTruthy();
    expect(screen.getAllByRole('heading')).toHaveLength(1);
  });

  it('speaks Spanish to a Spanish reader', () => {
    show('es');
    expect(screen.getByText('Acerca de esta página').tagName).toBe('SUMMARY');
    expect(screen.getByText('Qué revisar')).toBeTruthy();
    expect(screen.getByText('Arme un lote con los pagos pendientes.')).toBeTruthy();
    expect(screen.queryByText('Build a batch from pending payments.')).toBeNull();
  });
});
