import { programsQueryOptions } from '@hms/api-client';
import { SelectField, useLanguage, useT } from '@hms/ui';
import { useQuery } from '@tanstack/react-query';
import { periodMessages } from './period-messages.ts';

/**
 * The program filter of a finance form: all programs (empty) or one, as the list's API filter names it (the period of
 * the overview by slug, the payments list by id). The select is drawn again when the programs arrive, so that the
 * program in the URL is the one selected.
 */
export function ProgramSelect({
  id,
  name,
  value,
  by,
}: {
  id: string;
  name: string;
  value: string;
  by: 'id' | 'slug';
}) {
  const tr = useT(periodMessages);
  const { language } = useLanguage();
  const programs = useQuery(programsQueryOptions());
  return (
    <SelectField
      key={programs.isSuccess ? 'ready' : 'loading'}
      id={id}
      name={name}
      label={tr('program')}
      defaultValue={value}
      placeholder={tr('allPrograms')}
      options={(programs.data ?? []).map((p) => ({ value: p[by], label: p.name[language] }))}
    />
  );
}
