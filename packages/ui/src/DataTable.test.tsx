import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DataTable } from './DataTable.tsx';
import { LanguageProvider } from './i18n.tsx';

const payments = [
  { id: 'a', ref: 'HMS-0001', cents: 100, flagged: true },
  { id: 'b', ref: 'HMS-0002', cents: 250, flagged: false },
];

describe('DataTable', () => {
  it('renders column headers, the naming cell as a row header, numeric and hidden-header columns', () => {
    render(
      <LanguageProvider>
        <DataTable
          caption="Payments"
          rows={payments}
          rowProps={(p) => ({ 'data-flagged': p.flagged || undefined })}
          columns={[
            { header: 'Reference', rowHeader: true, className: 'text-wrap', cell: (p) => p.ref },
            { header: 'Amount', numeric: true, cell: (p) => p.cents },
            false,
            { header: 'Actions', headerHidden: true, cell: (p) => <button>Open {p.ref}</button> },
          ]}
        />
      </LanguageProvider>,
    );
    const table = screen.getByRole('table', { name: 'Payments' });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual(['Reference', 'Amount', 'Actions']);
    expect(headers[1]!.className).toBe('text-right');
    expect(headers[2]!.querySelector('.usa-sr-only')?.textContent).toBe('Actions');
    const rowHeader = within(table).getByRole('rowheader', { name: 'HMS-0001' });
    expect(rowHeader.getAttribute('scope')).toBe('row');
    expect(rowHeader.className).toBe('text-wrap');
    const cells = within(table).getAllByRole('cell');
    expect(cells[0]!.className).toBe('text-right text-tabular');
    expect(cells[0]!.textContent).toBe('100');
    expect(within(table).getByRole('button', { name: 'Open HMS-0002' })).toBeTruthy();
    const rows = within(table).getAllByRole('row');
    expect(rows[1]!.getAttribute('data-flagged')).toBe('true');
    expect(rows[2]!.hasAttribute('data-flagged')).toBe(false);
  });

  it('stacked: the table stacks on a phone and each cell carries its column’s header as data-label', () => {
    render(
      <LanguageProvider>
        <DataTable
          caption="Payments"
          stacked
          className="margin-top-2"
          rows={payments}
          columns={[
            { header: 'Reference', rowHeader: true, cell: (p) => p.ref },
            { header: 'Amount', numeric: true, cell: (p) => p.cents },
            { header: <abbr title="Flagged">F</abbr>, cell: (p) => String(p.flagged) },
          ]}
        />
      </LanguageProvider>,
    );
    const table = screen.getByRole('table', { name: 'Payments' });
    expect(table.classList.contains('usa-table--stacked')).toBe(true);
    expect(table.classList.contains('margin-top-2')).toBe(true);
    expect(
      within(table).getByRole('rowheader', { name: 'HMS-0001' }).getAttribute('data-label'),
    ).toBe('Reference');
    const cells = within(table).getAllByRole('cell');
    expect(cells[0]!.getAttribute('data-label')).toBe('Amount');
    // A header that is not plain text gives no label.
    expect(cells[1]!.hasAttribute('data-label')).toBe(false);
  });
});
