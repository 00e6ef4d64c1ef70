import type { CurrentUser, Role } from '@hms/api-client';

/** A signed-in user with these roles, as `GET /api/me` answers: what the header and the navigation are built from. */
export function userWith(roles: Role[]): CurrentUser {
  return {
    id: '0190a0a0-0000-7000-8000-000000000001',
    email: 'u@example.com',
    displayName: 'Una User',
    roles,
    language: 'en',
  };
}
