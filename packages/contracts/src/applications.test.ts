import { describe, expect, it } from 'vitest';
import { bankDetailsSchemaIn } from './applications.ts';

const good = {
  holderName: 'Pat Example',
  accountType: 'savings',
  routingNumber: '011 000 015',
  accountNumber: '1234-5678',
  accountNumberConfirm: '12345678',
  achAuthorization: true,
};

describe('bankDetailsSchemaIn', () => {
  it('accepts a valid account typed twice (separators ignored) and outputs digits', () => {
    const r = bankDetailsSchemaIn('en').parse(good);
    expect(r).toMatchObject({
      routingNumber: '011000015',
      accountNumber: '12345678',
      accountType: 'savings',
    });
  });
  it('names each field with a message in the chosen language', () => {
    const r = bankDetailsSchemaIn('es').safeParse({
      ...good,
      holderName: '',
      routingNumber: '011000016',
      accountNumberConfirm: '12345679',
      achAuthorization: false,
    });
    expect(r.success).toBe(false);
    const byField = Object.fromEntries(r.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(byField.holderName).toBe('Escriba el nombre del titular de la cuenta');
    expect(byField.routingNumber).toMatch(/ruta bancaria válido/);
    expect(byField.achAuthorization).toMatch(/autoriza/);
  });
  it('refuses account numbers that differ', () => {
    const r = bankDetailsSchemaIn('en').safeParse({ ...good, accountNumberConfirm: '12345679' });
    expect(r.error!.issues).toEqual([
      expect.objectContaining({
        path: ['accountNumberConfirm'],
        message: expect.stringMatching(/do not match/),
      }),
    ]);
  });
});
