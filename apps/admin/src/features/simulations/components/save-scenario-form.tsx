import { SCENARIO_NAME_MAX } from '@hms/contracts/simulation-scenarios';
import { scenarioKeys } from '@hms/api-client';
import { Alert, CheckedForm, TextField, useFormErrors, useT, type FormField } from '@hms/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { SimulationBody } from '../api/simulations.ts';
import { saveScenarioMutationOptions } from '../api/scenarios.ts';
import { scenarioMessages } from '../scenario-messages.ts';

type NameField = 'name';
const FIELDS: FormField<NameField>[] = [
  { name: 'name', id: 'scenario-name', refusals: ['simulation.scenario_name_taken'] },
];

/**
 * "Save this scenario" under a result: the program, period and changes just run, kept under a name. Shown only to
 * those who may change scenarios (mayChangeScenarios); the API checks the body as it checks a simulation.
 */
export function SaveScenarioForm({ body }: { body: SimulationBody }) {
  const tr = useT(scenarioMessages);
  const errors = useFormErrors(FIELDS);
  const queryClient = useQueryClient();
  const [savedName, setSavedName] = useState<string | null>(null);
  const save = useMutation({
    ...saveScenarioMutationOptions(),
    onSuccess: (s) => {
      setSavedName(s.name);
      void queryClient.invalidateQueries({ queryKey: scenarioKeys.all });
    },
    onError: (e) => errors.fail(e),
  });
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const name = String(new FormData(form).get('name') ?? '').trim();
    const failed = errors.check({
      name: !name
        ? tr('nameRequired')
        : name.length > SCENARIO_NAME_MAX
          ? tr('nameTooLong')
          : undefined,
    });
    if (failed) return;
    setSavedName(null);
    save.mutate(
      { ...body, name },
      {
        onSuccess: () => form.reset(),
      },
    );
  };
  return (
    <section aria-labelledby="save-scenario-heading" className="margin-top-4" data-save-scenario>
      <h2 id="save-scenario-heading">{tr('saveHeading')}</h2>
      <p>{tr('saveLead')}</p>
      {savedName ? (
        <Alert tone="success" slim role="status">
          {tr('saved', { name: savedName })}
        </Alert>
      ) : null}
      <CheckedForm errors={errors} onSubmit={onSubmit}>
        <TextField
          {...errors.field('name')}
          label={tr('name')}
          hint={tr('nameHint')}
          autoComplete="off"
          maxLength={SCENARIO_NAME_MAX + 20}
        />
        <button type="submit" className="usa-button margin-top-2" disabled={save.isPending}>
          {save.isPending ? tr('saving') : tr('save')}
        </button>
      </CheckedForm>
    </section>
  );
}
