import { meQueryOptions } from '@hms/api-client';
import { PageIntro, QueryState, formatNumber, formatPlainDate, useLanguage, useT } from '@hms/ui';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { todayQueryOptions, type Today } from '../api/today.ts';
import { CutoffCountdown } from '../components/cutoff-countdown.tsx';
import { WorkTile } from '../components/work-tile.tsx';
import { todayHelp } from '../help.ts';
import { todayMessages } from '../messages.ts';
import { ComputedAt } from '../../../shared/computed-at.tsx';

const nothingWaiting = (d: Today) =>
  d.waitingToBatch.count +
    d.waitingForRelease.count +
    d.held.prenoteInFlight.count +
    d.held.accountChanged.count +
    d.returnsToWork.count +
    d.nocsToDecide.count +
    d.webhooksFailing.count +
    d.webhooksDead.count ===
  0;

/** The finance landing page: the next cut-off and the work waiting now, each figure a link to its list. */
export function TodayRoute() {
  const tr = useT(todayMessages);
  const { language } = useLanguage();
  const today = useQuery(todayQueryOptions());
  const me = useQuery(meQueryOptions());
  const supervisor = me.data?.roles.includes('finance_supervisor') ?? false;
  const { refetch } = today;
  const refresh = useCallback(() => void refetch(), [refetch]);
  const n = (count: number) => formatNumber(count, language);
  return (
    <>
      <PageIntro title={tr('title')} lead={tr('lead')} help={todayHelp} />
      <QueryState query={today} loading={tr('loading')}>
        {(d: Today) => (
          <>
            <ComputedAt computedAt={d.computedAt} timeZone={d.timeZone} />
            <CutoffCountdown cutoffs={d.cutoffs} timeZone={d.timeZone} onPassed={refresh} />
            <section aria-labelledby="work-heading">
              <h2 id="work-heading">{tr('workHeading')}</h2>
              {nothingWaiting(d) ? <p>{tr('nothingWaiting')}</p> : null}
              <dl className="grid-row grid-gap">
                <WorkTile id="waitingToBatch" unit="payments" work={d.waitingToBatch}>
                  {d.waitingToBatch.oldestCreatedOn ? (
                    <div className="text-base">
                      {tr('oldest', {
                        date: formatPlainDate(d.waitingToBatch.oldestCreatedOn, language),
                      })}
                    </div>
                  ) : null}
                </WorkTile>
                <WorkTile id="waitingForRelease" unit="batches" work={d.waitingForRelease}>
                  {d.waitingForRelease.releasableByYou > 0 ? (
                    <div className="text-bold">
                      {tr('waitingForYou', { count: n(d.waitingForRelease.releasableByYou) })}
                    </div>
                  ) : d.waitingForRelease.count > 0 ? (
                    <div className="text-base">
                      {supervisor ? tr('noneForYou') : tr('supervisorReleases')}
                    </div>
                  ) : null}
                </WorkTile>
                <WorkTile id="prenoteInFlight" unit="payments" work={d.held.prenoteInFlight} />
                <WorkTile id="accountChanged" unit="payments" work={d.held.accountChanged}>
                  {d.held.accountChanged.count > 0 ? (
                    <div className="text-base">{tr('accountChangedHint')}</div>
                  ) : null}
                </WorkTile>
                <WorkTile id="returnsToWork" unit="payments" work={d.returnsToWork} />
                <WorkTile id="nocsToDecide" unit="notices" work={d.nocsToDecide} />
                <WorkTile id="webhooksFailing" unit="deliveries" work={d.webhooksFailing} />
                <WorkTile id="webhooksDead" unit="deliveries" work={d.webhooksDead} />
              </dl>
            </section>
          </>
        )}
      </QueryState>
    </>
  );
}
