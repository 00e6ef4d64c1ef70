import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Alert } from './Alert.tsx';

describe('Alert', () => {
  it('writes the USWDS alert: its tone, slim, spacing and role, the sentence in the alert text', () => {
    const { container } = render(
      <Alert tone="warning" slim className="margin-y-2" role="alert">
        The service is closed.
      </Alert>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.className).toBe('usa-alert usa-alert--warning usa-alert--slim margin-y-2');
    expect(alert.querySelector('.usa-alert__body > p.usa-alert__text')?.textContent).toBe(
      'The service is closed.',
    );
    expect(container.querySelector('.usa-alert__heading')).toBeNull();
  });

  it('heads the sentence with the alert heading, at the level asked for', () => {
    const { rerender } = render(
      <Alert tone="info" heading="Not accepting applications">
        The budget is spent.
      </Alert>,
    );
    const h2 = screen.getByRole('heading', { level: 2, name: 'Not accepting applications' });
    expect(h2.className).toBe('usa-alert__heading');
    expect(h2.nextElementSibling?.textContent).toBe('The budget is spent.');
    rerender(
      <Alert tone="info" heading="Not accepting applications" headingLevel={3}>
        The budget is spent.
      </Alert>,
    );
    expect(screen.getByRole('heading', { level: 3 })).toBeTruthy();
  });

  it('puts its action after the sentence, inside the alert', () => {
    render(
      <Alert
        tone="warning"
        role="alert"
        heading="Changed elsewhere"
        action={<button>Reload</button>}
      >
        Someone saved a newer version.
      </Alert>,
    );
    const button = screen.getByRole('button', { name: 'Reload' });
    expect(button.parentElement?.className).toBe('usa-alert__body');
    expect(button.previousElementSibling?.textContent).toBe('Someone saved a newer version.');
  });
});
