import type { Kysely, Selectable } from 'kysely';
import type { Settings, SettingsValues, UpdateSettingsBody } from '@hms/contracts/settings';
import { settingsFields } from '@hms/contracts/settings';
import { auditUserChange } from '../../platform/audit.ts';
import type { AuthUser, SessionPolicy, SessionPolicySql } from '../../platform/auth/sessions.ts';
import { parseConfig, type Config, type OriginatorConfig } from '../../platform/config.ts';
import type { AgencySettingsTable, Database, Queryable } from '../../platform/db/schema.ts';
import { conflict } from '../../platform/errors.ts';
import * as repo from './repo.ts';

/** The settings every consumer reads at the moment it acts (no cache: a change applies to the next request). */
export interface AgencySettings extends SettingsValues {
  version: number;
  updatedAt: Date;
  updatedBy: { id: string; name: string } | null;
}

type Row = Selectable<AgencySettingsTable> & { updated_by_name?: string | null };

function fromRow(r: Row): AgencySettings {
  return {
    companyName: r.company_name,
    companyId: r.company_id,
    odfiRouting: r.odfi_routing,
    immediateDestination: r.immediate_destination,
    immediateDestinationName: r.immediate_destination_name,
    immediateOrigin: r.immediate_origin,
    immediateOriginName: r.immediate_origin_name,
    sameDayCutoff: r.same_day_cutoff,
    prenoteWaitDays: r.prenote_wait_days,
    sessionTtlHours: r.session_ttl_hours,
    sessionIdleMinutes: r.session_idle_minutes,
    publishNeedsSecondApproval: r.publish_needs_second_approval,
    version: r.version,
    updatedAt: new Date(r.updated_at),
    updatedBy: r.updated_by ? { id: r.updated_by, name: r.updated_by_name ?? '' } : null,
  };
}

function toColumns(v: SettingsValues) {
  return {
    company_name: v.companyName,
    company_id: v.companyId,
    odfi_routing: v.odfiRouting,
    immediate_destination: v.immediateDestination,
    immediate_destination_name: v.immediateDestinationName,
    immediate_origin: v.immediateOrigin,
    immediate_origin_name: v.immediateOriginName,
    same_day_cutoff: v.sameDayCutoff,
    prenote_wait_days: v.prenoteWaitDays,
    session_ttl_hours: v.sessionTtlHours,
    session_idle_minutes: v.sessionIdleMinutes,
    publish_needs_second_approval: v.publishNeedsSecondApproval,
  };
}

/** The environment's values (HMS_ACH_*, HMS_SESSION_*): what the settings start as on the first start. */
export function defaultsFromConfig(config: Config): SettingsValues {
  const o = config.originator;
  return {
    companyName: o.companyName,
    companyId: o.companyId,
    odfiRouting: o.odfiRouting,
    immediateDestination: o.immediateDestination,
    immediateDestinationName: o.immediateDestinationName,
    immediateOrigin: o.immediateOrigin,
    immediateOriginName: o.immediateOriginName,
    sameDayCutoff: o.sameDayCutoff,
    prenoteWaitDays: o.prenoteWaitDays,
    sessionTtlHours: config.sessionTtlHours,
    sessionIdleMinutes: config.sessionIdleMinutes,
    publishNeedsSecondApproval: true,
  };
}

/** Stores the environment's values as the settings, unless settings exist already (called when the API starts). */
export async function initialiseSettings(db: Queryable, config: Config): Promise<void> {
  await repo.insertInitialSettings(db, toColumns(defaultsFromConfig(config)));
}

/**
 * The current settings. Pass the transaction when the value must hold for the rest of it (a batch built under one
 * cut-off). Before the API's first start stored them (a bare CLI on a new database), the environment's values.
 */
export async function getSettings(db: Queryable): Promise<AgencySettings> {
  const row = await repo.findSettings(db);
  if (row) return fromRow(row);
  return {
    ...defaultsFromConfig(parseConfig(process.env)),
    version: 0,
    updatedAt: new Date(0),
    updatedBy: null,
  };
}

/** Whether publishing a program needs a second administrator's approval (default true). */
export async function publishNeedsSecondApproval(db: Queryable): Promise<boolean> {
  return (await getSettings(db)).publishNeedsSecondApproval;
}

/** The NACHA originator and ACH timing: the stored settings, with the entry description of the environment. */
export async function originatorSettings(db: Queryable, config: Config): Promise<OriginatorConfig> {
  const s = await getSettings(db);
  return {
    ...config.originator,
    companyName: s.companyName,
    companyId: s.companyId,
    odfiRouting: s.odfiRouting,
    immediateDestination: s.immediateDestination,
    immediateDestinationName: s.immediateDestinationName,
    immediateOrigin: s.immediateOrigin,
    immediateOriginName: s.immediateOriginName,
    sameDayCutoff: s.sameDayCutoff,
    prenoteWaitDays: s.prenoteWaitDays,
  };
}

/**
 * The session lifetimes for every request's session check, read in its own statement (platform/auth/sessions.ts): the
 * stored settings, or the environment's before the first start stored them, as getSettings answers.
 */
export function sessionPolicySql(config: Config): SessionPolicySql {
  return {
    sql: repo.sessionPolicySql({
      ttlHours: config.sessionTtlHours,
      idleMinutes: config.sessionIdleMinutes,
    }),
  };
}

/** Session lifetimes (absolute and idle) for signing in and the housekeeping pass (a request checks them in SQL). */
export async function sessionPolicy(db: Queryable): Promise<SessionPolicy> {
  const s = await getSettings(db);
  return { ttlHours: s.sessionTtlHours, idleMinutes: s.sessionIdleMinutes };
}

function toResponse(s: AgencySettings, config: Config): Settings {
  const { updatedAt, ...rest } = s;
  return { ...rest, updatedAt: updatedAt.toISOString(), timeZone: config.timezone };
}

export async function readSettings(db: Kysely<Database>, config: Config): Promise<Settings> {
  return toResponse(await getSettings(db), config);
}

/**
 * Saves new settings when `version` is still current (else 409 settings.stale_version, nothing written), audited
 * with each changed field's value before and after. Saving the same values changes and audits nothing.
 */
export async function updateSettings(
  db: Kysely<Database>,
  config: Config,
  user: AuthUser,
  body: UpdateSettingsBody & SettingsValues,
  ip: string | null,
): Promise<Settings> {
  await db.transaction().execute(async (trx) => {
    const current = await repo.lockSettings(trx);
    if (!current) throw new Error('agency_settings has no row: the API initialises it at start.');
    const stale = () =>
      conflict(
        'settings.stale_version',
        `The settings are at version ${current.version}, not ${body.version}: someone changed them after you loaded them. Reload and apply your change again.`,
      );
    if (current.version !== body.version) throw stale();
    const before = fromRow(current);
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const f of settingsFields)
      if (before[f] !== body[f]) changes[f] = { before: before[f], after: body[f] };
    if (Object.keys(changes).length === 0) return;
    const values: SettingsValues = Object.fromEntries(
      settingsFields.map((f) => [f, body[f]]),
    ) as unknown as SettingsValues;
    if (!(await repo.updateSettings(trx, body.version, toColumns(values), user.id))) throw stale();
    await auditUserChange(
      trx,
      { id: user.id, ip },
      'settings.updated',
      'agency_settings',
      'agency',
      { version: body.version + 1, changes },
    );
  });
  return readSettings(db, config);
}
