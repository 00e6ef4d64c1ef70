import type { Kysely, Transaction } from 'kysely';
import type { Role } from '@hms/contracts/auth';
import type { Language } from '@hms/contracts/language';
import {
  refusedRoleCombination,
  staffRoleLabels,
  type RoleRefusal,
  type StaffRole,
} from '@hms/contracts/staff-rules';
import {
  INVITATION_HOURS,
  type InvitationRefusal,
  type StaffDetail,
  type StaffSummary,
} from '@hms/contracts/staff';
import type { Database, UserStatus } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { auditUserChange } from '../../platform/audit.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { hashToken, newToken } from '../../platform/auth/tokens.ts';
import * as auth from '../auth/service.ts';
import * as applications from '../applications/service.ts';
import { queueAccountEmail, recordRequestEvent } from '../notifications/service.ts';
import * as repo from './repo.ts';
import { iso } from '../../platform/response-fields.ts';

/** The administrator acting (from the session), and where from (for the audit log). */
export interface Actor {
  id: string;
  displayName: string;
  ip: string | null;
}

const ROLE_MESSAGES: Record<RoleRefusal, string> = {
  'staff.roles_required': 'Choose at least one staff role.',
  'staff.roles_separation_of_duties':
    'One person cannot hold an approving role (approver, senior_approver) together with finance_supervisor: they could approve and release the same money.',
  'staff.roles_citizen_with_staff': 'A citizen account cannot also hold a staff role.',
};

/** The one role rule (@hms/contracts/staff-rules), as a 400 naming the field. */
function checkRoles(roles: readonly Role[]): void {
  const code = refusedRoleCombination(roles);
  if (code)
    throw badRequest(code, ROLE_MESSAGES[code], [
      { field: 'body.roles', message: ROLE_MESSAGES[code] },
    ]);
}

const staffRolesOf = (roles: readonly Role[]) =>
  roles.filter((r): r is StaffRole => r !== 'citizen');

async function loadOr404(db: Kysely<Database>, id: string) {
  const account = await auth.findStaffAccount(db, id);
  if (!account) throw notFound('staff.not_found', 'There is no staff account with that id.');
  return account;
}

/**
 * One change to a staff account: staff changes are serialised (auth.lockStaffChanges, so two administrators cannot
 * each remove the other's admin role), and the account is read under that lock.
 */
async function changeStaffAccount<T>(
  db: Kysely<Database>,
  id: string,
  change: (
    trx: Transaction<Database>,
    account: Awaited<ReturnType<typeof loadOr404>>,
  ) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await auth.lockStaffChanges(trx);
    return change(trx, await loadOr404(trx, id));
  });
}

function invitationState(i: { expires_at: Date; used_at: Date | null; revoked_at: Date | null }) {
  if (i.used_at) return 'used' as const;
  if (i.revoked_at) return 'revoked' as const;
  if (new Date(i.expires_at).getTime() <= Date.now()) return 'expired' as const;
  return 'pending' as const;
}

