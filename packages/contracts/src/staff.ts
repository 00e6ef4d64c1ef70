import { z } from 'zod';
import {
  displayNameSchema,
  emailLinkTokenSchema,
  emailSchema,
  newPasswordSchema,
  signInLockFields,
} from './auth.ts';
import { languageSchema } from './language.ts';
import { pageLinksFields, pageQueryFields } from './pagination.ts';
import { staffRoles } from './staff-rules.ts';

/** Staff accounts (issue 11, item 5): the administrator's list, a person's page, invitations and role changes. */
export const staffRoleSchema = z.enum(staffRoles);

export const staffStatuses = ['invited', 'active', 'deactivated'] as const;
export const staffStatusSchema = z.enum(staffStatuses);
export type StaffStatus = z.infer<typeof staffStatusSchema>;

const rolesField = z
  .array(staffRoleSchema, { error: 'roles must be a list of staff roles.' })
  .max(staffRoles.length)
  .transform((rs) => [...new Set(rs)].sort());

export const staffListQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(100, { error: 'Search must be 100 characters or fewer.' })
    .optional()
    .describe('part of a name or email, any case'),
  status: staffStatusSchema.optional(),
  ...pageQueryFields({ defaultLimit: 25, maxLimit: 100 }),
});
export type StaffListQuery = z.input<typeof staffListQuerySchema>;

export const staffSummarySchema = z
  .object({
    id: z.string().uuid(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(staffRoleSchema),
    status: staffStatusSchema,
    createdAt: z.string(),
  })
  .meta({ id: 'StaffSummary' });
export type StaffSummary = z.infer<typeof staffSummarySchema>;

export const staffListResponseSchema = z.object({
  items: z.array(staffSummarySchema),
  ...pageLinksFields,
});
export type StaffListResponse = z.infer<typeof staffListResponseSchema>;

export const invitationStates = ['pending', 'expired', 'revoked', 'used'] as const;

export const staffInvitationSchema = z
  .object({
    state: z.enum(invitationStates),
    language: languageSchema,
    createdAt: z.string(),
    expiresAt: z.string(),
    invitedBy: z.string().nullable(),
  })
  .meta({ id: 'StaffInvitation' });

export const signInLockSchema = z.object(signInLockFields).meta({ id: 'SignInLock' });

export const staffDetailSchema = z
  .object({
    id: z.string().uuid(),
    email: z.string(),
    displayName: z.string(),
    language: languageSchema,
    roles: z.array(staffRoleSchema),
    status: staffStatusSchema,
    createdAt: z.string(),
    deactivatedAt: z.string().nullable(),
    /** The newest invitation, if any was sent. */
    invitation: staffInvitationSchema.nullable(),
    /** Failed sign-ins counted against the account (the sign-in throttle), or null when none. */
    signInLock: signInLockSchema.nullable(),
    /** Requests this person holds in the approvals queue. */
    claimedRequests: z.number().int(),
    /** True when this is the signed-in administrator. */
    isYou: z.boolean(),
    /** The only active administrator: their admin role cannot be removed nor they deactivated. */
    lastActiveAdmin: z.boolean(),
  })
  .meta({ id: 'StaffDetail' });
export type StaffDetail = z.infer<typeof staffDetailSchema>;

export const staffIdParamsSchema = z.object({ userId: z.string().uuid() });

export const inviteStaffBodySchema = z.object({
  email: emailSchema,
  displayName: displayNameSchema,
  roles: rolesField,
  language: languageSchema.default('en').describe('the language of the email and of the account'),
});
export type InviteStaffBody = z.input<typeof inviteStaffBodySchema>;

export const changeRolesBodySchema = z.object({ roles: rolesField });
export type ChangeRolesBody = z.input<typeof changeRolesBodySchema>;

export const deactivateResponseSchema = z.object({
  person: staffDetailSchema,
  /** Reference numbers of the requests that went back to the queue. */
  releasedRequests: z.array(z.string()),
});

export const checkInvitationBodySchema = z.object({ token: emailLinkTokenSchema });
export const invitationInfoSchema = z
  .object({
    email: z.string(),
    displayName: z.string(),
    language: languageSchema,
    expiresAt: z.string(),
  })
  .meta({ id: 'InvitationInfo' });

export const acceptInvitationBodySchema = z.object({
  token: emailLinkTokenSchema,
  password: newPasswordSchema,
});
export type AcceptInvitationBody = z.input<typeof acceptInvitationBodySchema>;
export const acceptInvitationResponseSchema = z.object({ email: z.string() });

/** Why an invitation link does not work (params.reason of staff.invitation_invalid). */
export const invitationRefusals = ['unknown', 'used', 'expired', 'revoked'] as const;
export type InvitationRefusal = (typeof invitationRefusals)[number];

export const INVITATION_HOURS = 72;
