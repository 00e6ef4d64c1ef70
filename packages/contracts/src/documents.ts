/**
 * Uploaded documents (receipts, tax returns, letters): the accepted types, the size limit, and the content check
 * by magic bytes that both the browser (to refuse early) and the API (to decide) run.
 */
import { z } from 'zod';
import { DOCUMENT_MIME_TYPES, type DocumentMimeType } from './question-set.ts';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_FILENAME_LENGTH = 200;

/** The type a file really is, read from its first bytes (never from its name or the browser's guess). */
export function sniffDocumentType(bytes: Uint8Array): DocumentMimeType | null {
  const starts = (sig: readonly number[]) =>
    bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}

export const documentRefusals = {
  empty: {
    en: 'The selected file is empty. Choose a file that has your document in it.',
    es: 'El archivo seleccionado está vacío. Elija un archivo que contenga su documento.',
  },
  tooLarge: {
    en: 'The selected file must be smaller than 10 MB. Try a smaller scan or photo.',
    es: 'El archivo seleccionado debe pesar menos de 10 MB. Pruebe con un escaneo o foto más pequeño.',
  },
  wrongType: {
    en: 'The selected file must be a PDF, JPG or PNG. Its content is not one of those, whatever its name says.',
    es: 'El archivo seleccionado debe ser PDF, JPG o PNG. Su contenido no es de ninguno de esos tipos, diga lo que diga su nombre.',
  },
  missing: {
    en: 'Select a file to upload.',
    es: 'Seleccione un archivo para subir.',
  },
} as const;

export const documentSchema = z.object({
  id: z.string(),
  filename: z.string(),
  mimeType: z.enum(DOCUMENT_MIME_TYPES),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  /** The document question this file answers, or null for files sent with an answer to a request for information. */
  questionId: z.string().nullable(),
  createdAt: z.string(),
});
export type DocumentInfo = z.infer<typeof documentSchema>;

export const documentIdParamsSchema = z.object({
  documentId: z.uuid({ error: 'Not a document id.' }),
});
