import { remotesQueryOptions } from '@hms/api-client';
import { loadRemote, registerRemotes } from '@module-federation/runtime';
import type { RemoteModule, RemoteName } from '@hms/ui';
import type { QueryClient } from '@tanstack/react-query';

let registration: Promise<void> | null = null;
const failedAttempts = new Map<RemoteName, number>();

/**
 * Reads the remotes manifest (GET /api/remotes) once and registers every remote with the federation
 * runtime. Remote URLs are run-time data, so a remote is redeployed without rebuilding the shell.
 */
function ensureRegistered(queryClient: QueryClient): Promise<void> {
  registration ??= queryClient
    .fetchQuery(remotesQueryOptions())
    .then((remotes) => {
      registerRemotes(
        Object.entries(remotes).map(([name, entry]) => ({
          name,
          entry: String(entry),
          type: 'module',
        })),
      );
    })
    .catch((error: unknown) => {
      // Let the next attempt ask for the manifest again instead of replaying this failure.
      registration = null;
      throw error;
    });
  return registration;
}

/**
 * Loads `<remote>/routes`. After a failure, the remote is registered again with `force` (which drops the
 * runtime's cached entry) and a fresh URL, because browsers may also keep a failed module import in their
 * module map; without both, "Try again" would replay the old failure instead of fetching again.
 */
export async function loadRemoteRoutes<R extends RemoteName>(
  queryClient: QueryClient,
  name: R,
): Promise<Partial<RemoteModule<R>>> {
  await ensureRegistered(queryClient);
  const failures = failedAttempts.get(name) ?? 0;
  if (failures > 0) {
    const remotes = await queryClient.fetchQuery(remotesQueryOptions());
    const entry = String(remotes[name]);
    const retryEntry = `${entry}${entry.includes('?') ? '&' : '?'}retry=${failures}`;
    registerRemotes([{ name, entry: retryEntry, type: 'module' }], { force: true });
  }
  try {
    // Typed by the contract the remote's routes.tsx satisfies; Partial because a remote deployed out of step with
    // the shell may still lack an area at run time (the caller says which).
    const module = await loadRemote<{ default?: Partial<RemoteModule<R>> }>(`${name}/routes`);
    if (!module?.default) throw new Error(`Remote "${name}" returned no module`);
    failedAttempts.delete(name);
    return module.default;
  } catch (error) {
    failedAttempts.set(name, failures + 1);
    throw error;
  }
}
