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

declare module "exceljs/lib/utils/parse-sax" {
  /** ExcelJS's streaming SAX (saxes): per chunk of input, the chunk's open-tag, text and close-tag events. */
  function parseSax(iterable: AsyncIterable<unknown>): AsyncIterable<unknown[]>;
  export = parseSax;
}

declare module "exceljs/lib/xlsx/xform/style/numfmt-xform" {
  const NumFmtXform: {
    /** The format code of a built-in number format id (14 → "mm-dd-yy"), or undefined. */
    getDefaultFmtCode(numFmtId: number): string | undefined;
  };
  export = NumFmtXform;
}

declare module "exceljs/lib/utils/utils" {
  const utils: {
    /** A date serial as a Date (1900 or 1904 system). */
    excelToDate(serial: number, date1904?: boolean): Date;
  };
  export = utils;
}
