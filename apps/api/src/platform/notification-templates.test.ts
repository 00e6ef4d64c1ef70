import { describe, expect, it } from 'vitest';
import { notificationTemplates } from './notification-templates.ts';

describe('notification templates', () => {
  it('write the arrival date of a payment in words in the reader’s language, never ISO', () => {
    const ctx = {
      reference: 'HMS-7K3Q-9FMX-4',
      programName: { en: 'Permit Fee Refund', es: 'Reembolso de tasas de permiso' },
      data: { amountCents: 12_500, accountLast4: '6789', effectiveDate: '2026-12-01' },
    };
    const en = notificationTemplates.payment_sent!(ctx, 'en');
    const es = notificationTemplates.payment_sent!(ctx, 'es');
    expect(en.body).toContain('It should arrive on December 1, 2026.');
    expect(es.body).toContain('Debería llegar el 1 de diciembre de 2026.');
    expect(en.body + es.body).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
