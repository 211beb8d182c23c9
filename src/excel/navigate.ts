/** Taking the user to a cell: activate its sheet, select the cell. One round trip. */

/** Selects `cell` (A1) on `sheet`; a finding without a cell (workbook-level) only activates the sheet, or does nothing. */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  if (!sheet) return;
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  if (cell) worksheet.getRange(cell).select();
  await context.sync();
}
