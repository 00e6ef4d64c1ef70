import { meQueryOptions } from '@hms/api-client';
import {
  PageIntro,
  QueryState,
  formatCents,
  formatNumber,
  formatPlainDate,
  useLanguage,
  useT,
} from '@hms/ui';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { todayQueryOptions, type Today } from '../api/today.ts';
import { CutoffCountdown } from '../components/cutoff-countdown.tsx';
import { WorkTile } from '../components/work-tile.tsx';
import { todayHelp } from '../help.ts';
import { todayMessages } from '../messages.ts';

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
  const money = (cents: number) => formatCents(cents, language);
  const n = (count: number) => formatNumber(count, language);
  return (
    <>
      <PageIntro title={tr('title')} lead={tr('lead')} help={todayHelp} />
      <QueryState query={today} loading={tr('loading')}>
        {(d: Today) => (
          <>
            <p className="text-base">
              {tr('computedAt', {
                time: new Date(d.computedAt).toLocaleTimeString(
                  language === 'es' ? 'es-US' : 'en-US',
                  { timeZone: d.timeZone },
                ),
              })}
            </p>
            <CutoffCountdown cutoffs={d.cutoffs} timeZone={d.timeZone} onPassed={refresh} />
            <section aria-labelledby="work-heading">
              <h2 id="work-heading">{tr('workHeading')}</h2>
              {nothingWaiting(d) ? <p>{tr('nothingWaiting')}</p> : null}
              <dl className="grid-row grid-gap">
                <WorkTile
                  id="waitingToBatch"
                  name={tr('waitingToBatch')}
                  value={tr('payments', { count: n(d.waitingToBatch.count) })}
                  to={d.waitingToBatch.link}
                >
                  <div className="text-tabular">{money(d.waitingToBatch.cents)}</div>
                  {d.waitingToBatch.oldestCreatedOn ? (
                    <div className="text-base">
                      {tr('oldest', {
                        date: formatPlainDate(d.waitingToBatch.oldestCreatedOn, language),
                      })}
                    </div>
                  ) : null}
                </WorkTile>
                <WorkTile
                  id="waitingForRelease"
                  name={tr('waitingForRelease')}
                  value={tr('batches', { count: n(d.waitingForRelease.count) })}
                  to={d.waitingForRelease.link}
                >
                  <div className="text-tabular">{money(d.waitingForRelease.cents)}</div>
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
                <WorkTile
                  id="prenoteInFlight"
                  name={tr('prenoteInFlight')}
                  value={tr('payments', { count: n(d.held.prenoteInFlight.count) })}
                  to={d.held.prenoteInFlight.link}
                >
                  <div className="text-tabular">{money(d.held.prenoteInFlight.cents)}</div>
                </WorkTile>
                <WorkTile
                  id="accountChanged"
                  name={tr('accountChanged')}
                  value={tr('payments', { count: n(d.held.accountChanged.count) })}
                  to={d.held.accountChanged.link}
                >
                  <div className="text-tabular">{money(d.held.accountChanged.cents)}</div>
                  {d.held.accountChanged.count > 0 ? (
                    <div className="text-base">{tr('accountChangedHint')}</div>
                  ) : null}
                </WorkTile>
                <WorkTile
                  id="returnsToWork"
                  name={tr('returnsToWork')}
                  value={tr('payments', { count: n(d.returnsToWork.count) })}
                  to={d.returnsToWork.link}
                >
                  <div className="text-tabular">{money(d.returnsToWork.cents)}</div>
                </WorkTile>
                <WorkTile
                  id="nocsToDecide"
                  name={tr('nocsToDecide')}
                  value={tr('notices', { count: n(d.nocsToDecide.count) })}
                  to={d.nocsToDecide.link}
                />
                <WorkTile
                  id="webhooksFailing"
                  name={tr('webhooksFailing')}
                  value={tr('deliveries', { count: n(d.webhooksFailing.count) })}
                  to={d.webhooksFailing.link}
                />
                <WorkTile
                  id="webhooksDead"
                  name={tr('webhooksDead')}
                  value={tr('deliveries', { count: n(d.webhooksDead.count) })}
                  to={d.webhooksDead.link}
                />
              </dl>
            </section>
          </>
        )}
      </QueryState>
    </>
  );
}
