import { z } from 'zod';

/** The languages every citizen-facing text is written in (English and Spanish), and a reader may choose. */
export const languageSchema = z.enum(['en', 'es']);
export type Language = z.infer<typeof languageSchema>;

/** A text shown to people, in every language. */
export const localizedTextSchema = z.object({ en: z.string(), es: z.string() });
export type LocalizedText = z.infer<typeof localizedTextSchema>;
