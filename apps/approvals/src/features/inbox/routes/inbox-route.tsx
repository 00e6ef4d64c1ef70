import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { inboxCountsQueryOptions, programsQueryOptions } from '@hms/api-client';
import {
  HelpPanel,
  EmptyState,
  PageTitle,
  ProblemAlert,
  QueryState,
  useFocusWhen,
  useT,
} from '@hms/ui';
import type { InboxQuery, InboxQueue } from '@hms/contracts/inbox';
import {
  bulkApproveMutationOptions,
  claimMutationOptions,
  inboxQueryOptions,
  releaseMutationOptions,
  type BulkApproveResponse,
  type InboxItem,
} from '../api/inbox-api.ts';
import { QueueTabs } from '../components/queue-tabs.tsx';
import { InboxFilters } from '../components/inbox-filters.tsx';
import { InboxTable } from '../components/inbox-table.tsx';
import { inboxMessages } from '../messages.ts';
import { paramsFromQuery, queryFromParams } from '../url-state.ts';
import { useLiveUpdates } from '../../../shared/live.ts';
import { useShortcuts } from '../../../shared/shortcuts.ts';
import { KeyboardHelp } from '../../../shared/keyboard-help.tsx';
import { ConfirmStep } from '../../../shared/confirm-step.tsx';
import { ReassignForm, reassignTarget } from '../../../shared/reassign-form.tsx';
import { useStatusLabel } from '../../../shared/badges.tsx';
import { inboxHelp } from '../help.ts';

export const reviewHref = (id: string) => `/approvals/requests/${id}`;

