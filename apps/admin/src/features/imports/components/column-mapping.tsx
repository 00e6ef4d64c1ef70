import { IMPORT_COLUMNS, type ImportKind } from '@hms/contracts/imports';
import { SelectField, useT } from '@hms/ui';
import { importsMessages } from '../messages.ts';

/**
 * The mapping step: each column of the chosen file with the HMS column it is read as. A column left unmapped is
 * reported by the check as not part of the format (there is no "leave out": no data is dropped unseen).
 */
export function ColumnMapping({
  kind,
  columns,
  targets,
  onChange,
}: {
  kind: ImportKind;
  columns: string[];
  targets: Record<string, string>;
  onChange: (column: string, target: string) => void;
}) {
  const tr = useT(importsMessages);
  const options = [
    { value: '', label: tr('mappingNone') },
    ...IMPORT_COLUMNS[kind].map((c) => ({ value: c, label: c })),
  ];
  return (
    <fieldset className="usa-fieldset margin-top-3">
      <legend className="usa-legend usa-legend--large">{tr('mappingLegend')}</legend>
      <p className="usa-hint">{tr('mappingHint')}</p>
      {columns.map((column, i) => (
        <SelectField
          key={`${i}-${column}`}
          id={`imports-map-${i}`}
          name={`mapping-${i}`}
          label={tr('mappingColumn', { column })}
          value={targets[column] ?? ''}
          onChange={(e) => onChange(column, e.target.value)}
          options={options}
        />
      ))}
    </fieldset>
  );
}
