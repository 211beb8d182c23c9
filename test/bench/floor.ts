/**
 * The floor: a bare ExcelJS streaming read of workbooks, with the reader options the command line
 * uses, touching every value of every row and nothing more. Run as a child process by the bench:
 *   node floor.js FILE...   → prints {"rows": n, "cells": n, "ms": [per file]} on stdout
 */
import ExcelJS from "exceljs";

async function readOne(file: string): Promise<{ rows: number; cells: number }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  let rows = 0;
  let cells = 0;
  for await (const sheet of reader) {
    for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
      rows++;
      const values = row.values as unknown[];
      for (let i = 1; i < values.length; i++) if (values[i] !== undefined && values[i] !== null) cells++;
    }
  }
  return { rows, cells };
}

async function main(files: readonly string[]): Promise<void> {
  let rows = 0;
  let cells = 0;
  const ms: number[] = [];
  for (const file of files) {
    const start = process.hrtime.bigint();
    const read = await readOne(file);
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
    rows += read.rows;
    cells += read.cells;
  }
  process.stdout.write(JSON.stringify({ rows, cells, ms }) + "\n");
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
