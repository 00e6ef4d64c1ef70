import ExcelJS from 'exceljs';

/** A cell of a generated sheet: text as text, or a number or date cell as a spreadsheet program would store it. */
export type SheetCell = string | number | Date | null;

/**
 * One sheet (the first) with these rows, as an .xlsx file. Text cells stay text, so leading zeros (routing numbers)
 * survive; a Date is a date cell with a date format, as a person typing a date in a spreadsheet makes it.
 */
export async function xlsxOf(rows: SheetCell[][], sheetName = 'Sheet1'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) {
    const added = sheet.addRow(row);
    added.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
