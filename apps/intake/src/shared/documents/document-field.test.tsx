import { LanguageProvider } from '@hms/ui';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DocumentField } from './document-field.tsx';
import type { Language } from '@hms/contracts/language';

function renderField(language: Language = 'en') {
  const onChange = vi.fn();
  render(
    <LanguageProvider initialLanguage={language}>
      <DocumentField
        id="q-receipts"
        label="Upload your receipt"
        requestId="r1"
        questionId="receipts"
        maxFiles={2}
        known={[]}
        value={[]}
        onChange={onChange}
      />
    </LanguageProvider>,
  );
  return { onChange, input: screen.getByLabelText('Upload your receipt') as HTMLInputElement };
}

describe('DocumentField', () => {
  it('refuses a file whose bytes are not a PDF or image, whatever its name, before sending it', async () => {
    const user = userEvent.setup({ applyAccept: false });
    const send = vi.spyOn(XMLHttpRequest.prototype, 'send');
    const { onChange, input } = renderField();
    await user.upload(
      input,
      new File(['MZ this is a program'], 'receipt.pdf', { type: 'application/pdf' }),
    );
    expect(await screen.findByText('The selected file must be a PDF, JPG or PNG')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('q-receipts-error');
    expect(send).not.toHaveBeenCalled();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('refuses an empty file and one over 10 MB, in Spanish', async () => {
    const user = userEvent.setup({ applyAccept: false });
    const { input } = renderField('es');
    await user.upload(input, new File([], 'vacio.png', { type: 'image/png' }));
    expect(await screen.findByText('El archivo seleccionado está vacío')).toBeTruthy();
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'grande.pdf', {
      type: 'application/pdf',
    });
    await user.upload(input, big);
    expect(
      await screen.findByText('El archivo seleccionado debe pesar menos de 10 MB'),
    ).toBeTruthy();
  });
});
