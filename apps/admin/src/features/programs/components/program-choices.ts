import type { ProgramDraft } from '@hms/contracts/program-admin';

/** Who a program may pay, in the order its select lists them; each is named by the message `payee_<type>`. */
export const PAYEE_TYPES = ['individual', 'business'] as const satisfies ReadonlyArray<
  ProgramDraft['payeeType']
>;

/** Whether a new account gets a test entry first; each is named by the message `prenote_<policy>`. */
export const PRENOTE_POLICIES = ['none', 'new_accounts'] as const satisfies ReadonlyArray<
  ProgramDraft['prenotePolicy']
>;
