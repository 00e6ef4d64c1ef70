import { fakeProgram } from '@hms/api-client/fake-api';

/** The catalog the simulation screens choose from: the Home Energy Rebate (p1) and the Permit Fee Refund (p2). */
export const simulationPrograms = [
  fakeProgram(),
  fakeProgram({
    id: 'p2',
    slug: 'permit-fee-refund',
    name: { en: 'Permit Fee Refund', es: 'Reembolso de tasas' },
  }),
];
