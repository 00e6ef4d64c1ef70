import { describe, expect, it } from 'vitest';
import { answerText } from './answer-text.ts';
import { formatDate, formatDateTime, formatPhone, formatPlainDate } from './format.ts';

describe('formatPhone', () => {
  it('writes a stored US number the way people do', () => {
    expect(formatPhone('+12025550147')).toBe('(202) 555-0147');
    expect(formatPhone(' +13015550199 ')).toBe('(301) 555-0199');
  });
  it('leaves anything else as stored', () => {
    expect(formatPhone('+442071838750')).toBe('+442071838750');
    expect(formatPhone('')).toBe('');
  });
});

describe('dates in words, in the reader’s language', () => {
  it('writes a calendar date in English and Spanish, never ISO', () => {
    expect(formatPlainDate('2026-12-01', 'en')).toBe('December 1, 2026');
    expect(formatPlainDate('2026-12-01', 'es')).toBe('1 de diciembre de 2026');
    expect(formatPlainDate('not a date', 'en')).toBe('not a date');
  });
  it('writes an instant as its day in the agency’s zone', () => {
    // 03:00 UTC on 2 December is still 1 December in New York.
    expect(formatDate('2026-12-02T03:00:00Z', 'en')).toBe('December 1, 2026');
    expect(formatDate('2026-12-02T03:00:00Z', 'es')).toBe('1 de diciembre de 2026');
    expect(formatDateTime('2026-12-01T15:04:00Z', 'es')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe('answerText', () => {
  const opts = { yes: 'Yes', documentName: () => undefined };
  /** A question of this type; its label and id play no part in how the answer reads. */
  const question = (type: 'phone' | 'date') =>
    ({ id: type, type, label: { en: type, es: type }, required: false }) as const;
  it('shows a phone answer as people write it and a date answer in words', () => {
    expect(answerText(question('phone'), '+12025550147', 'en', opts)).toBe('(202) 555-0147');
    expect(answerText(question('date'), '2026-12-01', 'es', opts)).toBe('1 de diciembre de 2026');
  });
});
