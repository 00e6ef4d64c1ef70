import type { Role } from '@hms/contracts/auth';

/** The demo accounts (created by the auth module's seedDemoUsers when demo seeding is on); their password is public. */
export const DEMO_PASSWORD = 'hms-demo-2026';

export const DEMO_USERS: ReadonlyArray<{ email: string; displayName: string; role: Role }> = [
  { email: 'citizen@example.gov', displayName: 'Casey Citizen', role: 'citizen' },
  { email: 'approver@example.gov', displayName: 'Avery Approver', role: 'approver' },
  { email: 'senior@example.gov', displayName: 'Sam Senior', role: 'senior_approver' },
  { email: 'finance@example.gov', displayName: 'Frankie Finance', role: 'finance' },
  { email: 'supervisor@example.gov', displayName: 'Skyler Supervisor', role: 'finance_supervisor' },
  { email: 'admin@example.gov', displayName: 'Adrian Admin', role: 'admin' },
  // A second administrator, so publishing a program under dual control can be tried (one asks, the other approves).
  { email: 'admin2@example.gov', displayName: 'Alex Admin', role: 'admin' },
];

export interface SeedResult {
  usersCreated: number;
  programsWritten: number;
}
