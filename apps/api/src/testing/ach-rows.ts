import type { Queryable } from '../platform/db/schema.ts';
import { uuidv7 } from '../platform/db/ids.ts';

/**
 * A bank file of returns or notices of change written straight into return_files, for a fixture's returns and NOCs
 * to hang off: its hash is made from its new id (unique, never a real file's), its result empty. Returns its id.
 */
export async function insertReturnFile(
  db: Queryable,
  f: { fileName: string; uploadedBy: string; uploadedAt?: string },
): Promise<string> {
  const id = uuidv7();
  await db
    .insertInto('return_files')
    .values({
      id,
      sha256: id.replaceAll('-', '').padEnd(64, '0'),
      file_name: f.fileName,
      uploaded_by: f.uploadedBy,
      ...(f.uploadedAt === undefined ? {} : { uploaded_at: f.uploadedAt }),
      result: '{}',
    })
    .execute();
  return id;
}
