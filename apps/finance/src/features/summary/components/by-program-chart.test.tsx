import { LanguageProvider } from '@hms/ui';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { ByProgramChart } from './by-program-chart.tsx';

afterEach(cleanup);

const row = (id: string, name: string, a: number, p: number, paid: number, r: number) => ({
  programId: id,
  programName: { en: name, es: `${name} (es)` },
  approvedCents: a,
  pendingCents: p,
  paidCents: paid,
  returnedCents: r,
  requestCount: 1,
});

describe('ByProgramChart', () => {
  it('scales bars to the largest amount and states every value in its text alternative', async () => {
    const { container } = render(
      <LanguageProvider initialLanguage="en">
        <ByProgramChart
          rows={[
            row('a', 'Rebate', 100_00, 50_00, 25_00, 0),
            row('b', 'Grant', 200_00, 0, 200_00, 10_00),
          ]}
        />
      </LanguageProvider>,
    );
    const img = screen.getByRole('img', { name: /Money by program/ });
    expect(img.querySelector('desc')!.textContent).toBe(
      'Rebate: Approved $100.00, Pending payment $50.00, Paid $25.00, Returned $0.00. Grant: Approved $200.00, Pending payment $0.00, Paid $200.00, Returned $10.00',
    );
    const widths = [...container.querySelectorAll('rect')].map((r) =>
      Number(r.getAttribute('width')),
    );
    expect(widths).toEqual([320, 160, 80, 0, 640, 0, 640, 32]);
    expect(await axeViolations(container)).toEqual([]);
  });
});
