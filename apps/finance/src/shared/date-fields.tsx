import { TextField } from '@hms/ui';

/** One date of a finance filter: its field, its URL name, its words, the date it shows and its error. */
export interface DateFieldSpec {
  id: string;
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
}

/** The dates of a finance filter (a from and a to), each a quarter of the form's grid, with the page's hint. */
export function DateFields({ fields, hint }: { fields: readonly DateFieldSpec[]; hint: string }) {
  return (
    <>
      {fields.map((f) => (
        <div key={f.name} className="tablet:grid-col-3">
          <TextField
            id={f.id}
            name={f.name}
            type="date"
            label={f.label}
            hint={hint}
            defaultValue={f.value}
            error={f.error}
          />
        </div>
      ))}
    </>
  );
}
