import type { PersonRef } from '@hms/contracts/person-ref';

/**
 * How a row's values are written in a response. A timestamp is ISO 8601 in UTC: the driver reads timestamptz as a
 * Date, a raw query may hand back its text, and both are written the same; a missing one stays null.
 */
export function iso(d: Date | string): string;
export function iso(d: Date | string | null): string | null;
export function iso(d: Date | string | null): string | null {
  return d === null ? null : new Date(d).toISOString();
}

/** Who did something (contracts' PersonRef: their id and display name), or null when nobody did. */
export function personRef(id: string | null, name: string | null | undefined): PersonRef | null {
  return id ? { id, name: name ?? '' } : null;
}
