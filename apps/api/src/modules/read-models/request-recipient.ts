import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

// Read model "request recipient": who is told about a step of a request (notifications/service.ts#recordRequestEvent),
// from the applications module's request, its applicant (auth's users: address and language) and its program (name,
// practice). It writes nothing.

/** Who is told about a step of this request, in which language and at which address, and what it is about. */
export async function applicantOfRequest(trx: Transaction<Database>, requestId: string) {
  return trx
    .selectFrom('requests')
    .innerJoin('users', 'users.id', 'requests.applicant_id')
    .innerJoin('programs', 'programs.id', 'requests.program_id')
    .select([
      'requests.reference',
      'requests.applicant_id',
      'users.email',
      'users.language',
      'programs.name_en',
      'programs.name_es',
      'programs.practice',
    ])
    .where('requests.id', '=', requestId)
    .executeTakeFirstOrThrow();
}
