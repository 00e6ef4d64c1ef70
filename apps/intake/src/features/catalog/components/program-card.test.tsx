import type { Program } from '@hms/api-client';
import { fakeProgram } from '@hms/api-client/fake-api';
import { LanguageProvider } from '@hms/ui';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgramCard } from './program-card.tsx';
import type { Language } from '@hms/contracts/language';

const base = fakeProgram({
  name: { en: 'Home Energy Efficiency Rebate', es: 'Reembolso por eficiencia energética' },
  description: { en: 'Money back for insulation.', es: 'Dinero por aislamiento.' },
  eligibility: { en: 'Homeowners.', es: 'Propietarios.' },
  maxAmountCents: 200_000,
  opensAt: '2026-01-01T05:00:00.000Z',
  closesAt: '2027-12-31T05:00:00.000Z',
});

function renderCard(program: Program, language: Language = 'en') {
  render(
    <LanguageProvider initialLanguage={language}>
      <MemoryRouter>
        <ul>
          <ProgramCard program={program} />
        </ul>
      </MemoryRouter>
    </LanguageProvider>,
  );
}

afterEach(() => {
  // Unmounted before the rest is reset (the shared set-up's clean-up runs after this one).
  cleanup();
  localStorage.clear();
});

describe('ProgramCard', () => {
  it('an open program with budget left says it is open and when it closes', () => {
    renderCard(base);
    expect(screen.getByText('Open for applications')).toBeTruthy();
    expect(screen.getByText(/^Closes /)).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'Home Energy Efficiency Rebate' }).getAttribute('href'),
    ).toBe('/services/home-energy-rebate');
  });

  it('a program inside its dates whose budget is used up is not shown as open, and says why (English and Spanish)', () => {
    const full = {
      ...base,
      acceptingApplications: false,
      closedReason: 'budget_exhausted' as const,
    };
    renderCard(full);
    expect(screen.queryByText('Open for applications')).toBeNull();
    expect(screen.getByText('Budget used up')).toBeTruthy();
    expect(screen.getByText(/cannot accept new applications/)).toBeTruthy();
    cleanup();
    renderCard(full, 'es');
    expect(screen.queryByText('Abierto para solicitudes')).toBeNull();
    expect(screen.getByText('Presupuesto agotado')).toBeTruthy();
    expect(screen.getByText(/no puede aceptar nuevas solicitudes/)).toBeTruthy();
  });

  it('a program not open yet or closed says so with its date', () => {
    renderCard({
      ...base,
      isOpen: false,
      acceptingApplications: false,
      closedReason: 'not_open_yet',
      opensAt: '2030-01-01T05:00:00.000Z',
    });
    expect(screen.getByText('Not open yet')).toBeTruthy();
    expect(screen.getByText(/^Opens /)).toBeTruthy();
    cleanup();
    renderCard(
      { ...base, isOpen: false, acceptingApplications: false, closedReason: 'closed' },
      'es',
    );
    expect(screen.getByText('Cerrado')).toBeTruthy();
    expect(screen.getByText(/^Cerró el /)).toBeTruthy();
  });
});
