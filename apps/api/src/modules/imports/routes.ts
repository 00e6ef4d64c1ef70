import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import {
  MAX_IMPORT_UPLOAD_BYTES,
  columnMappingProblems,
  importHeaderResponseSchema,
  importKindSchema,
  importIdParamsSchema,
  importJobParamsSchema,
  importJobSchema,
  importUploadFieldsSchema,
} from '@hms/contracts/imports';
import { problemResponses } from '../../platform/problem-responses.ts';
import { administrators } from '../../platform/route-options.ts';
import { auditedUser, currentUser } from '../../platform/auth/plugin.ts';
import { csvFileSchema, sendCsvFile } from '../../platform/csv-download.ts';
import { badRequest, HttpProblem } from '../../platform/errors.ts';
import { acceptFileUpload, uploadedFile } from '../../platform/file-upload.ts';
import { errorFile, headerOfUpload, jobOf, startUpload } from './browser-runs.ts';

const MEGABYTES = MAX_IMPORT_UPLOAD_BYTES / (1024 * 1024);

/** The upload's refusals: no part named "file", or a file larger than MAX_IMPORT_UPLOAD_BYTES. */
const refusals = {
  missing: () => badRequest('import.file_missing', 'Send the CSV file in a part named "file".'),
  tooLarge: () =>
    new HttpProblem(
      'import.file_too_large',
      413,
      'File too large',
      `The file is larger than ${MEGABYTES} MB: split it, or use the hms import command.`,
      { params: { megabytes: MEGABYTES } },
    ),
};

function fieldValue(part: MultipartFile, name: string): unknown {
  const field = part.fields[name];
  if (!field || Array.isArray(field) || field.type !== 'field') return undefined;
  return (field as MultipartValue).value;
}

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;
  await acceptFileUpload(app, { fileSize: MAX_IMPORT_UPLOAD_BYTES, fields: 3 });

  app.post(
    '/header',
    administrators({
      operationId: 'readImportHeader',
      summary: 'The header of a file to import, each column with the HMS column its name suggests',
      description:
        'Roles: admin. multipart/form-data: the field "kind" (payees | requests), then the part "file". Reads ' +
        'only the header; nothing is checked or kept. The screen shows it as the column mapping step.',
      consumes: ['multipart/form-data'],
      response: { 200: importHeaderResponseSchema, ...problemResponses(413) },
    }),
    async (request) => {
      const { part, content } = await uploadedFile(request, refusals);
      const kind = importKindSchema.safeParse(fieldValue(part, 'kind'));
      if (!kind.success)
        throw badRequest('validation.failed', 'Send "kind" (payees or requests) before the file.', [
          { field: 'kind', message: 'kind must be payees or requests.', code: 'field.invalid' },
        ]);
      return headerOfUpload(kind.data, part.filename || 'file', content);
    },
  );

  app.post(
    '',
    administrators({
      operationId: 'runImport',
      summary:
        'Start a check (dry run) or an import of a payees or requests CSV file in the background, as `hms import` does',
      description:
        'Roles: admin. multipart/form-data: the fields "kind" (payees | requests), "dryRun" (true | false) and, ' +
        'optionally, "mapping" (JSON { "file column": "HMS column" }: a file whose header uses other names), ' +
        `then the part "file" (CSV, up to ${MEGABYTES} MB; larger files go through the command). Answers 202 ` +
        'with the job at once (a file whose header cannot be read is refused now); follow it with ' +
        'GET /api/admin/imports/jobs/{jobId}. A dry run changes nothing; an import is all or nothing, and only ' +
        'one import runs at a time (409 import.already_running). When rows have errors or warnings, the result’s ' +
        'errorFile is true and GET /api/admin/imports/{importId}/error-file returns the file with an error column ' +
        'for an hour.',
      consumes: ['multipart/form-data'],
      response: { 202: importJobSchema, ...problemResponses(409, 413) },
    }),
    async (request, reply) => {
      const { part, content } = await uploadedFile(request, refusals);
      const fields = importUploadFieldsSchema.safeParse({
        kind: fieldValue(part, 'kind'),
        dryRun: fieldValue(part, 'dryRun'),
        mapping: fieldValue(part, 'mapping'),
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
                : i.path[0] === 'mapping'
                  ? 'mapping must be a JSON object: { "file column": "HMS column" }.'
                  : 'dryRun must be true or false.',
            code: 'field.invalid' as const,
          })),
        );
      const mappingProblems = columnMappingProblems(fields.data.kind, fields.data.mapping);
      if (mappingProblems.length > 0)
        throw badRequest(
          'validation.failed',
          'The column mapping names a column the format does not have, or one column twice.',
          mappingProblems.map((p) => ({ ...p, code: 'field.invalid_choice' as const })),
        );
      const job = await startUpload(
        db,
        config,
        {
          kind: fields.data.kind,
          dryRun: fields.data.dryRun,
          mapping: fields.data.mapping,
          fileName: part.filename || `${fields.data.kind}.csv`,
          content,
          actor: auditedUser(request),
        },
        app.log,
      );
      return reply.code(202).send(job);
    },
  );

  app.get(
    '/jobs/:jobId',
    administrators({
      operationId: 'getImportJob',
      summary: 'Where a background check or import is: its state, rows done so far, and its result',
      description:
        'Roles: admin. Only the admin who started it may read it. Jobs are kept in memory for an hour after they finish. ' +
        'After a restart a finished import is still told from its stored run; otherwise 404 import.job_gone ' +
        '(nothing was imported by it: run it again).',
      params: importJobParamsSchema,
      response: { 200: importJobSchema, ...problemResponses(404) },
    }),
    async (request) => jobOf(db, request.params.jobId, currentUser(request).id),
  );

  app.get(
    '/:importId/error-file',
    administrators({
      operationId: 'downloadImportErrorFile',
      summary: 'The checked file with an error column: what is wrong on each line',
      description:
        'Roles: admin. Only for the admin who ran the check, for an hour after it (kept in memory, never ' +
        'stored: the rows hold account numbers). Every row of the file in its order, the column "error" first; ' +
        'a cell a spreadsheet would run as a formula is written as text.',
      params: importIdParamsSchema,
      produces: ['text/csv'],
      response: { 200: csvFileSchema, ...problemResponses(404) },
    }),
    async (request, reply) => {
      const file = await errorFile(request.params.importId, currentUser(request).id);
      return sendCsvFile(reply, file.fileName, file.csv);
    },
  );
};
