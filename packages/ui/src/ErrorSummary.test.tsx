import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ErrorSummary } from './ErrorSummary.tsx';
import { TextField } from './Field.tsx';
import { LanguageProvider } from './i18n.tsx';

function Form({
  errors,
  focusKey,
}: {
  errors: { fieldId: string; message: string }[];
  focusKey?: number;
}) {
  return (
    <LanguageProvider initialLanguage="en">
      <ErrorSummary errors={errors} focusKey={focusKey} />
      <TextField
        id="email"
        name="email"
        label="Email"
        error={errors.find((e) => e.fieldId === 'email')?.message}
      />
      <TextField id="password" name="password" label="Password" />
    </LanguageProvider>
  );
}

describe('ErrorSummary', () => {
  it('renders nothing without errors', () => {
    render(<Form errors={[]} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('takes focus when errors appear and lists one link per error', () => {
    const { rerender } = render(<Form errors={[]} />);
    rerender(<Form errors={[{ fieldId: 'email', message: 'Enter your email address' }]} />);
    const summary = screen.getByRole('alert');
    expect(document.activeElement).toBe(summary);
    expect(screen.getByRole('heading', { name: 'There is a problem' })).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Enter your email address' });
    expect(link.getAttribute('href')).toBe('#email');
  });

  it('moves focus to the field when its link is followed', async () => {
    render(<Form errors={[{ fieldId: 'password', message: 'Enter your password' }]} />);
    await userEvent.click(screen.getByRole('link', { name: 'Enter your password' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Password'));
  });

  it('takes focus again on the next failed submit', () => {
    const errors = [{ fieldId: 'email', message: 'Enter your email address' }];
    const { rerender } = render(<Form errors={errors} focusKey={1} />);
    screen.getByLabelText('Email', { selector: 'input' }).focus();
    rerender(<Form errors={errors} focusKey={2} />);
    expect(document.activeElement).toBe(screen.getByRole('alert'));
  });

  it('ties the inline error to its input for screen readers', () => {
    render(<Form errors={[{ fieldId: 'email', message: 'Enter your email address' }]} />);
    const input = screen.getByLabelText('Email', { selector: 'input' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const describedBy = input.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('Enter your email address');
  });
});