export async function list(
  db: Kysely<Database>,
  q: {
    q?: string | undefined;
    status?: UserStatus | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<{ items: StaffSummary[]; nextCursor: string | null; prevCursor: string | null }> {
  const page = await auth.listStaffAccounts(db, {
    search: q.q || undefined,
    status: q.status,
    cursor: q.cursor,
    limit: q.limit,
  });
  return {
    items: page.rows.map((r) => ({
      id: r.id,
      email: r.email,
      displayName: r.display_name,
      roles: staffRolesOf(r.roles),
      status: r.status,
      createdAt: iso(r.created_at),
    })),
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
  };
}

export async function detail(
  db: Kysely<Database>,
  id: string,
  viewerId: string,
): Promise<StaffDetail> {
  const a = await loadOr404(db, id);
  const inv = await repo.latestInvitation(db, id);
  return {
    id: a.id,
    email: a.email,
    displayName: a.display_name,
    language: a.language,
    roles: staffRolesOf(a.roles),
    status: a.status,
    createdAt: iso(a.created_at),
    deactivatedAt: a.deactivated_at ? iso(a.deactivated_at) : null,
    invitation: inv
      ? {
          state: invitationState(inv),
          language: inv.language,
          createdAt: iso(inv.created_at),
          expiresAt: iso(inv.expires_at),
          invitedBy: inv.invited_by_name,
        }
      : null,
    signInLock: await auth.signInLockOf(db, a.email),
    claimedRequests: await applications.countClaimsOf(db, id),
    isYou: id === viewerId,
    lastActiveAdmin:
      a.status === 'active' &&
      a.roles.includes('admin') &&
      (await auth.countActiveAdminsExcept(db, id)) === 0,
  };
}

/** A new link (72 hours), emailed in the person's language; every earlier link of theirs stops working. */
async function sendInvitation(
  trx: Transaction<Database>,
  publicUrl: string,
  actor: Actor,
  person: { id: string; email: string; language: Language; roles: readonly Role[] },
): Promise<void> {
  await repo.revokeOpenInvitations(trx, person.id);
  const token = newToken();
  await repo.insertInvitation(trx, {
    id: uuidv7(),
    userId: person.id,
    tokenHash: hashToken(token),
    invitedBy: actor.id,
    language: person.language,
    expiresAt: new Date(Date.now() + INVITATION_HOURS * 3600_000),
  });
  await queueAccountEmail(trx, person.email, person.language, {
    kind: 'staff-invitation',
    link: `${publicUrl}/invitation#token=${token}`,
    hours: INVITATION_HOURS,
    invitedBy: actor.displayName,
    roles: staffRolesOf(person.roles)
      .map((r) => staffRoleLabels[r][person.language])
      .join(', '),
  });
}

export async function invite(
  db: Kysely<Database>,
  publicUrl: string,
  actor: Actor,
  body: { email: string; displayName: string; roles: StaffRole[]; language: Language },
): Promise<StaffDetail> {
  checkRoles(body.roles);
  const id = await db.transaction().execute(async (trx) => {
    const created = await auth.createInvitedAccount(trx, body);
    if (!created)
      throw conflict(
        'staff.email_taken',
        'An account with that email already exists. Find it in the staff list, or invite a different email.',
      );
    await sendInvitation(trx, publicUrl, actor, { id: created, ...body });
    await auditUserChange(trx, actor, 'staff.invited', 'user', created, {
      email: body.email,
      roles: body.roles,
      language: body.language,
    });
    return created;
  });
  return detail(db, id, actor.id);
}

export async function resendInvitation(
  db: Kysely<Database>,
  publicUrl: string,
  actor: Actor,
  id: string,
): Promise<StaffDetail> {
  await changeStaffAccount(db, id, async (trx, a) => {
    if (a.status !== 'invited')
      throw conflict(
        'staff.not_invited',
        `${a.email} is ${a.status}: only a person who has not accepted yet gets a new invitation.`,
      );
    await sendInvitation(trx, publicUrl, actor, a);
    await auditUserChange(trx, actor, 'staff.invitation_resent', 'user', id, { email: a.email });
  });
  return detail(db, id, actor.id);
}

export async function revokeInvitation(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<StaffDetail> {
  await changeStaffAccount(db, id, async (trx, a) => {
    if (a.status !== 'invited')
      throw conflict('staff.not_invited', `${a.email} is ${a.status}: there is no invitation.`);
    const inv = await repo.latestInvitation(trx, id);
    if (!inv || invitationState(inv) !== 'pending')
      throw conflict('staff.no_pending_invitation', `${a.email} has no invitation that works.`);
    await repo.revokeOpenInvitations(trx, id);
    await auditUserChange(trx, actor, 'staff.invitation_revoked', 'user', id, { email: a.email });
  });
  return detail(db, id, actor.id);
}

const LAST_ADMIN =
  'This would leave no active administrator. Make someone else an administrator first.';

export async function changeRoles(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  roles: StaffRole[],
): Promise<StaffDetail> {
  await changeStaffAccount(db, id, async (trx, a) => {
    // Roles the person holds outside the staff set (none should: the rule refuses citizen) count too.
    checkRoles([...roles, ...a.roles.filter((r) => r === 'citizen')]);
    const before = staffRolesOf(a.roles);
    if (
      a.status === 'active' &&
      before.includes('admin') &&
      !roles.includes('admin') &&
      (await auth.countActiveAdminsExcept(trx, id)) === 0
    )
      throw conflict('staff.last_admin', LAST_ADMIN);
    await auth.replaceRoles(trx, id, roles);
    await auditUserChange(trx, actor, 'staff.roles_changed', 'user', id, {
      email: a.email,
      before,
      after: roles,
      added: roles.filter((r) => !before.includes(r)),
      removed: before.filter((r) => !roles.includes(r)),
    });
  });
  return detail(db, id, actor.id);
}

/**
 * The person can no longer sign in; every session of theirs ends now (their next request is 401), a link they were
 * sent stops working, and every request they hold goes back to the queue (each with its step and audit entry).
 */
export async function deactivate(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<{ person: StaffDetail; releasedRequests: string[] }> {
  const released = await changeStaffAccount(db, id, async (trx, a) => {
    if (a.status === 'deactivated')
      throw conflict('staff.already_deactivated', `${a.email} is already deactivated.`);
    if (
      a.status === 'active' &&
      a.roles.includes('admin') &&
      (await auth.countActiveAdminsExcept(trx, id)) === 0
    )
      throw conflict('staff.last_admin', LAST_ADMIN);
    const { sessionsEnded } = await auth.deactivateAccount(trx, id);
    await repo.revokeOpenInvitations(trx, id);
    const rows = await applications.releaseAllClaimsOf(trx, id);
    for (const r of rows) {
      await recordRequestEvent(trx, {
        requestId: r.id,
        type: 'released',
        actor: { id: actor.id, kind: 'user' },
        fromStatus: r.from_status,
        toStatus: r.status,
        data: { reason: 'holder_deactivated', holderId: id },
        visibleToApplicant: false,
      });
      await auditUserChange(trx, actor, 'request.release', 'request', r.id, {
        reference: r.reference,
        version: r.version,
        reason: 'holder_deactivated',
        holderId: id,
      });
    }
    await auditUserChange(trx, actor, 'staff.deactivated', 'user', id, {
      email: a.email,
      sessionsEnded,
      releasedRequests: rows.map((r) => r.reference),
    });
    return rows.map((r) => r.reference);
  });
  return { person: await detail(db, id, actor.id), releasedRequests: released };
}

export async function reactivate(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<StaffDetail> {
  await changeStaffAccount(db, id, async (trx, a) => {
    if (a.status !== 'deactivated')
      throw conflict('staff.not_deactivated', `${a.email} is ${a.status}, not deactivated.`);
    checkRoles(a.roles);
    const status = await auth.reactivateAccount(trx, a);
    await auditUserChange(trx, actor, 'staff.reactivated', 'user', id, { email: a.email, status });
  });
  return detail(db, id, actor.id);
}

/** Clears the failed sign-ins counted against the person (the sign-in throttle's Clear, audited there). */
export async function clearSignInLock(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<void> {
  const a = await loadOr404(db, id);
  await auth.clearThrottle(db, actor.id, a.email, actor.ip);
}

// ── Public: the invited person follows the link.

const INVITATION_MESSAGES: Record<InvitationRefusal, string> = {
  unknown: 'This invitation link is not valid. Open the link from the email again.',
  used: 'This invitation link was already used. Sign in with the password you chose.',
  expired: `This invitation link has expired (links work for ${INVITATION_HOURS} hours). Ask your administrator for a new one.`,
  revoked: 'This invitation link was withdrawn. Ask your administrator for a new one.',
};

function invitationInvalid(reason: InvitationRefusal) {
  return badRequest(
    'staff.invitation_invalid',
    INVITATION_MESSAGES[reason],
    [{ field: 'body.token', message: INVITATION_MESSAGES[reason] }],
    { reason },
  );
}

async function usableInvitation(trx: Transaction<Database>, token: string) {
  const inv = await repo.invitationByTokenHash(trx, hashToken(token));
  if (!inv) throw invitationInvalid('unknown');
  if (inv.used_at) throw invitationInvalid('used');
  if (inv.revoked_at || inv.status !== 'invited') throw invitationInvalid('revoked');
  if (new Date(inv.expires_at).getTime() <= Date.now()) throw invitationInvalid('expired');
  return inv;
}

export async function checkInvitation(db: Kysely<Database>, token: string) {
  return db.transaction().execute(async (trx) => {
    const inv = await usableInvitation(trx, token);
    return {
      email: inv.email,
      displayName: inv.display_name,
      language: inv.language,
      expiresAt: iso(inv.expires_at),
    };
  });
}

/** The invited person chooses a password: the account becomes active, and the link never works again. */
export async function acceptInvitation(
  db: Kysely<Database>,
  token: string,
  password: string,
  ip: string | null,
): Promise<{ email: string }> {
  return db.transaction().execute(async (trx) => {
    const inv = await usableInvitation(trx, token);
    const activated = await auth.activateInvitedAccount(
      trx,
      { id: inv.user_id, email: inv.email },
      password,
    );
    if (!activated) throw invitationInvalid('revoked');
    await repo.markInvitationUsed(trx, inv.id);
    await auditUserChange(
      trx,
      { id: inv.user_id, ip },
      'staff.invitation_accepted',
      'user',
      inv.user_id,
    );
    return { email: inv.email };
  });
}
