import { permitFeeRefund } from '@hms/contracts/programs-seed';
import { LanguageProvider } from '@hms/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type * as ResolversZod from '@hookform/resolvers/zod';
import { StepForm } from './step-form.tsx';

// The step's validator is downloaded when first needed. Here that download fails once (as on a phone losing signal).
let failuresLeft = 1;
vi.mock('@hookform/resolvers/zod', async (importOriginal) => {
  const real = await importOriginal<typeof ResolversZod>();
  return {
    get zodResolver() {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new TypeError('Failed to fetch dynamically imported module');
      }
      return real.zodResolver;
    },
  };
});

describe('StepForm when its validator cannot be downloaded', () => {
  it('says so instead of doing nothing, and the next Continue tries the download again', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn(async () => undefined);
    render(
      <QueryClientProvider client={new QueryClient()}>
        <LanguageProvider initialLanguage="en">
          <StepForm
            requestId="r1"
            answers={{}}
            documents={[]}
            questionSet={permitFeeRefund.questionSet}
            step={permitFeeRefund.questionSet.steps[0]!}
            onSave={onSave}
          />
        </LanguageProvider>
      </QueryClientProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/connection|internet|offline/i);

    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    // Downloaded this time: the usual error summary for the empty answers, and nothing saved.
    expect((await screen.findAllByRole('link', { name: /permit number/i })).length).toBeGreaterThan(
      0,
    );
    expect(onSave).not.toHaveBeenCalled();
  });
});
