import { z } from 'zod';

export const healthResponseSchema = z.object({ status: z.literal('ok') });
export const readyResponseSchema = z.object({ status: z.literal('ready') });

export const remoteNames = ['intake', 'approvals', 'finance', 'admin'] as const;
export const remoteNameSchema = z.enum(remoteNames);
export type RemoteName = z.infer<typeof remoteNameSchema>;

// A remote entry is either an absolute path on this origin or a full http(s) URL (a CDN).
export const remoteEntrySchema = z
  .string()
  .refine((v) => v.startsWith('/') || /^https?:\/\/[^\s]+$/.test(v), {
    error: 'Use an absolute path like /remotes/intake/remoteEntry.js or an http(s) URL.',
  });

export const remotesSchema = z.object({
  intake: remoteEntrySchema,
  approvals: remoteEntrySchema,
  finance: remoteEntrySchema,
  admin: remoteEntrySchema,
});
export type Remotes = z.infer<typeof remotesSchema>;

export const remotesResponseSchema = z.object({ remotes: remotesSchema });
export type RemotesResponse = z.infer<typeof remotesResponseSchema>;
