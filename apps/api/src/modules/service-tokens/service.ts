import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Kysely } from 'kysely';
import { startOfZonedDay, toZonedDate, type PlainDate } from '@hms/contracts/business-days';
import type { CreateServiceTokenBody, ServiceTokenScope } from '@hms/contracts/integration';
import { auditUserChange } from '../../platform/audit.ts';
import { hashToken, newToken } from '../../platform/auth/tokens.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import type { Database, Queryable } from '../../platform/db/schema.ts';
import {
  badRequest,
  conflict,
  forbidden,
  HttpProblem,
  notFound,
  sendProblem,
} from '../../platform/errors.ts';
import * as repo from './repo.ts';
import { iso } from '../../platform/response-fields.ts';

export const TOKEN_PREFIX = 'hms_st_';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by requireServiceToken on /api/integration/ routes. */
    serviceToken: { id: string; name: string; scopes: string[] } | null;
  }
}

function toItem(r: {
  id: string;
  name: string;
  scopes: string[];
  token_prefix: string;
  created_at: Date;
  created_by: string;
  created_by_name: string | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
  expires_at: Date | null;
  rotated_from: string | null;
  use_count?: number | string;
}) {
  return {
    id: r.id,
    name: r.name,
    scopes: r.scopes,
    prefix: r.token_prefix,
    createdAt: iso(r.created_at),
    createdBy: r.created_by_name === null ? null : { id: r.created_by, name: r.created_by_name },
    lastUsedAt: iso(r.last_used_at),
    revokedAt: iso(r.revoked_at),
    expiresAt: iso(r.expires_at),
    expired: isExpired(r.expires_at),
    rotatedFrom: r.rotated_from,
    useCount: Number(r.use_count ?? 0),
  };
}

const isExpired = (expiresAt: Date | null, now = Date.now()) =>
  expiresAt !== null && new Date(expiresAt).getTime() <= now;

async function itemOf(db: Queryable, id: string) {
  const row = await repo.tokenItem(db, id);
  if (!row) throw notFound('token.not_found', `No service token with id ${id}.`);
  return toItem(row);
}

export async function listTokens(db: Kysely<Database>) {
  return { items: (await repo.listTokens(db)).map(toItem) };
}

/**
 * The instant a token with last day `expiresOn` stops working: the start of the next day in the agency time zone.
 * 400 naming the field when that day is already over.
 */
