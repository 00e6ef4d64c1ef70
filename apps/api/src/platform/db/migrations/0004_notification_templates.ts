import { sql, type Kysely } from 'kysely';

// A notification is shown in the reader's current language, not the one it was sent in: it keeps the template
// key and the values the template uses, and is rendered when read. Rows written before keep their sent text and
// get the key and values from the request event they came from.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table notifications add column template text;
    alter table notifications add column params jsonb;
    update notifications n
       set template = e.type,
           params = jsonb_build_object(
             'reference', r.reference,
             'programName', jsonb_build_object('en', p.name_en, 'es', p.name_es),
             'data', e.data
           )
      from request_events e
      join requests r on r.id = e.request_id
      join programs p on p.id = r.program_id
     where e.id = n.event_id;
  `.execute(db);
}
