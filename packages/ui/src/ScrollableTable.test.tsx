import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LanguageProvider } from './i18n.tsx';
import { ScrollableTable } from './ScrollableTable.tsx';
import { TableCheckbox } from './TableCheckbox.tsx';

const rows = (
  <>
    <thead>
      <tr>
        <th scope="col">Reference</th>
        <th scope="col">Amount</th>
      </tr>
    </thead>
    <tbody>
      <tr>
        <th scope="row">HMS-0001</th>
        <td>$1.00</td>
      </tr>
    </tbody>
  </>
);

describe('ScrollableTable', () => {
  it('names the table by its caption, and the focusable scroll region by the same caption', async () => {
    render(
      <>
        <button type="button">Before</button>
        <ScrollableTable caption="Pending payments">{rows}</ScrollableTable>
      </>,
    );
    const table = screen.getByRole('table', { name: 'Pending payments' });
    const region = screen.getByRole('region', { name: 'Pending payments' });
    expect(region).toHaveProperty('tabIndex', 0);
    expect(region.className).toBe('usa-table-container--scrollable');
    expect(region.contains(table)).toBe(true);
    const caption = table.querySelector('caption')!;
    expect(caption.textContent).toBe('Pending payments');
    expect(caption.id).not.toBe('');
    expect(region.getAttribute('aria-labelledby')).toBe(caption.id);
    expect(caption.className).toBe('');
    expect(within(table).getByRole('columnheader', { name: 'Amount' })).toBeTruthy();
    expect(within(table).getByRole('rowheader', { name: 'HMS-0001' })).toBeTruthy();

    // A keyboard user reaches the region with Tab (so they can scroll a wide table with the arrow keys).
    await userEvent.tab();
    await userEvent.tab();
    expect(document.activeElement).toBe(region);
  });

  it('keeps a given caption id, and generated ids are unique per table', () => {
    render(
      <>
        <ScrollableTable caption="Batches" captionId="batches-caption">
          {rows}
        </ScrollableTable>
        <ScrollableTable caption="First">{rows}</ScrollableTable>
        <ScrollableTable caption="Second">{rows}</ScrollableTable>
      </>,
    );
    const batches = screen.getByRole('region', { name: 'Batches' });
    expect(batches.getAttribute('aria-labelledby')).toBe('batches-caption');
    expect(document.getElementById('batches-caption')?.tagName).toBe('CAPTION');
    const first = screen.getByRole('region', { name: 'First' }).getAttribute('aria-labelledby');
    const second = screen.getByRole('region', { name: 'Second' }).getAttribute('aria-labelledby');
    expect(first).not.toBe(second);
  });

  it('hides the caption visually only, and can label the region by a visible heading instead', () => {
    render(
      <section>
        <h2 id="entries-heading">Entries</h2>
        <ScrollableTable
          caption="Entries in trace-number order"
          labelledBy="entries-heading"
          captionHidden
        >
          {rows}
        </ScrollableTable>
      </section>,
    );
    const region = screen.getByRole('region', { name: 'Entries' });
    expect(region.getAttribute('aria-labelledby')).toBe('entries-heading');
    expect(region).toHaveProperty('tabIndex', 0);
    const table = within(region).getByRole('table', { name: 'Entries in trace-number order' });
    const caption = table.querySelector('caption')!;
    expect(caption.className).toBe('usa-sr-only');
    expect(caption.hasAttribute('id')).toBe(false);
  });

  it('can label the region with text', () => {
    render(
      <ScrollableTable caption="Your requests" label="Your requests" captionHidden>
        {rows}
      </ScrollableTable>,
    );
    const region = screen.getByRole('region', { name: 'Your requests' });
    expect(region.getAttribute('aria-label')).toBe('Your requests');
    expect(region.hasAttribute('aria-labelledby')).toBe(false);
    expect(within(region).getByRole('table', { name: 'Your requests' })).toBeTruthy();
  });

  it('renders the USWDS table classes, with modifiers', () => {
    const { rerender } = render(<ScrollableTable caption="T">{rows}</ScrollableTable>);
    expect(screen.getByRole('table').className).toBe('usa-table usa-table--borderless width-full');
    rerender(
      <ScrollableTable
        caption="T"
        borderless={false}
        fullWidth={false}
        className="usa-table--striped"
      >
        {rows}
      </ScrollableTable>,
    );
    expect(screen.getByRole('table').className).toBe('usa-table usa-table--striped');
  });

  it('says so, visibly and to the region, when the table is wider than its container', () => {
    const widths = (scroll: number, client: number) => {
      Object.defineProperty(HTMLElement.prototype, 'scrollWidth', {
        configurable: true,
        get: () => scroll,
      });
      Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
        configurable: true,
        get: () => client,
      });
    };
    try {
      widths(1400, 960);
      render(
        <LanguageProvider initialLanguage="es">
          <ScrollableTable caption="Lotes">{rows}</ScrollableTable>
        </LanguageProvider>,
      );
      const region = screen.getByRole('region', { name: 'Lotes' });
      expect(region.className).toContain('hms-overflowing');
      const cue = document.getElementById(region.getAttribute('aria-describedby')!)!;
      expect(cue.textContent).toMatch(/^La tabla es más ancha que la página/);
      cleanup();
      widths(960, 960);
      render(<ScrollableTable caption="Lotes">{rows}</ScrollableTable>);
      expect(
        screen.getByRole('region', { name: 'Lotes' }).getAttribute('aria-describedby'),
      ).toBeNull();
    } finally {
      delete (HTMLElement.prototype as { scrollWidth?: number }).scrollWidth;
      delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
    }
  });

  it('TableCheckbox: a real checkbox named by its screen-reader label, toggled by keyboard', async () => {
    let ticked = false;
    render(
      <ScrollableTable caption="Pagos">
        <tbody>
          <tr>
            <td>
              <TableCheckbox
                id="pay-1"
                label="Select payment HMS-1"
                onChange={() => (ticked = !ticked)}
              />
            </td>
          </tr>
        </tbody>
      </ScrollableTable>,
    );
    const box = screen.getByRole('checkbox', { name: 'Select payment HMS-1' });
    box.focus();
    await userEvent.keyboard(' ');
    expect(ticked).toBe(true);
    expect(box.closest('td')!.querySelector('label .usa-sr-only')!.textContent).toBe(
      'Select payment HMS-1',
    );
  });
});