function expiryOf(expiresOn: string | undefined, timeZone: string, now = new Date()): Date | null {
  if (expiresOn === undefined) return null;
  const problem = (message: string) =>
    badRequest('validation.failed', message, [{ field: 'body.expiresOn', message }]);
  const day = new Date(`${expiresOn}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== expiresOn)
    throw problem('expiresOn must be a real date written YYYY-MM-DD.');
  if (expiresOn < toZonedDate(now, timeZone))
    throw problem('expiresOn must be today or a later day: a token cannot expire in the past.');
  day.setUTCDate(day.getUTCDate() + 1);
  return startOfZonedDay(day.toISOString().slice(0, 10) as PlainDate, timeZone);
}

async function insertToken(
  db: Kysely<Database>,
  userId: string,
  body: { name: string; scopes: string[]; expiresAt: Date | null },
  ip: string | null,
  rotatedFrom: string | null,
) {
  const token = TOKEN_PREFIX + newToken();
  const id = uuidv7();
  return db.transaction().execute(async (trx) => {
    if (rotatedFrom) {
      if (!(await repo.revokeLiveToken(trx, rotatedFrom)))
        throw conflict(
          'token.already_revoked',
          'This token is already revoked; create a new one instead of rotating it.',
        );
    }
    const row = await repo.insertToken(trx, {
      id,
      name: body.name,
      scopes: body.scopes,
      tokenHash: hashToken(token),
      tokenPrefix: token.slice(0, TOKEN_PREFIX.length + 6),
      createdBy: userId,
      rotatedFrom,
      expiresAt: body.expiresAt,
    });
    await auditUserChange(
      trx,
      { id: userId, ip },
      rotatedFrom ? 'service_token.rotated' : 'service_token.created',
      'service_token',
      id,
      {
        name: body.name,
        scopes: body.scopes,
        expiresAt: body.expiresAt?.toISOString() ?? null,
        ...(rotatedFrom ? { rotatedFrom } : {}),
      },
    );
    return { ...(await itemOf(trx, row.id)), token };
  });
}

export const createToken = (
  db: Kysely<Database>,
  timeZone: string,
  userId: string,
  body: CreateServiceTokenBody,
  ip: string | null,
) =>
  insertToken(
    db,
    userId,
    {
      name: body.name.trim(),
      scopes: [...new Set(body.scopes)],
      expiresAt: expiryOf(body.expiresOn, timeZone),
    },
    ip,
    null,
  );

/**
 * A new secret with the same name, scopes and expiry; the old one stops working at once. An expired token is not
 * rotated (409 token.expired): create a new one, choosing its expiry.
 */
export async function rotateToken(
  db: Kysely<Database>,
  userId: string,
  id: string,
  ip: string | null,
) {
  const old = await repo.findToken(db, id);
  if (!old) throw notFound('token.not_found', `No service token with id ${id}.`);
  if (isExpired(old.expires_at))
    throw conflict(
      'token.expired',
      'This token has expired; create a new token (with a new expiry) instead of rotating it.',
    );
  return insertToken(
    db,
    userId,
    { name: old.name, scopes: old.scopes, expiresAt: old.expires_at },
    ip,
    id,
  );
}

export async function revokeToken(
  db: Kysely<Database>,
  userId: string,
  id: string,
  ip: string | null,
) {
  return db.transaction().execute(async (trx) => {
    const row = await repo.revokeLiveToken(trx, id);
    if (!row) {
      if (!(await repo.findToken(trx, id)))
        throw notFound('token.not_found', `No service token with id ${id}.`);
      throw conflict('token.already_revoked', 'This token is already revoked.');
    }
    await auditUserChange(trx, { id: userId, ip }, 'service_token.revoked', 'service_token', id);
    return itemOf(trx, row.id);
  });
}

export async function tokenUses(db: Kysely<Database>, id: string) {
  const rows = await repo.usesOfToken(db, id, 100);
  return {
    items: rows.map((u) => ({
      at: new Date(u.at).toISOString(),
      method: u.method,
      path: u.path,
      statusCode: u.status_code,
      ip: u.ip,
    })),
  };
}

const bearerProblem = (detail: string) =>
  new HttpProblem('auth.token_invalid', 401, 'Not authenticated', detail, {
    headers: { 'www-authenticate': 'Bearer' },
  });

/**
 * onRequest guard for the FINANCIAL system's routes: a live bearer service token holding `scope`. Sessions do not
 * count here. Each use is logged (onResponse, with the status) and stamps last_used_at.
 */
export function requireServiceToken(scope: ServiceTokenScope): onRequestAsyncHookHandler {
  return async function (request: FastifyRequest, reply: FastifyReply) {
    const header = request.headers.authorization;
    const m = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!m)
      return sendProblem(
        request,
        reply,
        bearerProblem('Send a service token: Authorization: Bearer hms_st_….'),
      );
    const row = await repo.findTokenByHash(request.server.db, hashToken(m[1]!));
    if (!row || row.revoked_at)
      return sendProblem(
        request,
        reply,
        bearerProblem('The service token is unknown or revoked. Ask an HMS admin for a new one.'),
      );
    if (isExpired(row.expires_at))
      return sendProblem(
        request,
        reply,
        new HttpProblem(
          'auth.token_expired',
          401,
          'Not authenticated',
          `The service token "${row.name}" expired at ${new Date(row.expires_at!).toISOString()}. Ask an HMS admin for a new one.`,
          { headers: { 'www-authenticate': 'Bearer error="invalid_token"' } },
        ),
      );
    request.serviceToken = { id: row.id, name: row.name, scopes: row.scopes };
    if (!row.scopes.includes(scope)) {
      return sendProblem(
        request,
        reply,
        forbidden(
          'auth.token_scope_missing',
          `This token lacks the "${scope}" scope. Ask an HMS admin for a token with it.`,
        ),
      );
    }
  };
}

export async function logTokenUse(request: FastifyRequest, statusCode: number): Promise<void> {
  const t = request.serviceToken;
  if (!t) return;
  await repo.recordUse(request.server.db, {
    tokenId: t.id,
    method: request.method,
    path: request.url.split('?')[0] ?? request.url,
    statusCode,
    ip: request.ip,
  });
}
