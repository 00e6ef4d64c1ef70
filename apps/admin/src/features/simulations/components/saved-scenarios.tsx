import { scenarioKeys } from '@hms/api-client';
import {
  Alert,
  ButtonGroup,
  ConfirmAction,
  DataTable,
  EmptyState,
  LoadingState,
  ProblemAlert,
  QueryState,
  TableCheckbox,
  formatPlainDate,
  useFocusWhen,
  useLanguage,
  useT,
} from '@hms/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  deleteScenarioMutationOptions,
  scenarioComparisonQueryOptions,
  scenarioListQueryOptions,
  type SavedScenario,
} from '../api/scenarios.ts';
import { scenarioMessages } from '../scenario-messages.ts';
import { ScenarioComparisonTable } from './scenario-comparison-table.tsx';

type Key = keyof (typeof scenarioMessages)['en'];
const CHANGE_KEYS: Record<string, Key> = {
  maxAmountCents: 'maxAmountCents',
  approvalThresholdCents: 'approvalThresholdCents',
  budgetCents: 'budgetCents',
  reviewDeadlineDays: 'reviewDeadlineDays',
  eligibilityRules: 'eligibilityRules',
  decisionRules: 'decisionRules',
};

/** The parameters a scenario changes, named in the reader's language. */
export function useChangedNames() {
  const tr = useT(scenarioMessages);
  return (changes: SavedScenario['changes']) => {
    const names = Object.keys(changes)
      .filter((k) => CHANGE_KEYS[k])
      .map((k) => tr(CHANGE_KEYS[k]!));
    return names.length ? names.join(', ') : tr('noChanges');
  };
}

/**
 * The saved scenarios of every program: open one (the form takes its values and runs it), pick two to compare side
 * by side, and, for those who may change scenarios (mayChangeScenarios), delete one after confirming or go on to
 * make it a draft program version. Readers see the same list without the write buttons.
 */