export function InboxRoute() {
  const tr = useT(inboxMessages);
  const statusLabel = useStatusLabel();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFromParams(params), [params]);
  const setQuery = useCallback((q: InboxQuery) => setParams(paramsFromQuery(q)), [setParams]);

  const counts = useQuery(inboxCountsQueryOptions());
  const programs = useQuery(programsQueryOptions());
  const list = useQuery(inboxQueryOptions(query));
  useLiveUpdates();

  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [help, setHelp] = useState(false);
  const [confirmBulk, setConfirmBulk] = useState(false);
  const [bulkResult, setBulkResult] = useState<BulkApproveResponse | null>(null);
  // The row being reassigned; focus goes back to its Reassign button when the form closes.
  const [reassigning, setReassigning] = useState<InboxItem | null>(null);
  const claim = useMutation(claimMutationOptions(client));
  const release = useMutation(releaseMutationOptions(client));
  const bulk = useMutation(bulkApproveMutationOptions(client));
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const resultsHeading = useFocusWhen<HTMLHeadingElement>(bulkResult);

  useEffect(() => setActive(0), [query]);

  useShortcuts({
    j: () => setActive((a) => Math.min(a + 1, Math.max(items.length - 1, 0))),
    k: () => setActive((a) => Math.max(a - 1, 0)),
    // A focused link or button keeps its own Enter (useShortcuts leaves it alone).
    Enter: () => {
      const item = items[active];
      if (item) void navigate(reviewHref(item.id));
    },
    '?': () => setHelp((h) => !h),
  });

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const hrefForQueue = (queue: InboxQueue) =>
    `?${paramsFromQuery({ queue, limit: 25 }).toString()}`;
  const byId = new Map(items.map((i) => [i.id, i] as const));
  const selectedItems = [...selected].map((id) => byId.get(id)).filter((i): i is InboxItem => !!i);
  const mutationError = claim.error ?? release.error ?? bulk.error;

  return (
    <>
      <PageTitle>{tr('title')}</PageTitle>
      <p className="usa-hint">{tr('liveNote')}</p>
      <p>
        <Link className="usa-link" to="/approvals/quality">
          {tr('qualityLink')}
        </Link>
      </p>
      <HelpPanel content={inboxHelp} />
      <button
        type="button"
        className="usa-button usa-button--unstyled"
        onClick={() => setHelp((h) => !h)}
        aria-expanded={help}
      >
        {tr('help')}
      </button>
      {help ? <KeyboardHelp onClose={() => setHelp(false)} /> : null}
      <QueueTabs
        current={query.queue ?? 'unassigned'}
        counts={counts.data}
        hrefFor={hrefForQueue}
        onSelect={(queue) => setQuery({ ...query, queue, cursor: undefined })}
      />
      <InboxFilters
        query={query}
        programs={programs.data ?? []}
        onApply={(q) => setQuery({ ...q, cursor: undefined })}
      />

      {mutationError ? <ProblemAlert error={mutationError} /> : null}
      {reassigning ? (
        <ReassignForm
          key={reassigning.id}
          request={reassignTarget(reassigning, reassigning)}
          onClose={() => {
            const id = reassigning.id;
            setReassigning(null);
            // Back to where the person was: the row's Reassign button, or its reference if the row changed.
            requestAnimationFrame(() =>
              (
                document.querySelector<HTMLElement>(`[data-reassign="${id}"]`) ??
                document.querySelector<HTMLElement>(`a[href$="${id}"]`)
              )?.focus(),
            );
          }}
        />
      ) : null}
      {bulkResult ? (
        <section className="usa-alert usa-alert--info margin-y-2" aria-labelledby="bulk-results">
          <div className="usa-alert__body">
            <h2 id="bulk-results" className="usa-alert__heading" tabIndex={-1} ref={resultsHeading}>
              {tr('bulkResults')}
            </h2>
            <ul>
              {bulkResult.results.map((r) => {
                const reference = byId.get(r.requestId)?.reference ?? r.requestId;
                return (
                  <li key={r.requestId}>
                    {r.ok && r.decision
                      ? tr('bulkOk', { reference, status: statusLabel(r.decision.status) })
                      : tr('bulkFail', { reference, error: r.error ?? '' })}
                  </li>
                );
              })}
            </ul>
          </div>
        </section>
      ) : null}

      {selectedItems.length > 0 ? (
        <div className="margin-y-2">
          {confirmBulk ? (
            <ConfirmStep
              question={tr('confirmBulk', { count: selectedItems.length })}
              confirmLabel={tr('confirm')}
              cancelLabel={tr('cancel')}
              busy={bulk.isPending}
              onConfirm={() =>
                bulk.mutate(
                  selectedItems.map((i) => ({ requestId: i.id, version: i.version })),
                  {
                    onSuccess: (res) => {
                      setBulkResult(res);
                      setSelected(new Set());
                      setConfirmBulk(false);
                    },
                  },
                )
              }
              onCancel={() => setConfirmBulk(false)}
            />
          ) : (
            <button
              type="button"
              className="usa-button usa-button--secondary"
              onClick={() => setConfirmBulk(true)}
            >
              {tr('approveSelected', { count: selectedItems.length })}
            </button>
          )}
        </div>
      ) : null}

      <QueryState
        query={list}
        loading={tr('loading')}
        empty={<EmptyState title={tr('empty')} body={tr('emptyBody')} />}
      >
        {(data) => (
          <>
            <InboxTable
              items={items}
              active={active}
              selected={selected}
              onToggle={toggle}
              onClaim={(item) => claim.mutate(item.id)}
              onRelease={(item) => release.mutate(item.id)}
              onReassign={setReassigning}
              busyId={
                claim.isPending
                  ? (claim.variables ?? null)
                  : release.isPending
                    ? (release.variables ?? null)
                    : null
              }
              hrefFor={reviewHref}
            />
            <nav aria-label={tr('next')} className="margin-y-2">
              {query.cursor ? (
                <button
                  type="button"
                  className="usa-button usa-button--outline"
                  onClick={() => setQuery({ ...query, cursor: undefined })}
                >
                  {tr('first')}
                </button>
              ) : null}
              {data.nextCursor ? (
                <button
                  type="button"
                  className="usa-button"
                  onClick={() => setQuery({ ...query, cursor: data.nextCursor ?? undefined })}
                >
                  {tr('next')}
                </button>
              ) : null}
            </nav>
          </>
        )}
      </QueryState>
    </>
  );
}
