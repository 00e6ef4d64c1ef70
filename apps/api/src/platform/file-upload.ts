import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart, { type MultipartFile } from '@fastify/multipart';

/**
 * An upload of one file: a multipart/form-data body whose part named "file" comes after at most `fields` plain
 * fields, the file at most `fileSize` bytes. Registered on the calling plugin only, so only its routes parse
 * multipart bodies (the document upload, the import upload).
 */
export async function acceptFileUpload(
  app: FastifyInstance,
  limits: { fileSize: number; fields: number },
): Promise<void> {
  await app.register(multipart, {
    limits: {
      fileSize: limits.fileSize,
      files: 1,
      fields: limits.fields,
      parts: limits.fields + 1,
      headerPairs: 100,
    },
  });
}

/** The route's own problems for a body without a part named "file", and for a file over the size limit. */
interface UploadRefusals {
  missing: () => Error;
  tooLarge: () => Error;
}

/** The part named "file" (its fields read before it) and its bytes, whole: `fileSize` bounds them. */
export async function uploadedFile(
  request: FastifyRequest,
  refuse: UploadRefusals,
): Promise<{ part: MultipartFile; content: Buffer }> {
  if (!request.isMultipart()) throw refuse.missing();
  try {
    const part = await request.file();
    if (!part || part.fieldname !== 'file') throw refuse.missing();
    return { part, content: await part.toBuffer() };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw refuse.tooLarge();
    throw err;
  }
}
