import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  MAX_DOCUMENT_BYTES,
  documentIdParamsSchema,
  documentRefusals,
  documentSchema,
} from '@hms/contracts/documents';
import { requestIdParamsSchema } from '@hms/contracts/requests';
import { identifierSchema } from '@hms/contracts/question-set';
import { problemResponses } from '../../platform/problem-responses.ts';
import { acceptFileUpload, uploadedFile } from '../../platform/file-upload.ts';
import { routeGroup } from '../../platform/route-options.ts';
import { currentUser } from '../../platform/auth/plugin.ts';
import * as service from './service.ts';
import { languageSchema } from '@hms/contracts/language';

const citizen = routeGroup({ tag: 'documents', roles: ['citizen'], problems: [404, 409] });
/** A stored file's readers: its citizen, and the approvers once its request is submitted. */
const readers = routeGroup({
  tag: 'documents',
  roles: ['citizen', 'approver', 'senior_approver'],
  problems: [404, 409],
});

/** A citizen's upload of a file to one request. */
export const documentUploadRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  await acceptFileUpload(app, { fileSize: MAX_DOCUMENT_BYTES, fields: 0 });

  app.post(
    '',
    citizen({
      operationId: 'uploadDocument',
      summary:
        'Upload one file (PDF, JPEG or PNG, up to 10 MB) to an own draft or an open request for information',
      description:
        'Roles: citizen. multipart/form-data with one part named "file". The type is read from the bytes, not ' +
        'the name: anything else gets 415, over 10 MB gets 413. questionId names the document question it ' +
        'answers (drafts); leave it out for files sent with an answer to a request for more information.',
      consumes: ['multipart/form-data'],
      params: requestIdParamsSchema,
      querystring: z.object({
        questionId: identifierSchema.optional(),
        language: languageSchema.optional(),
      }),
      response: { 201: documentSchema, ...problemResponses(413, 415) },
    }),
    async (request, reply) => {
      const user = currentUser(request);
      const language = request.query.language ?? user.language;
      const { part, content } = await uploadedFile(request, {
        missing: () => service.refusal(400, documentRefusals.missing[language]),
        tooLarge: () => service.refusal(413, documentRefusals.tooLarge[language]),
      });
      const doc = await service.upload(db, user, request.ip || null, {
        requestId: request.params.requestId,
        questionId: request.query.questionId ?? null,
        filename: part.filename,
        content,
        language,
      });
      return reply.code(201).send(doc);
    },
  );
};

/** One stored file: read it (citizen or staff), delete it (its citizen). */
export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/:documentId',
    readers({
      operationId: 'downloadDocument',
      summary: 'Download a document',
      description:
        'Roles: citizen, approver, senior_approver. A citizen gets only their own documents; reviewers get the ' +
        'documents of submitted requests. Anything else is 404, the same as a missing file.',
      params: documentIdParamsSchema,
      response: {
        200: z
          .string()
          .describe('The file bytes, with its Content-Type')
          .meta({ format: 'binary' }),
      },
    }),
    async (request, reply) => {
      const { info, content } = await service.download(
        db,
        currentUser(request),
        request.params.documentId,
      );
      const ascii = info.filename.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
      return (
        reply
          .header('content-type', info.mime_type)
          .header(
            'content-disposition',
            `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(info.filename)}`,
          )
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .header('x-document-sha256', info.sha256)
          // A Buffer is sent as is (never through the response serializer).
          .send(content as unknown as string)
      );
    },
  );

  app.delete(
    '/:documentId',
    citizen({
      operationId: 'deleteDocument',
      summary: 'Remove a file from an own draft',
      description:
        'Roles: citizen. Only while the request is a draft; submitted files are kept (409).',
      params: documentIdParamsSchema,
      response: { 204: z.null() },
    }),
    async (request, reply) => {
      await service.remove(db, currentUser(request), request.ip || null, request.params.documentId);
      return reply.code(204).send(null);
    },
  );
};