export function SavedScenarios({
  mayChange,
  programName,
  onOpen,
  draftPath,
}: {
  mayChange: boolean;
  programName: (slug: string) => string;
  onOpen: (scenario: SavedScenario) => void;
  draftPath: (scenarioId: string) => string;
}) {
  const tr = useT(scenarioMessages);
  const { language } = useLanguage();
  const changedNames = useChangedNames();
  const queryClient = useQueryClient();
  const list = useQuery(scenarioListQueryOptions(null));
  const [selected, setSelected] = useState<string[]>([]);
  const [pair, setPair] = useState<[string, string] | null>(null);
  const [needsTwo, setNeedsTwo] = useState(false);
  const [confirming, setConfirming] = useState<SavedScenario | null>(null);
  const [removedName, setRemovedName] = useState<string | null>(null);
  const remove = useMutation({
    ...deleteScenarioMutationOptions(),
    onSuccess: (_data, id) => {
      setConfirming(null);
      setSelected((s) => s.filter((x) => x !== id));
      setPair((p) => (p && p.includes(id) ? null : p));
      void queryClient.invalidateQueries({ queryKey: scenarioKeys.all });
    },
  });
  const comparison = useQuery({
    ...scenarioComparisonQueryOptions(pair?.[0] ?? '', pair?.[1] ?? ''),
    enabled: pair !== null,
  });
  const comparisonRef = useFocusWhen<HTMLHeadingElement>(comparison.data);

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? [...s.filter((x) => x !== id), id] : s.filter((x) => x !== id)));
  const onCompare = () => {
    if (selected.length !== 2) {
      setNeedsTwo(true);
      return;
    }
    setNeedsTwo(false);
    setPair([selected[0]!, selected[1]!]);
  };
  const period = (s: { from: string; to: string }) =>
    tr('periodValue', {
      from: formatPlainDate(s.from, language),
      to: formatPlainDate(s.to, language),
    });

  return (
    <section
      aria-labelledby="saved-scenarios-heading"
      className="margin-top-4"
      data-saved-scenarios
    >
      <h2 id="saved-scenarios-heading">{tr('listHeading')}</h2>
      {removedName ? (
        <Alert tone="success" slim role="status">
          {tr('removed', { name: removedName })}
        </Alert>
      ) : null}
      <QueryState
        query={list}
        loading={tr('loadingList')}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState
            title={tr('emptyTitle')}
            body={mayChange ? tr('emptyBodyAdmin') : tr('emptyBodyReader')}
          />
        }
      >
        {(data) => (
          <>
            <p className="usa-hint" id="compare-hint">
              {tr('compareHint')}
            </p>
            <DataTable
              caption={tr('listCaption')}
              captionHidden
              rows={data.items}
              rowProps={(s) => ({ 'data-scenario': s.name })}
              columns={[
                {
                  header: tr('select'),
                  headerHidden: true,
                  cell: (s) => (
                    <TableCheckbox
                      id={`compare-${s.id}`}
                      label={tr('selectScenario', { name: s.name })}
                      checked={selected.includes(s.id)}
                      onChange={(e) => toggle(s.id, e.target.checked)}
                    />
                  ),
                },
                { header: tr('scenarioName'), rowHeader: true, cell: (s) => s.name },
                { header: tr('program'), cell: (s) => programName(s.program) },
                { header: tr('period'), cell: period },
                { header: tr('changes'), cell: (s) => changedNames(s.changes) },
                {
                  header: tr('savedBy'),
                  cell: (s) =>
                    tr('savedByValue', {
                      name: s.savedBy.name,
                      date: formatPlainDate(s.savedAt.slice(0, 10), language),
                    }),
                },
                {
                  header: tr('actions'),
                  headerHidden: true,
                  cell: (s) => (
                    <ButtonGroup>
                      <button
                        type="button"
                        className="usa-button usa-button--unstyled"
                        onClick={() => onOpen(s)}
                      >
                        {tr('open')} <span className="usa-sr-only">“{s.name}”</span>
                      </button>
                      {mayChange ? (
                        <Link className="usa-link" to={draftPath(s.id)}>
                          {tr('draft')} <span className="usa-sr-only">“{s.name}”</span>
                        </Link>
                      ) : null}
                      {mayChange ? (
                        <button
                          type="button"
                          className="usa-button usa-button--unstyled"
                          onClick={() => {
                            setRemovedName(null);
                            remove.reset();
                            setConfirming(s);
                          }}
                        >
                          {tr('remove')} <span className="usa-sr-only">“{s.name}”</span>
                        </button>
                      ) : null}
                    </ButtonGroup>
                  ),
                },
              ]}
            />
            {confirming ? (
              <ConfirmAction
                question={tr('removeQuestion', { name: confirming.name })}
                confirmLabel={tr('removeYes')}
                cancelLabel={tr('removeNo')}
                busy={remove.isPending}
                busyLabel={tr('removing')}
                onConfirm={() => {
                  const name = confirming.name;
                  remove.mutate(confirming.id, { onSuccess: () => setRemovedName(name) });
                }}
                onCancel={() => setConfirming(null)}
              />
            ) : null}
            {remove.error ? <ProblemAlert error={remove.error} /> : null}
            {needsTwo ? (
              <Alert tone="error" slim role="alert">
                {tr('compareNeedsTwo')}
              </Alert>
            ) : null}
            <button
              type="button"
              className="usa-button margin-top-2"
              aria-describedby="compare-hint"
              onClick={onCompare}
            >
              {tr('compare')}
            </button>
          </>
        )}
      </QueryState>
      {pair && comparison.isPending ? <LoadingState label={tr('comparing')} /> : null}
      {pair && comparison.error ? <ProblemAlert error={comparison.error} /> : null}
      {pair && comparison.data ? (
        <section aria-labelledby="compare-heading" className="margin-top-3" data-comparison>
          <h3 id="compare-heading" ref={comparisonRef} tabIndex={-1}>
            {tr('compareHeading')}
          </h3>
          <p>
            {tr('compareLead', {
              program: programName(comparison.data.program),
              from: formatPlainDate(comparison.data.from, language),
              to: formatPlainDate(comparison.data.to, language),
            })}
          </p>
          <ScenarioComparisonTable comparison={comparison.data} />
        </section>
      ) : null}
    </section>
  );
}
