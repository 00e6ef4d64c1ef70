import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import multipart, { type MultipartFile, type MultipartValue } from '@fastify/multipart';
import { z } from 'zod';
import {
  MAX_IMPORT_UPLOAD_BYTES,
  importIdParamsSchema,
  importRunResponseSchema,
  importUploadFieldsSchema,
} from '@hms/contracts/imports';
import { problemResponses } from '../../platform/problem-responses.ts';
import { currentUser, requireRoles } from '../../platform/auth/plugin.ts';
import { badRequest, HttpProblem } from '../../platform/errors.ts';
import { errorFile, runUpload } from './browser-runs.ts';

const guarded = problemResponses(400, 401, 403);
const MEGABYTES = MAX_IMPORT_UPLOAD_BYTES / (1024 * 1024);

const tooLarge = () =>
  new HttpProblem(
    'import.file_too_large',
    413,
    'File too large',
    `The file is larger than ${MEGABYTES} MB: split it, or use the hms import command.`,
    { params: { megabytes: MEGABYTES } },
  );

const isTooLarge = (err: unknown) => (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';

function fieldValue(part: MultipartFile, name: string): unknown {
  const field = part.fields[name];
  if (!field || Array.isArray(field) || field.type !== 'field') return undefined;
  return (field as MultipartValue).value;
}

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;
  // Scoped to this plugin: only the upload route parses multipart bodies.
  await app.register(multipart, {
    limits: { fileSize: MAX_IMPORT_UPLOAD_BYTES, files: 1, fields: 2, parts: 3, headerPairs: 100 },
  });

  app.post(
    '/admin/imports',
    {
      onRequest: requireRoles('admin'),
      schema: {
        operationId: 'runImport',
        tags: ['admin'],
        summary: 'Check (dry run) or import a payees or requests CSV file, as `hms import` does',
        description:
          'Roles: admin. multipart/form-data: the fields "kind" (payees | requests) and "dryRun" (true | false), ' +
          `then the part "file" (CSV, up to ${MEGABYTES} MB; larger files go through the command). A dry run ` +
          'changes nothing; an import is all or nothing. When rows have errors or warnings, errorFile is true and ' +
          'GET /api/admin/imports/{importId}/error-file returns the file with an error column for an hour.',
        consumes: ['multipart/form-data'],
        response: { 200: importRunResponseSchema, ...guarded, ...problemResponses(413) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const missing = () =>
        badRequest('import.file_missing', 'Send the CSV file in a part named "file".');
      if (!request.isMultipart()) throw missing();
      let part: MultipartFile | undefined;
      let content: Buffer;
      try {
        part = await request.file();
        if (!part || part.fieldname !== 'file') throw missing();
        content = await part.toBuffer();
      } catch (err) {
        if (isTooLarge(err)) throw tooLarge();
        throw err;
      }
      const fields = importUploadFieldsSchema.safeParse({
        kind: fieldValue(part, 'kind'),
        dryRun: fieldValue(part, 'dryRun'),
      });
      if (!fields.success)
        throw badRequest(
          'validation.failed',
          'Send "kind" (payees or requests) and "dryRun" (true or false) before the file.',
          fields.error.issues.map((i) => ({
            field: String(i.path[0]),
            message:
              i.path[0] === 'kind'
                ? 'kind must be payees or requests.'
                : 'dryRun must be true or false.',
            code: 'field.invalid' as const,
          })),
        );
      return runUpload(db, config, {
        kind: fields.data.kind,
        dryRun: fields.data.dryRun,
        fileName: part.filename || `${fields.data.kind}.csv`,
        content,
        actor: { id: user.id, ip: request.ip || null },
      });
    },
  );

  app.get(
    '/admin/imports/:importId/error-file',
    {
      onRequest: requireRoles('admin'),
      schema: {
        operationId: 'downloadImportErrorFile',
        tags: ['admin'],
        summary: 'The checked file with an error column: what is wrong on each line',
        description:
          'Roles: admin. Only for the admin who ran the check, for an hour after it (kept in memory, never ' +
          'stored: the rows hold account numbers). Every row of the file in its order, the column "error" first; ' +
          'a cell a spreadsheet would run as a formula is written as text.',
        params: importIdParamsSchema,
        produces: ['text/csv'],
        response: {
          200: z.string().describe('CSV, RFC 4180, UTF-8'),
          ...guarded,
          ...problemResponses(404),
        },
      },
    },
    async (request, reply) => {
      const file = await errorFile(request.params.importId, currentUser(request).id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.csv);
    },
  );
};
