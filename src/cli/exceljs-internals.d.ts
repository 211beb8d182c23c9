/**
 * ExcelJS 4.4 (pinned) parts that its typings do not describe. readWorkbook.ts drives them itself
 * because the package's own streaming entry point loses zip entries (see zip.ts).
 */
declare module "exceljs/lib/stream/xlsx/workbook-reader" {
  /** Its parts as readWorkbook.ts uses them are described there (ReaderInternals). */
  const WorkbookReader: unknown;
  export default WorkbookReader;
}
declare module "exceljs/lib/stream/xlsx/worksheet-reader" {
  interface StreamedRow {
    readonly number: number;
    readonly values: unknown;
  }
  class WorksheetReader implements AsyncIterable<StreamedRow> {
    constructor(options: { workbook: unknown; id: number | string; iterator: AsyncIterable<unknown>; options: unknown });
    name: string;
    [Symbol.asyncIterator](): AsyncIterator<StreamedRow>;
  }
  export = WorksheetReader;
}
