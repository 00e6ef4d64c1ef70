import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { invalidateApprovals } from './invalidate-approvals.ts';

/**
 * Subscribes to GET /api/live (server-sent events). Each event says only which request changed; the open inbox and
 * review queries are invalidated and refetch, so every screen shows another approver's claim or decision within a
 * second. EventSource reconnects by itself; after a reconnect everything is refetched once.
 */
export function useLiveUpdates(onEvent?: (e: { requestId?: string; type?: string }) => void) {
  const client = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource('/api/live', { withCredentials: true });
    let pending: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      // Coalesce bursts (bulk approvals) into one refetch.
      if (pending) return;
      pending = setTimeout(() => {
        pending = null;
        invalidateApprovals(client);
      }, 150);
    };
    const onRequest = (e: MessageEvent<string>) => {
      refresh();
      try {
        onEvent?.(JSON.parse(e.data) as { requestId?: string; type?: string });
      } catch {
        // Malformed event: the refresh above is enough.
      }
    };
    source.addEventListener('request', onRequest as EventListener);
    source.addEventListener('resync', refresh);
    source.addEventListener('ready', refresh);
    return () => {
      if (pending) clearTimeout(pending);
      source.close();
    };
  }, [client, onEvent]);
}
