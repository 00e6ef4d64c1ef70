import { settingsKeys } from '@hms/api-client';
import { QueryState, formatDateTime, useFocusWhen, useLanguage, useT, PageIntro } from '@hms/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { settingsQueryOptions, updateSettingsMutationOptions } from '../api/settings.ts';
import { SettingsForm } from '../components/settings-form.tsx';
import { settingsMessages } from '../messages.ts';

/** Admin: the agency settings, saved with the version that was read (a stale save is refused, not merged). */
export function SettingsRoute() {
  const tr = useT(settingsMessages);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const settings = useQuery(settingsQueryOptions());
  const [saved, setSaved] = useState<{ version: number; changed: boolean } | null>(null);
  const confirmation = useFocusWhen<HTMLDivElement>(saved);
  const save = useMutation(updateSettingsMutationOptions());

  return (
    <>
      <PageIntro title={tr('title')} lead={tr('lead')} />
      {saved ? (
        <div
          ref={confirmation}
          tabIndex={-1}
          role="status"
          className="usa-alert usa-alert--success margin-bottom-3"
          aria-labelledby="settings-saved-heading"
        >
          <div className="usa-alert__body">
            <h2 className="usa-alert__heading" id="settings-saved-heading">
              {tr('saved')}
            </h2>
            <p className="usa-alert__text">
              {saved.changed ? tr('savedBody', { version: saved.version }) : tr('noChange')}
            </p>
          </div>
        </div>
      ) : null}
      <QueryState query={settings} loading={tr('loading')}>
        {(data) => (
          <>
            <p>
              {data.updatedBy
                ? tr('lastChanged', {
                    when: formatDateTime(data.updatedAt, language),
                    who: data.updatedBy.name,
                  })
                : tr('neverChanged')}
            </p>
            <SettingsForm
              // A new version (saved here or reloaded) starts the form again from the stored values.
              key={data.version}
              settings={data}
              saving={save.isPending}
              onReload={() => {
                setSaved(null);
                void queryClient.invalidateQueries({ queryKey: settingsKeys.all });
              }}
              onSave={(body, onError) => {
                setSaved(null);
                save.mutate(body, {
                  onError,
                  onSuccess: (next) => {
                    queryClient.setQueryData(settingsKeys.all, next);
                    setSaved({ version: next.version, changed: next.version !== body.version });
                  },
                });
              }}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
